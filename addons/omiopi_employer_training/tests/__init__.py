from . import test_prospector_training
from . import test_access_matrix
