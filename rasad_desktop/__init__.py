"""Rasad (رصد منابع): monitoring the realization of provincial budget resources."""

__version__ = "0.1.0"
APP_NAME = "Rasad"
APP_NAME_FA = "رصد منابع"
