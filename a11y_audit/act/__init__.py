"""W3C ACT Rules conformance: run the ACT test cases through the audit engine and report.

``suite`` reads the test cases, ``mapping`` says which tool rules implement which ACT rule
(data in rules/act-mapping.yaml), ``runner`` visits every case with the same engine as
``a11y-audit run``, ``earl`` writes and reads the EARL implementation report, ``scoring``
computes consistency the way W3C does, and ``summary`` writes the readable report.
"""
