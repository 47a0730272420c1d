from odoo.tests import HttpCase, tagged

from odoo.addons.omiopi_case.tests.form_common import FormReadMixin
from odoo.addons.omiopi_case.tests.http_common import DemoRpcMixin

TETUAN = "tecnico.tetuan"
NORTE = "tecnico.norte"


@tagged("post_install", "-at_install")
class TestCoordinationHttpIntegrity(FormReadMixin, DemoRpcMixin, HttpCase):
    """The demo cases table of Oficina Norte has a technician of the
    Agencia de Zona Tetuán among its members: over JSON-RPC, as the web
    client, she reads the meeting and none of Norte's case files."""

    def setUp(self):
        super().setUp()
        self.meeting = self.env.ref("omiopi_coordination.meeting_cases_norte_held_demo")
        self.norte_cases = self.env.ref("omiopi_case.case_01_demo") | self.env.ref(
            "omiopi_case.case_04_demo"
        )
        self.assertEqual(self.meeting.case_ids, self.norte_cases)

    def _web_read(self, login):
        spec = self._view_spec(self.meeting._name, self.demo_user(login))
        return self.rpc(
            login,
            self.meeting._name,
            "web_read",
            [self.meeting.id],
            specification=spec,
        )[0]

    def test_a_member_of_another_office_reads_no_case_file(self):
        values = self._web_read(TETUAN)
        self.assertEqual(values["case_ids"], [])
        for case in self.norte_cases:
            self.assertNotIn(case.partner_id.name, str(values))
        # Norte's technician reads them
        values = self._web_read(NORTE)
        self.assertEqual(
            sorted(c["id"] for c in values["case_ids"]), sorted(self.norte_cases.ids)
        )
        self.assert_rpc_refused(
            TETUAN, "omiopi.case", "read", self.norte_cases.ids, ["partner_id"]
        )

    def test_her_changes_keep_the_case_files_she_does_not_see(self):
        self.rpc(
            TETUAN,
            self.meeting._name,
            "web_save",
            [self.meeting.id],
            {"case_ids": [(6, 0, [])], "minutes": "<p>Revisado</p>"},
            specification={"case_ids": {}},
        )
        self.meeting.invalidate_recordset()
        self.assertEqual(self.meeting.case_ids, self.norte_cases)
        self.assertEqual(str(self.meeting.minutes), "<p>Revisado</p>")

    def test_she_cannot_link_a_case_file_she_does_not_read(self):
        other = self.env.ref("omiopi_case.case_07_demo")
        self.assert_rpc_refused(
            TETUAN,
            self.meeting._name,
            "write",
            [self.meeting.id],
            {"case_ids": [(4, other.id)]},
        )
        self.meeting.invalidate_recordset()
        self.assertNotIn(other, self.meeting.case_ids)
