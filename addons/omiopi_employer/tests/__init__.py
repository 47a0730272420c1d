from . import test_offer
from . import test_matching
from . import test_candidacy
from . import test_insertion
from . import test_prospection
from . import test_access
from . import test_tour
from . import test_activity_report
