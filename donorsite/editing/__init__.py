"""Tools for editors: starters, the translation sheet and its import, supply updates, safe writes and the JSON Schemas."""
