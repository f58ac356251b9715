"""Widgets of the dataset viewer (the Data panel): thumbnail grid, inspector, pipeline editor."""
