"""The world: Tiled maps, rendering, movement, collision and map triggers. No widgets here."""
