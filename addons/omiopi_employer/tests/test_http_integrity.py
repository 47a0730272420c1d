from odoo.tests import HttpCase, tagged

from odoo.addons.omiopi_case.tests.http_common import DemoRpcMixin

PROSPECTOR = "prospectora.tetuan"


@tagged("post_install", "-at_install")
class TestEmployerHttpIntegrity(DemoRpcMixin, HttpCase):
    """The prospector's holes, over JSON-RPC as the demo prospector."""

    def test_1_a_candidacy_does_not_open_any_person(self):
        victim = self.unreadable_by(
            PROSPECTOR, "res.partner", [("omiopi_is_person", "=", True)]
        )
        offer = self.readable_by(
            PROSPECTOR, "omiopi.job.offer", [("state", "=", "open")], "write"
        )
        self.assert_rpc_refused(
            PROSPECTOR,
            "omiopi.job.candidacy",
            "create",
            {"offer_id": offer.id, "partner_id": victim.id},
        )
        self.assert_rpc_refused(
            PROSPECTOR, "res.partner", "read", [victim.id], ["name", "phone"]
        )

    def test_3_derived_data_is_not_read_by_prospectors(self):
        self.assert_rpc_refused(
            PROSPECTOR,
            "res.partner",
            "search",
            [("omiopi_search_text", "ilike", "X")],
        )
        self.assert_rpc_refused(
            PROSPECTOR,
            "res.partner",
            "read_group",
            [("omiopi_is_person", "=", True)],
            ["omiopi_is_regular"],
            ["omiopi_is_regular"],
        )
        person = self.readable_by(
            PROSPECTOR, "res.partner", [("omiopi_is_person", "=", True)]
        )
        self.assert_rpc_refused(
            PROSPECTOR,
            "res.partner",
            "read",
            [person.id],
            ["omiopi_can_work", "omiopi_document_number"],
        )
