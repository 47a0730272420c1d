from . import test_access
from . import test_enrolment
from . import test_concurrency
from . import test_tour
from . import test_activity_report
from . import test_http_security
from . import test_query_counts
