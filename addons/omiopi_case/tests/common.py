from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase


class OmiopiCaseCommon(TransactionCase):
    """Two offices, a user per role, a person and a case file in office A.

    Tests build their own data: they never rely on demo records."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        Office = cls.env["omiopi.office"]
        cls.office_a = Office.create(
            {"name": "Test office A", "code": "TOA", "office_type": "omiopi"}
        )
        cls.office_b = Office.create(
            {"name": "Test office B", "code": "TOB", "office_type": "ae_agency"}
        )
        group = "omiopi_case.group_omiopi_"
        cls.tech_a = cls._user("omiopi_tech_a", group + "technician", cls.office_a)
        cls.tech_b = cls._user("omiopi_tech_b", group + "technician", cls.office_b)
        cls.head_a = cls._user("omiopi_head_a", group + "section_head", cls.office_a)
        cls.coordinator = cls._user("omiopi_coordinator", group + "coordinator")
        cls.manager = cls._user("omiopi_manager", group + "manager")
        cls.internal = cls._user("omiopi_internal", "base.group_user")
        cls.portal = cls._user("omiopi_portal", "base.group_portal")
        cls.office_a.manager_id = cls.head_a

        cls.area_legal = cls.env.ref("omiopi_case.area_legal")
        cls.area_employment = cls.env.ref("omiopi_case.area_employment")
        cls.reason = cls.env.ref("omiopi_case.close_reason_objectives")
        cls.cat_dni = cls.env.ref("omiopi_case.id_category_dni")
        cls.cat_nie = cls.env.ref("omiopi_case.id_category_nie")
        cls.cat_passport = cls.env.ref("omiopi_case.id_category_passport")

        cls.person_a = cls._person("Amina Test", cls.office_a)
        cls.case_a = cls.env["omiopi.case"].create(
            {
                "partner_id": cls.person_a.id,
                "office_id": cls.office_a.id,
                "user_id": cls.tech_a.id,
            }
        )

    @classmethod
    def _user(cls, login, groups, office=None):
        user = new_test_user(cls.env, login=login, groups=groups, name=login)
        if office:
            user.omiopi_office_ids = office
        return user

    @classmethod
    def _person(cls, name, office, **values):
        return cls.env["res.partner"].create(
            {
                "name": name,
                "omiopi_is_person": True,
                "omiopi_office_id": office.id,
                **values,
            }
        )

    def _case(self, person, office, user, **values):
        return self.env["omiopi.case"].create(
            {
                "partner_id": person.id,
                "office_id": office.id,
                "user_id": user.id,
                **values,
            }
        )
