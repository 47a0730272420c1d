from . import omiopi_training_enrolment_wizard
