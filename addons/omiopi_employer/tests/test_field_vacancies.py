from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import EmployerCommon


@tagged("post_install", "-at_install")
class TestFieldVacancies(EmployerCommon):
    """The one-page sheet of open vacancies a technician hands to a field
    point's association: the offers of the moment, never the employer, and
    only for the office's own points."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.district = cls.env["omiopi.district"].create({"name": "Barrio Test"})
        cls.point = cls.env["omiopi.field.point"].create(
            {
                "name": "Local vecinal Test",
                "office_id": cls.office.id,
                "district_id": cls.district.id,
            }
        )
        cls.near = cls.offer.copy(
            {"name": "Dependienta del barrio", "district_id": cls.district.id}
        )
        cls.near.action_open()
        cls.draft = cls.offer.copy({"name": "Oferta en borrador"})

    def _sheet(self, user):
        report = self.env["ir.actions.report"].with_user(user)
        html, _kind = report._render_qweb_html(
            "omiopi_employer.report_field_vacancies", self.point.ids
        )
        return html.decode()

    def test_the_open_vacancies_of_the_moment(self):
        html = self._sheet(self.tech)
        self.assertIn("Warehouse operative", html)
        self.assertIn("Dependienta del barrio", html)
        self.assertNotIn("Oferta en borrador", html)
        # The office is the way in, not the company.
        self.assertNotIn("Test Logistics SL", html)
        self.assertIn("Persons office", html)
        # The point's district comes first.
        self.assertLess(
            html.index("Dependienta del barrio"), html.index("Warehouse operative")
        )

    def test_only_for_the_offices_own_points(self):
        with self.assertRaises(AccessError):
            self._sheet(self.other_tech)
