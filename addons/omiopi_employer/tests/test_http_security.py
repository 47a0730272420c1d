from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common import EmployerCommon


@tagged("post_install", "-at_install")
class TestEmployerHttpSecurity(HttpCase, EmployerCommon):
    """Through JSON-RPC, a prospector of another office reaches neither the
    candidacies of an offer nor the legal situation of a candidate."""

    def _call(self, model, method, args, kwargs=None):
        with mute_logger("odoo.http"):
            return self.make_jsonrpc_request(
                f"/web/dataset/call_kw/{model}/{method}",
                {
                    "model": model,
                    "method": method,
                    "args": args,
                    "kwargs": kwargs or {},
                },
            )

    def test_candidacies_of_another_office_are_not_reached(self):
        candidacy = self._propose(self.fit)
        self.authenticate("em_prospector_c", "em_prospector_c")
        found = self._call(
            "omiopi.job.candidacy",
            "search_read",
            [[("id", "=", candidacy.id)]],
            {"fields": ["partner_id"]},
        )
        self.assertEqual(found, [])
        with self.assertRaises(JsonRpcException):
            self._call(
                "omiopi.job.candidacy",
                "web_read",
                [candidacy.ids],
                {"specification": {"partner_id": {}}},
            )
        with self.assertRaises(JsonRpcException):
            self._call("res.partner", "read", [self.fit.ids, ["name", "phone"]])
        # The offer's own prospector reads the candidacy...
        self.authenticate("em_prospector", "em_prospector")
        read = self._call(
            "omiopi.job.candidacy",
            "web_read",
            [candidacy.ids],
            {"specification": {"partner_id": {}}},
        )
        self.assertEqual(read[0]["partner_id"], self.fit.id)
        # ... but never the candidate's legal situation (field groups).
        with self.assertRaises(JsonRpcException) as error:
            self._call(
                "res.partner", "read", [self.fit.ids, ["omiopi_legal_situation_id"]]
            )
        self.assertIn("AccessError", str(error.exception))
