"""a11y-audit: accessibility audits of government websites."""

__version__ = "0.1.0"
