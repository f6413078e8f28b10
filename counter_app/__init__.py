"""Counter: the service-hall client of a water or gas utility."""

__version__ = "0.1.0"
