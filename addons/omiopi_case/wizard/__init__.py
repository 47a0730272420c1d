from . import omiopi_case_close_wizard
from . import omiopi_activity_report
from . import omiopi_activity_report_line
from . import omiopi_anonymise_wizard
