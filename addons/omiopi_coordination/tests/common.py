from datetime import timedelta

from odoo import fields

from odoo.addons.omiopi_case.tests.common import OmiopiTestCase


class CoordinationCommon(OmiopiTestCase):
    """A cases table of office A with a member of office B, a third office
    C outside it, a user per role, and a meeting that discusses a case file
    of each of A and B."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Office = cls.env["omiopi.office"]
        cls.office_a = Office.create({"name": "Coordination office A", "code": "COA"})
        cls.office_b = Office.create({"name": "Coordination office B", "code": "COB"})
        cls.office_c = Office.create({"name": "Coordination office C", "code": "COC"})
        group = "omiopi_case.group_omiopi_"
        cls.tech_a = cls._user("co_tech_a", group + "technician", cls.office_a)
        cls.tech_b = cls._user("co_tech_b", group + "technician", cls.office_b)
        cls.tech_c = cls._user("co_tech_c", group + "technician", cls.office_c)
        cls.head_a = cls._user("co_head_a", group + "section_head", cls.office_a)
        cls.coordinator = cls._user("co_coordinator", group + "coordinator")
        cls.manager = cls._user("co_manager", group + "manager")
        cls.internal = cls._user("co_internal", "base.group_user")
        cls.portal = cls._user("co_portal", "portal")
        cls.person_a = cls._person("Amina Coordinada", cls.office_a)
        cls.person_b = cls._person("Bilal Coordinado", cls.office_b)
        cls.person_c = cls._person("Carla Oculta", cls.office_c)
        Case = cls.env["omiopi.case"]
        cls.case_a = Case.create(
            {"partner_id": cls.person_a.id, "office_id": cls.office_a.id}
        )
        cls.case_b = Case.create(
            {"partner_id": cls.person_b.id, "office_id": cls.office_b.id}
        )
        cls.case_c = Case.create(
            {"partner_id": cls.person_c.id, "office_id": cls.office_c.id}
        )
        cls.institution = cls.env["res.partner"].create(
            {"name": "Servicios sociales de prueba", "is_company": True}
        )
        cls.contact = cls.env["res.partner"].create(
            {"name": "Teresa Enlace", "parent_id": cls.institution.id}
        )
        cls.table = cls.env["omiopi.coordination.table"].create(
            {
                "name": "Cases table A",
                "level": "case",
                "office_ids": [(6, 0, cls.office_a.ids)],
                "member_ids": [(6, 0, (cls.tech_a | cls.tech_b).ids)],
                "institution_ids": [(6, 0, cls.institution.ids)],
                "contact_ids": [(6, 0, cls.contact.ids)],
            }
        )
        cls.start = fields.Datetime.now().replace(microsecond=0) - timedelta(days=7)
        cls.meeting = cls.env["omiopi.coordination.meeting"].create(
            {
                "table_id": cls.table.id,
                "name": "Fortnightly cases meeting",
                "start": cls.start,
                "case_ids": [(6, 0, (cls.case_a | cls.case_b).ids)],
                "agenda": "<p>Itineraries</p>",
            }
        )

    def _agreement(self, meeting=None, user=None, owner=None, days=7, name="Call"):
        return (
            self.env["omiopi.coordination.agreement"]
            .with_user(user or self.tech_a)
            .create(
                {
                    "meeting_id": (meeting or self.meeting).id,
                    "name": name,
                    "user_id": (owner or self.tech_a).id,
                    "date_deadline": fields.Date.today() + timedelta(days=days),
                }
            )
        )
