from . import omiopi_activity_report
