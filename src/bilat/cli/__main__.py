"""``python -m bilat.cli ...`` runs the command line (the same as the ``bilat`` script)."""

from bilat.cli import console

console()
