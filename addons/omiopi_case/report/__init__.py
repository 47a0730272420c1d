from . import activity_report_xlsx
from . import personal_data_xlsx
from . import person_cv
