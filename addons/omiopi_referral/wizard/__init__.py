from . import omiopi_referral_decision_wizard
from . import omiopi_referral_report_wizard
from . import omiopi_referral_import_wizard
from . import omiopi_referral_import_line
from . import omiopi_activity_report
