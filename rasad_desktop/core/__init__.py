"""The pure domain core: no I/O, no Qt, no database."""
