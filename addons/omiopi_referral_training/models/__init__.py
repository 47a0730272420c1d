from . import omiopi_referral
from . import omiopi_training_enrolment
