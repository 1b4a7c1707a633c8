"""One module per screen. Scenes read state and emit actions and events; they own no rules and
never touch files (the GameContext services do)."""
