from . import levels
from . import names
from . import privacy
from . import security
