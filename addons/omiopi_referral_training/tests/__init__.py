from . import test_referral_training
