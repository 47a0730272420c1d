from . import pilot_form
