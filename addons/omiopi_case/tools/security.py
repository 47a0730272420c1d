"""Groups the suite's code refers to, named once."""

# The case-work roles: fields restricted to them hold special-category data
# (legal and immigration situation, disability, identity documents).
SENSITIVE = "omiopi_case.group_omiopi_technician"
COORDINATOR = "omiopi_case.group_omiopi_coordinator"
MANAGER = "omiopi_case.group_omiopi_manager"
