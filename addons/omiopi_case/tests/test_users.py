from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import OmiopiCaseCommon


@tagged("post_install", "-at_install")
class TestStaffManagement(OmiopiCaseCommon):
    """The omiopi administrator, who is no Odoo administrator, adds and
    changes the suite's staff through their role; nothing else of res.users."""

    def _new_user_as_manager(self, role="technician", login="nuevo.tecnico"):
        users = self.env["res.users"].with_user(self.manager)
        with Form(users, view="omiopi_case.res_users_view_form_omiopi_staff") as form:
            form.name = "Nuevo técnico"
            form.login = login
            form.omiopi_role = role
            form.omiopi_office_ids.add(self.office_a)
        return form.record

    def test_manager_creates_a_technician_through_the_form(self):
        user = self._new_user_as_manager()
        self.assertEqual(user.omiopi_role, "technician")
        self.assertTrue(user.has_group("omiopi_case.group_omiopi_technician"))
        self.assertFalse(user.has_group("omiopi_case.group_omiopi_manager"))
        self.assertEqual(user.omiopi_office_ids, self.office_a)
        self.assertEqual(user.notification_type, "inbox")
        home = self.env["res.users"]._omiopi_role_home_actions()["technician"]
        self.assertEqual(user.action_id.id, self.env.ref(home).id)

    def test_changing_the_role_replaces_the_groups(self):
        user = self._new_user_as_manager()
        user.with_user(self.manager).omiopi_role = "section_head"
        self.assertEqual(user.omiopi_role, "section_head")
        user.with_user(self.manager).omiopi_role = False
        self.assertFalse(user.omiopi_role)
        self.assertFalse(user.has_group("omiopi_case.group_omiopi_technician"))
        self.assertTrue(user.has_group("base.group_user"))

    def test_role_search(self):
        users = self.env["res.users"]
        self.assertIn(self.tech_a, users.search([("omiopi_role", "=", "technician")]))
        self.assertNotIn(
            self.tech_a, users.search([("omiopi_role", "=", "coordinator")])
        )
        self.assertIn(self.internal, users.search([("omiopi_role", "=", False)]))
        self.assertNotIn(self.tech_a, users.search([("omiopi_role", "=", False)]))

    def test_manager_cannot_set_groups_or_settings(self):
        user = self._new_user_as_manager()
        erp_manager = self.env.ref("base.group_erp_manager")
        as_manager = user.with_user(self.manager)
        with self.assertRaises(AccessError):
            as_manager.write({"groups_id": [Command.link(erp_manager.id)]})
        with self.assertRaises(AccessError):
            as_manager.write({"company_ids": [Command.set([])]})
        with self.assertRaises(AccessError):
            self.env["res.users"].with_user(self.manager).create(
                {
                    "name": "Intruso",
                    "login": "intruso",
                    "groups_id": [Command.link(erp_manager.id)],
                }
            )
        self.assertFalse(user.has_group("base.group_erp_manager"))

    def test_manager_cannot_touch_odoo_administrators(self):
        admin = self.env.ref("base.user_admin")
        with self.assertRaises(AccessError):
            admin.with_user(self.manager).write({"password": "taken-over-1234"})
        with self.assertRaises(AccessError):
            admin.with_user(self.manager).omiopi_role = "technician"

    def test_technician_cannot_manage_users(self):
        with self.assertRaises(AccessError):
            self.env["res.users"].with_user(self.tech_a).create(
                {"name": "Nadie", "login": "nadie"}
            )
        with self.assertRaises(AccessError):
            self.tech_b.with_user(self.tech_a).omiopi_role = "manager"

    def test_own_role_cannot_be_raised(self):
        with self.assertRaises(AccessError):
            self.tech_a.with_user(self.tech_a).omiopi_role = "manager"
        self.assertEqual(self.tech_a.omiopi_role, "technician")

    def test_my_offices_follow_the_user(self):
        """'My offices' (written once, on the office) is read for the user
        whose rights are computed, and follows a change of their offices."""
        Office = self.env["omiopi.office"]
        mine = Office.with_user(self.tech_a).search([("is_my_office", "=", True)])
        self.assertEqual(mine, self.office_a)
        self.assertNotIn(
            self.office_a,
            Office.with_user(self.tech_a).search([("is_my_office", "=", False)]),
        )
        self.assertFalse(
            Office.with_user(self.coordinator).search([("is_my_office", "=", True)])
        )
        Case = self.env["omiopi.case"]
        self.assertFalse(
            Case.with_user(self.tech_b).search([("id", "=", self.case_a.id)])
        )
        self.tech_b.omiopi_office_ids |= self.office_a
        self.assertEqual(
            Case.with_user(self.tech_b).search([("id", "=", self.case_a.id)]),
            self.case_a,
        )
        self.assertTrue(self.office_a.with_user(self.tech_b).is_my_office)
