"""ReportLab reports with correctly shaped right-to-left Persian."""
