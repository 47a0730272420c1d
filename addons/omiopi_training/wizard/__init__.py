from . import omiopi_training_enrolment_wizard
from . import omiopi_activity_report
