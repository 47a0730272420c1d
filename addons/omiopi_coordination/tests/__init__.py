from . import test_access
from . import test_agreement
from . import test_guard
from . import test_activity_report
from . import test_http_integrity
from . import test_tour
from . import test_access_matrix
