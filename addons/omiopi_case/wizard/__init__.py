from . import omiopi_case_close_wizard
