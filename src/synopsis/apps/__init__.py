"""Front ends: the command line, the HTTP service and batch runs.

The only layer that maps errors to exit codes and HTTP statuses.
"""
