from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase

# The groups of the suite's roles, by the short names the tests use.
ROLE_GROUPS = {
    "technician": "omiopi_case.group_omiopi_technician",
    "section_head": "omiopi_case.group_omiopi_section_head",
    "coordinator": "omiopi_case.group_omiopi_coordinator",
    "manager": "omiopi_case.group_omiopi_manager",
    "internal": "base.group_user",
    "portal": "base.group_portal",
}


class OmiopiTestCase(TransactionCase):
    """The base of every add-on's fixture: offices, users of a role in their
    offices, persons served. Tracking is off (the chatter is tested where it
    matters). Tests build their own data: they never rely on demo records."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))

    @classmethod
    def _office(cls, name, code, **values):
        return cls.env["omiopi.office"].create({"name": name, "code": code, **values})

    @classmethod
    def _user(cls, login, groups, office=None):
        """A user of `groups` (a role of ROLE_GROUPS or group xml ids,
        comma-separated) working in `office`."""
        user = new_test_user(
            cls.env,
            login=login,
            groups=ROLE_GROUPS.get(groups, groups),
            name=login,
            email=f"{login}@example.org",
        )
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

    @classmethod
    def _field_registration(cls, office, name, **values):
        """A person registered at a session of a field point of `office`."""
        point = cls.env["omiopi.field.point"].create(
            {"name": "Punto", "office_id": office.id}
        )
        session = cls.env["omiopi.field.session"].create(
            {"point_id": point.id, "start": "2026-10-06 08:00:00"}
        )
        return cls.env["omiopi.field.registration"].create(
            {
                "session_id": session.id,
                "name": name,
                "request": "Trabajo",
                "consent_given": True,
                **values,
            }
        )

    @classmethod
    def _case(cls, person, office, user=None, **values):
        return cls.env["omiopi.case"].create(
            {
                "partner_id": person.id,
                "office_id": office.id,
                "user_id": user.id if user else False,
                **values,
            }
        )


class OmiopiCaseCommon(OmiopiTestCase):
    """Two offices, a user per role, a person and a case file in office A."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.office_a = cls._office("Test office A", "TOA", office_type="omiopi")
        cls.office_b = cls._office("Test office B", "TOB", office_type="ae_agency")
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
        cls.case_a = cls._case(cls.person_a, cls.office_a, cls.tech_a)
