from . import test_eligibility
from . import test_followup
from . import test_import
from . import test_program_report
from . import test_referral_concurrency
from . import test_referral_flow
from . import test_referral_security
from . import test_tour
