from . import program_report_xlsx
