"""Reusable widgets of the Mirror TUI (each may carry its own DEFAULT_CSS)."""
