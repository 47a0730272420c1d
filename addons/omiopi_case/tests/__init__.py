from . import test_access
from . import test_case
from . import test_document_expiry
from . import test_person
from . import test_tour
from . import test_activity_report
from . import test_dashboard
from . import test_http_security
