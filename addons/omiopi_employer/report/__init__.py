from . import field_vacancies
