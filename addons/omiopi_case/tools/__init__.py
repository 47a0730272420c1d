from . import names
from . import security
