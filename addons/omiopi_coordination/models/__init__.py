from . import omiopi_coordination_table
from . import omiopi_coordination_meeting
from . import omiopi_coordination_agreement
