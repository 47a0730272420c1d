from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from odoo.addons.omiopi_case.tests.http_common import OmiopiHttpMixin

from .common import ReferralCommon


@tagged("post_install", "-at_install")
class TestReferralHttpSecurity(OmiopiHttpMixin, HttpCase, ReferralCommon):
    """Through the web client's routes, a technician of an office that is
    neither the referring nor the receiving one reaches nothing of a
    referral, and nobody downloads another user's programme report."""

    def _call(self, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/omiopi.referral/{method}",
            {
                "model": "omiopi.referral",
                "method": method,
                "args": args,
                "kwargs": kwargs or {},
            },
        )

    def test_a_referral_is_not_reached_by_a_third_office(self):
        referral = self._referral()
        self.authenticate("ref_other_tech", "ref_other_tech")
        found = self._call(
            "search_read", [[("id", "=", referral.id)]], {"fields": ["partner_id"]}
        )
        self.assertEqual(found, [])
        with self.assertRaises(JsonRpcException), mute_logger("odoo.http"):
            self._call("web_read", [referral.ids], {"specification": {"name": {}}})
        with self.assertRaises(JsonRpcException), mute_logger("odoo.http"):
            self._call("write", [referral.ids, {"observations": "changed"}])
        self.assertFalse(referral.observations)
        # The referring technician opens it, and the opening is logged.
        self.authenticate("ref_ae_tech", "ref_ae_tech")
        read = self._call("web_read", [referral.ids], {"specification": {"name": {}}})
        self.assertEqual(read[0]["id"], referral.id)
        log = self.env["omiopi.access.log"].search(
            [("res_model", "=", "omiopi.referral"), ("res_id", "=", referral.id)]
        )
        self.assertEqual(log.user_id, self.ae_tech)

    def test_another_users_programme_report_cannot_be_downloaded(self):
        wizard = (
            self.env["omiopi.referral.report.wizard"]
            .with_user(self.coordinator)
            .create({})
        )
        url = f"/report/xlsx/omiopi_referral.program_report_xlsx/{wizard.id}"
        self.assert_url_refused_then_served(
            url, "ref_other_tech", "ref_coordinator", starts=b"PK"
        )
