"""Raw pygame events become game actions here, once; scenes only ever see actions."""
