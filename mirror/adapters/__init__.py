"""Engines that produce mirrorback text: offline (default), ollama, anthropic."""
