"""Moving figures in and out of Rasad as spreadsheets (xlsx, CSV)."""
