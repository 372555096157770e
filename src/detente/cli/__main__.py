"""`python -m detente.cli`: the detente command."""
from detente.cli import main

main()
