from odoo.tests import HttpCase, tagged

from odoo.addons.omiopi_case.tests.http_common import DemoRpcMixin

SUR = "tecnico.sur"
TETUAN = "tecnico.tetuan"


@tagged("post_install", "-at_install")
class TestReferralHttpIntegrity(DemoRpcMixin, HttpCase):
    """The referral's holes, over JSON-RPC as the demo users."""

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

    def test_1_a_referral_does_not_open_another_person(self):
        victim = self.unreadable_by(
            SUR, "res.partner", [("omiopi_is_person", "=", True)]
        )
        case = self._sur_case()
        self.assert_rpc_refused(
            SUR,
            "omiopi.referral",
            "create",
            {
                "partner_id": victim.id,
                "case_id": case.id,
                "receiving_office_id": self.env.ref(
                    "omiopi_case.office_ae_tetuan_demo"
                ).id,
            },
        )

    def test_2_stage_and_offices_are_refused(self):
        case = self._sur_case()
        referral = self.rpc(
            SUR,
            "omiopi.referral",
            "create",
            {
                "partner_id": case.partner_id.id,
                "case_id": case.id,
                "receiving_office_id": self.env.ref(
                    "omiopi_case.office_ae_tetuan_demo"
                ).id,
            },
        )
        for values in (
            {"stage_type": "in_progress"},
            {"referring_office_id": self.env.ref("omiopi_case.office_norte_demo").id},
            {"shared_with_receiver": True},
            {"date_accepted": "2026-01-01 10:00:00"},
        ):
            with self.subTest(values=values):
                self.assert_rpc_refused(
                    SUR, "omiopi.referral", "write", [referral], values
                )

    def test_4_a_received_referral_gives_reading_only(self):
        """The receiving office reads the person of an accepted referral,
        and changes nothing of the person's record."""
        referral = self.env["omiopi.referral"].search(
            [
                (
                    "receiving_office_id",
                    "=",
                    self.env.ref("omiopi_case.office_ae_tetuan_demo").id,
                ),
                ("stage_type", "=", "in_progress"),
                (
                    "partner_id.omiopi_office_id",
                    "!=",
                    self.env.ref("omiopi_case.office_ae_tetuan_demo").id,
                ),
            ],
            limit=1,
        )
        self.assertTrue(referral, "the demo has an accepted referral to Tetuán")
        person = referral.partner_id
        self.assertTrue(self.rpc(TETUAN, "res.partner", "read", [person.id], ["name"]))
        self.assert_rpc_refused(
            TETUAN, "res.partner", "write", [person.id], {"email": "x@example.org"}
        )
        if person.omiopi_language_ids:
            self.assert_rpc_refused(
                TETUAN,
                "omiopi.person.language",
                "unlink",
                person.omiopi_language_ids[:1].ids,
            )
        self.assert_rpc_refused(
            TETUAN,
            "omiopi.consent",
            "create",
            {"partner_id": person.id, "scope": "network"},
        )
        self.assert_rpc_refused(
            TETUAN,
            "res.partner.id_number",
            "create",
            {
                "partner_id": person.id,
                "category_id": self.env.ref("omiopi_case.id_category_nie").id,
                "name": "X0000000T",
            },
        )
