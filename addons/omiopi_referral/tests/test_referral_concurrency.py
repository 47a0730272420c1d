from psycopg2 import errors as pg_errors

from odoo import api
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestReferralConcurrency(TransactionCase):
    """Two coordinators approve the same referral at the same moment, each in
    a real transaction of its own: one transition happens, not two.

    The test cursor serialises requests, so the data is committed through
    cursors of their own and removed at the end."""

    def _setup_committed(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {"tracking_disable": True})
            agency = env["omiopi.office"].create(
                {"name": "Conc agency", "code": "CAG", "office_type": "ae_agency"}
            )
            office = env["omiopi.office"].create(
                {"name": "Conc OMIOPI", "code": "COM", "office_type": "omiopi"}
            )
            group = "omiopi_case.group_omiopi_"
            tech = new_test_user(env, login="conc_tech", groups=group + "technician")
            tech.omiopi_office_ids = agency
            coordinators = [
                new_test_user(
                    env, login=f"conc_coord_{n}", groups=group + "coordinator"
                )
                for n in (1, 2)
            ]
            person = env["res.partner"].create(
                {
                    "name": "Conc Person",
                    "omiopi_is_person": True,
                    "omiopi_office_id": agency.id,
                }
            )
            env["omiopi.consent"].create({"partner_id": person.id})
            case = env["omiopi.case"].create(
                {"partner_id": person.id, "office_id": agency.id, "user_id": tech.id}
            )
            referral = (
                env["omiopi.referral"]
                .with_user(tech)
                .create(
                    {
                        "partner_id": person.id,
                        "case_id": case.id,
                        "receiving_office_id": office.id,
                        "reason_ids": [
                            (6, 0, env.ref("omiopi_referral.reason_reunification").ids)
                        ],
                    }
                )
            )
            # no section head in this agency: the referral goes to the coordinator
            env.ref(
                "omiopi_referral.stage_section_head"
            ).sudo().condition = "[('id', '=', 0)]"
            referral.with_user(tech).action_submit()
            assert referral.stage_id == env.ref("omiopi_referral.stage_coordinator")
            cr.commit()  # pylint: disable=invalid-commit
            return referral.id, [c.id for c in coordinators], (agency | office).ids

    def _cleanup(self, referral_id, office_ids):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            referral = env["omiopi.referral"].browse(referral_id)
            case = referral.case_id
            person = referral.partner_id
            env.ref(
                "omiopi_referral.stage_section_head"
            ).condition = "[('referring_office_id.office_type', '=', 'ae_agency')]"
            referral.unlink()
            case.unlink()
            person.unlink()
            users = env["res.users"].search([("login", "like", "conc_%")])
            users.write({"active": False, "omiopi_office_ids": [(5, 0, 0)]})
            env["omiopi.office"].browse(office_ids).write({"active": False})
            cr.commit()  # pylint: disable=invalid-commit

    def test_two_approvers_at_the_same_moment(self):
        referral_id, coordinator_ids, office_ids = self._setup_committed()
        area = self.env.ref("omiopi_case.area_legal").id
        try:
            with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
                env1 = api.Environment(cr1, coordinator_ids[0], {})
                env2 = api.Environment(cr2, coordinator_ids[1], {})
                first = env1["omiopi.referral"].browse(referral_id)
                second = env2["omiopi.referral"].browse(referral_id)
                second.read(["stage_id"])  # the second user has the page open too
                first._decide(
                    True, "first", target_area=env1["omiopi.area"].browse(area)
                )
                # the first transaction holds the lock and has not committed
                with self.assertRaises(pg_errors.LockNotAvailable):
                    second._decide(
                        True, "second", target_area=env2["omiopi.area"].browse(area)
                    )
                cr2.rollback()
                cr1.commit()
                # Odoo retries the second request: it now sees the new stage
                second.invalidate_recordset()
                with self.assertRaisesRegex(UserError, "cannot decide"):
                    second._decide(
                        True, "second", target_area=env2["omiopi.area"].browse(area)
                    )
                cr2.rollback()
            with self.registry.cursor() as cr:
                env = api.Environment(cr, api.SUPERUSER_ID, {})
                referral = env["omiopi.referral"].browse(referral_id)
                approvals = referral.decision_ids.filtered(
                    lambda d: d.decision == "approved"
                )
                self.assertEqual(len(approvals), 1)
                self.assertEqual(approvals.comment, "first")
                self.assertEqual(
                    referral.stage_id, env.ref("omiopi_referral.stage_acceptance")
                )
                logs = referral.stage_log_ids.filtered(
                    lambda log: (
                        log.stage_id == env.ref("omiopi_referral.stage_acceptance")
                    )
                )
                self.assertEqual(len(logs), 1)
        finally:
            self._cleanup(referral_id, office_ids)
