from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import config

from .http_common import DemoRpcMixin

SUR = "tecnico.sur"
NORTE = "tecnico.norte"


@tagged("post_install", "-at_install")
class TestHttpIntegrity(DemoRpcMixin, HttpCase):
    """The access-integrity holes reported against make run's demo, replayed
    over JSON-RPC as the demo users: each class of hole has its test."""

    def _norte_person(self):
        """A person of Oficina Norte that Oficina Sur may not read."""
        return self.unreadable_by(
            SUR,
            "res.partner",
            [
                ("omiopi_is_person", "=", True),
                (
                    "omiopi_office_id",
                    "=",
                    self.env.ref("omiopi_case.office_norte_demo").id,
                ),
            ],
        )

    def _sur_case(self):
        return self.readable_by(
            SUR,
            "omiopi.case",
            [
                ("office_id", "=", self.env.ref("omiopi_case.office_sur_demo").id),
                ("state", "!=", "closed"),
            ],
            operation="write",
        )

    def test_1_a_link_does_not_open_another_office_person(self):
        victim = self._norte_person()
        sur_office = self.env.ref("omiopi_case.office_sur_demo")
        self.assert_rpc_refused(
            SUR,
            "omiopi.case",
            "create",
            {"partner_id": victim.id, "office_id": sur_office.id},
        )
        self.assert_rpc_refused(
            SUR,
            "omiopi.case",
            "write",
            [self._sur_case().id],
            {"partner_id": victim.id},
        )
        self.assert_rpc_refused(
            SUR,
            "res.partner",
            "read",
            [victim.id],
            ["omiopi_legal_situation_id", "omiopi_disability", "id_numbers"],
        )

    def test_2_procedure_fields_are_refused(self):
        case = self._sur_case()
        norte = self.env.ref("omiopi_case.office_norte_demo")
        irregular = self.env.ref("omiopi_case.legal_situation_irregular")
        for values in (
            {"access_office_ids": [(4, norte.id)]},
            {"legal_situation_id": irregular.id},
            {"close_note": "Cerrado a mano"},
        ):
            with self.subTest(values=values):
                self.assert_rpc_refused(SUR, "omiopi.case", "write", [case.id], values)
        person = case.partner_id
        for values in (
            {"omiopi_can_work": not person.omiopi_can_work},
            {"omiopi_is_regular": not person.omiopi_is_regular},
        ):
            with self.subTest(values=values):
                self.assert_rpc_refused(
                    SUR, "res.partner", "write", [case.partner_id.id], values
                )
        attention = case.attention_ids[:1] or self.env["omiopi.attention"].create(
            {
                "case_id": case.id,
                "area_id": self.env.ref("omiopi_case.area_reception").id,
                "summary": "Visita",
            }
        )
        self.assert_rpc_refused(
            SUR, "omiopi.attention", "write", [attention.id], {"office_id": norte.id}
        )
        consent = self.env["omiopi.consent"].create(
            {"partner_id": case.partner_id.id, "scope": "network"}
        )
        self.rpc(SUR, "omiopi.consent", "action_withdraw", [consent.id])
        self.assert_rpc_refused(
            SUR, "omiopi.consent", "write", [consent.id], {"state": "given"}
        )
        self.assertEqual(consent.state, "withdrawn")

    def test_5_every_read_of_a_sensitive_field_is_logged(self):
        person = self.readable_by(
            NORTE, "res.partner", [("omiopi_is_person", "=", True)], "write"
        )
        Log = self.env["omiopi.access.log"]

        def entries():
            return Log.search_count(
                [("res_model", "=", "res.partner"), ("res_id", "=", person.id)]
            )

        calls = (
            ("read", [[person.id], ["omiopi_legal_situation_id"]], {}),
            (
                "search_read",
                [[("id", "=", person.id)]],
                {"fields": ["omiopi_disability"]},
            ),
            (
                "web_search_read",
                [[("id", "=", person.id)], {"omiopi_legal_notes": {}}],
                {"context": {"omiopi_listing": True}},
            ),
        )
        for method, args, kwargs in calls:
            with self.subTest(method=method):
                before = entries()
                self.rpc(NORTE, "res.partner", method, *args, **kwargs)
                self.assertEqual(entries(), before + 1)

    def test_6_production_configuration(self):
        """No database manager over HTTP, and no default master password."""
        self.assertFalse(config.verify_admin_password("admin"))
        self.assertFalse(config["list_db"])
        with self.assertRaises(JsonRpcException) as refused:
            self.make_jsonrpc_request(
                "/jsonrpc", {"service": "db", "method": "list", "args": []}
            )
        self.assertEqual(refused.exception.args[0], "odoo.exceptions.AccessDenied")

    def test_6_no_public_sign_up(self):
        """Accounts are created by the suite's administrators: nobody signs up
        from the sign-in page."""
        self.assertEqual(self.env["res.users"]._get_signup_invitation_scope(), "b2b")
        self.assertEqual(self.url_open("/web/signup").status_code, 404)
        self.assertNotIn("/web/signup", self.url_open("/web/login").text)

    def test_7_bad_search_input_is_a_clear_error(self):
        for value in ("seis", 10**12):
            with self.subTest(value=value):
                self.assert_rpc_error(
                    UserError,
                    NORTE,
                    "res.partner",
                    "search",
                    [("omiopi_months_in_spain", ">=", value)],
                )

    def test_a_person_is_not_named_through_a_link(self):
        victim = self._norte_person()
        event = self.rpc(
            SUR,
            "calendar.event",
            "create",
            {"name": "Cita", "partner_ids": [(4, victim.id)]},
        )
        values = self.rpc(
            SUR,
            "calendar.event",
            "web_read",
            [event],
            {
                "attendee_ids": {
                    "fields": {"partner_id": {"fields": {"display_name": {}}}}
                }
            },
        )
        labels = [a["partner_id"]["display_name"] for a in values[0]["attendee_ids"]]
        self.assertNotIn(victim.name, labels)

    def test_9_field_points_are_each_office_own(self):
        """The field registrations carry a person's name and phone: another
        office neither reads them nor registers at, completes or counts
        with a session of the office that holds the point."""
        norte = self.env.ref("omiopi_case.office_norte_demo")
        registration = self.unreadable_by(
            SUR, "omiopi.field.registration", [("office_id", "=", norte.id)]
        )
        session = self.unreadable_by(
            SUR, "omiopi.field.session", [("office_id", "=", norte.id)]
        )
        self.assertFalse(
            self.rpc(
                SUR,
                "omiopi.field.registration",
                "search_read",
                [("office_id", "=", norte.id)],
                ["name", "phone"],
            )
        )
        self.assertFalse(
            self.rpc(
                SUR,
                "omiopi.field.registration",
                "read_group",
                [("office_id", "=", norte.id)],
                ["name"],
                ["name"],
            )
        )
        self.assert_rpc_refused(
            SUR, "omiopi.field.registration", "read", [registration.id], ["name"]
        )
        self.assert_rpc_refused(
            SUR, "omiopi.field.registration", "action_complete", [registration.id]
        )
        self.assert_rpc_refused(
            SUR,
            "omiopi.field.registration",
            "create",
            {
                "session_id": session.id,
                "name": "Intruso",
                "request": "Nada",
                "consent_given": True,
            },
        )
        self.assert_rpc_refused(
            SUR,
            "omiopi.attention",
            "write",
            [
                self.readable_by(
                    SUR,
                    "omiopi.attention",
                    [
                        (
                            "office_id",
                            "=",
                            self.env.ref("omiopi_case.office_sur_demo").id,
                        )
                    ],
                    operation="write",
                ).id
            ],
            {"field_session_id": session.id},
        )
        # Its own registrations: the person and the state are the procedure's.
        own = self.readable_by(
            NORTE,
            "omiopi.field.registration",
            [("office_id", "=", norte.id), ("state", "=", "to_complete")],
            operation="write",
        )
        for values in ({"state": "completed"}, {"partner_id": self._norte_person().id}):
            with self.subTest(values=values):
                self.assert_rpc_refused(
                    NORTE, "omiopi.field.registration", "write", [own.id], values
                )
