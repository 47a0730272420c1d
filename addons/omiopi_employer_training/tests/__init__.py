from . import test_prospector_training
