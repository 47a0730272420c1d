from . import omiopi_job_offer_match
from . import omiopi_job_offer_match_line
from . import omiopi_activity_report
