"""intimacy-check: a private self-assessment of emotional intimacy."""

__version__ = "0.1.0"
