from . import bulk
from . import followers
from . import levels
from . import names
from . import numbering
from . import privacy
from . import security
