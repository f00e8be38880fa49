"""Scale-out: Celery workers (Redis broker) that gather pages for a run on other machines.

The orchestrator (run.py) stays where it is: discovery, politeness per host, checks and
the store. Only the browser visit moves to the workers; a worker returns the page's
snapshot, so results are the same as a local run's.
"""
