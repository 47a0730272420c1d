from . import activity_report_xlsx
