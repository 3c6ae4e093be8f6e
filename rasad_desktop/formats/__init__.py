"""File formats and file handling below the services: the atomic file write, the backup
container. Imports nothing above ``core``."""
