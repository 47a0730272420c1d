from . import test_referral_training
from . import test_guard
