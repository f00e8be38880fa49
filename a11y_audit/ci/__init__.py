"""`a11y-audit check`: the gate for CI pipelines, its settings, baselines and output formats."""
