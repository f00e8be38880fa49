"""Unattended, scheduled runs: a lock, regression alerts, retention and exports."""
