import base64

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .http_common import OmiopiHttpMixin


@tagged("post_install", "-at_install")
class TestHttpSecurity(OmiopiHttpMixin, HttpCase):
    """What a technician of office A can reach through the web client's own
    routes (JSON-RPC call_kw, /web/content) of office B's case files, and
    what bad input through RPC does."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Office = cls.env["omiopi.office"]
        cls.office_a = Office.create({"name": "HTTP office A", "code": "HTA"})
        cls.office_b = Office.create({"name": "HTTP office B", "code": "HTB"})
        group = "omiopi_case.group_omiopi_technician"
        cls.tech_a = new_test_user(cls.env, login="http_tech_a", groups=group)
        cls.tech_b = new_test_user(cls.env, login="http_tech_b", groups=group)
        cls.tech_a.omiopi_office_ids = cls.office_a
        cls.tech_b.omiopi_office_ids = cls.office_b
        cls.coordinator = new_test_user(
            cls.env,
            login="http_coordinator",
            groups="omiopi_case.group_omiopi_coordinator",
        )

        def case(name, office):
            person = cls.env["res.partner"].create(
                {"name": name, "omiopi_is_person": True, "omiopi_office_id": office.id}
            )
            return cls.env["omiopi.case"].create(
                {"partner_id": person.id, "office_id": office.id}
            )

        cls.case_a = case("Person of A", cls.office_a)
        cls.case_b = case("Person of B", cls.office_b)
        cls.attachment_b = cls.env["ir.attachment"].create(
            {
                "name": "report-b.txt",
                "datas": base64.b64encode(b"confidential report of B"),
                "res_model": "omiopi.case",
                "res_id": cls.case_b.id,
                "mimetype": "text/plain",
            }
        )

    def _call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def test_rpc_reads_only_what_the_rules_allow(self):
        self.authenticate("http_tech_a", "http_tech_a")
        found = self._call(
            "omiopi.case",
            "search_read",
            [[("id", "in", (self.case_a | self.case_b).ids)]],
            {"fields": ["name"]},
        )
        self.assertEqual([row["id"] for row in found], self.case_a.ids)
        with self.assertRaises(JsonRpcException) as error:
            self._call(
                "omiopi.case",
                "web_read",
                [self.case_b.ids],
                {"specification": {"name": {}}},
            )
        self.assertIn("AccessError", str(error.exception))
        with self.assertRaises(JsonRpcException):
            self._call(
                "res.partner", "read", [self.case_b.partner_id.ids, ["name", "phone"]]
            )
        with self.assertRaises(JsonRpcException):
            self._call("omiopi.case", "write", [self.case_b.ids, {"priority": "1"}])
        self.assertEqual(self.case_b.priority, "0")

    def test_opening_a_case_file_over_rpc_is_logged(self):
        self.authenticate("http_tech_a", "http_tech_a")
        self._call(
            "omiopi.case",
            "web_read",
            [self.case_a.ids],
            {"specification": {"name": {}}},
        )
        entry = self.env["omiopi.access.log"].search(
            [("res_model", "=", "omiopi.case"), ("res_id", "=", self.case_a.id)]
        )
        self.assertEqual(entry.user_id, self.tech_a)

    def test_attachments_of_another_office_cannot_be_downloaded(self):
        url = f"/web/content/{self.attachment_b.id}?download=true"
        self.authenticate("http_tech_a", "http_tech_a")
        response = self.url_open(url)
        self.assertIn(response.status_code, (403, 404))
        self.assertNotIn(b"confidential", response.content)
        self.authenticate("http_tech_b", "http_tech_b")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, b"confidential report of B")

    def test_personal_data_export_url_is_for_coordinators_only(self):
        url = f"/report/xlsx/omiopi_case.personal_data_xlsx/{self.case_a.partner_id.id}"
        # A technician may read the person, not export everything about them.
        self.assert_url_refused_then_served(
            url, "http_tech_a", "http_coordinator", starts=b"PK"
        )

    def test_another_users_activity_report_cannot_be_downloaded(self):
        report = (
            self.env["omiopi.activity.report"]
            .with_user(self.coordinator)
            .create({"date_from": "2025-01-01", "date_to": "2025-12-31"})
        )
        report.action_compute()
        url = f"/report/xlsx/omiopi_case.activity_report_xlsx/{report.id}"
        self.assert_url_refused_then_served(
            url, "http_tech_a", "http_coordinator", starts=b"PK"
        )

    def test_bad_input_through_rpc(self):
        self.authenticate("http_tech_a", "http_tech_a")
        case = self.case_a
        # Script in an HTML field is stored sanitised, not executed later.
        self._call(
            "omiopi.case",
            "write",
            [case.ids, {"description": "<p>ok</p><script>alert(1)</script>"}],
        )
        case.invalidate_recordset()
        self.assertIn("ok", case.description)
        self.assertNotIn("<script", case.description)
        # A huge text is stored as text.
        self._call("omiopi.case", "write", [case.ids, {"legal_notes": "x" * 100_000}])
        case.invalidate_recordset()
        self.assertEqual(len(case.legal_notes), 100_000)
        with mute_logger("odoo.http"):
            # Wrong types and values: a clear error, the record unchanged.
            for values in (
                {"date_open": "not a date"},
                {"priority": "not a priority"},
                {"state": "flying"},
                {"office_id": "B"},
            ):
                with self.subTest(values=values), self.assertRaises(JsonRpcException):
                    self._call("omiopi.case", "write", [case.ids, values])
            # Unknown ids: nothing, or a clear error, never a traceback page.
            try:
                found = self._call(
                    "omiopi.case",
                    "web_read",
                    [[999_999_999]],
                    {"specification": {"name": {}}},
                )
                self.assertEqual(found, [])
            except JsonRpcException as error:
                self.assertIn("MissingError", str(error))
            with self.assertRaises(JsonRpcException):
                self._call("omiopi.case", "write", [[999_999_999], {"priority": "1"}])
        case.invalidate_recordset()
        self.assertEqual(case.office_id, self.office_a)
        self.assertEqual(case.state, "intake")
