"""pygame_gui manager, theme and shared widgets."""
