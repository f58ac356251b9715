"""Reusable widgets shared by several panels (parameter forms and the like)."""
