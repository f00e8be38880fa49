from .cli import main

main(prog_name="a11y-audit")
