from odoo.tests import tagged

from .common import ReferralCommon


@tagged("post_install", "-at_install")
class TestAwaitingDecision(ReferralCommon):
    """'Waiting for my decision' is searched in the database (a domain per
    approval stage): it finds exactly the referrals each user may decide,
    as each referral's own rule (_may_decide) says."""

    def test_the_search_agrees_with_who_may_decide(self):
        at_head = self._referral()
        at_head.with_user(self.ae_tech).action_submit()
        at_coordinator = self._referral()
        at_coordinator.with_user(self.ae_tech).action_submit()
        self._approve(at_coordinator, self.ae_head)
        at_acceptance = self._referral()
        at_acceptance.with_user(self.ae_tech).action_submit()
        self._approve(at_acceptance, self.ae_head)
        self._approve(at_acceptance, self.coordinator, area=self.area_legal)
        draft = self._referral()
        referrals = at_head | at_coordinator | at_acceptance | draft
        self.assertEqual(
            (at_head | at_coordinator | at_acceptance).stage_id,
            self.stage_head | self.stage_coordinator | self.stage_acceptance,
        )
        users = (
            self.ae_tech,
            self.ae_head,
            self.om_tech,
            self.other_tech,
            self.coordinator,
            self.coordinator_2,
            self.manager,
        )
        for user in users:
            with self.subTest(user=user.login):
                Referral = self.env["omiopi.referral"].with_user(user)
                found = Referral.sudo().search(
                    Referral._awaiting_decision_domain(user)
                    + [("id", "in", referrals.ids)]
                )
                expected = referrals.filtered(lambda r, u=user: r._may_decide(u))
                self.assertEqual(set(found.ids), set(expected.ids))
        # The search of the filter, as the coordinator, and its negation.
        Referral = self.env["omiopi.referral"].with_user(self.coordinator)
        self.assertEqual(
            Referral.search(
                [("awaiting_my_decision", "=", True), ("id", "in", referrals.ids)]
            ),
            at_coordinator,
        )
        self.assertNotIn(
            at_coordinator,
            Referral.search(
                [("awaiting_my_decision", "=", False), ("id", "in", referrals.ids)]
            ),
        )
