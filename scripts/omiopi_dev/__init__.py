"""The tooling behind the Makefile, a module per concern (see README.md)."""
