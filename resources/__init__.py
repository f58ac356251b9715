"""Bundled, non-code resources: the app icon, styles and the small pretrained weights with their recipes."""
