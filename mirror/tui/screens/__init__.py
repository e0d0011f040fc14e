"""One module per screen of the Mirror TUI."""
