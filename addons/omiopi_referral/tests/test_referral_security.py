from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ReferralCommon


@tagged("post_install", "-at_install")
class TestReferralApprovals(ReferralCommon):
    def test_nobody_approves_their_own_referral(self):
        referral = self._referral(user=self.coordinator)
        referral.with_user(self.coordinator).action_submit()
        self._approve(referral, self.ae_head)
        self.assertEqual(referral.stage_id, self.stage_coordinator)
        self.assertFalse(referral.with_user(self.coordinator).can_decide)
        with self.assertRaisesRegex(UserError, "cannot decide"):
            referral.with_user(self.coordinator)._decide(
                True, "mine", target_area=self.area_legal
            )
        self._approve(referral, self.coordinator_2, area=self.area_legal)
        self.assertEqual(referral.stage_id, self.stage_acceptance)

    def test_only_the_stage_approvers_decide(self):
        referral = self._referral()
        referral.with_user(self.ae_tech).action_submit()
        for user in (self.ae_tech, self.coordinator, self.om_tech):
            with self.assertRaises(UserError):
                referral.with_user(user)._decide(
                    True, "skip", target_area=self.area_legal
                )
        self.assertEqual(referral.stage_id, self.stage_head)

    def test_no_stage_can_be_skipped_through_rpc_writes(self):
        referral = self._referral()
        as_tech = referral.with_user(self.ae_tech)
        for values in (
            {"stage_id": self.stage_followup.id},
            {"shared_with_receiver": True},
            {"date_accepted": "2024-01-01 00:00:00"},
            {"outcome_id": self.outcome_job.id},
        ):
            with self.assertRaises(UserError):
                as_tech.write(values)
        with self.assertRaises(UserError):
            self.env["omiopi.referral"].with_user(self.ae_tech).create(
                {
                    "partner_id": self.person.id,
                    "case_id": self.case.id,
                    "receiving_office_id": self.omiopi.id,
                    "stage_id": self.stage_followup.id,
                }
            )
        referral.with_user(self.ae_tech).action_submit()
        # even a coordinator, who may write every referral, cannot move its stage
        with self.assertRaises(UserError):
            referral.with_user(self.coordinator).write(
                {"stage_id": self.stage_followup.id}
            )
        self.assertEqual(referral.stage_id, self.stage_head)

    def test_submitted_referral_is_frozen_for_the_referrer(self):
        referral = self._referral()
        referral.with_user(self.ae_tech).action_submit()
        with self.assertRaises(UserError):
            referral.with_user(self.ae_tech).write({"observations": "changed"})
        referral.with_user(self.coordinator).write({"observations": "corrected"})

    def test_submitting_twice_is_refused(self):
        referral = self._referral()
        referral.with_user(self.ae_tech).action_submit()
        with self.assertRaises(UserError):
            referral.with_user(self.ae_tech).action_submit()

    def test_follow_up_stages_move_by_hand_for_coordinators(self):
        second = self.stage_followup.copy({"name": "Second follow-up", "sequence": 55})
        referral = self._accepted_referral()
        referral.with_user(self.coordinator).write({"stage_id": second.id})
        self.assertEqual(referral.stage_id, second)
        for user in (self.ae_tech, self.om_tech):
            with self.assertRaises(UserError):
                referral.with_user(user).write({"stage_id": self.stage_followup.id})
        with self.assertRaises(UserError):
            referral.with_user(self.coordinator).write(
                {"stage_id": self.stage_closed.id}
            )


@tagged("post_install", "-at_install")
class TestReferralAccess(ReferralCommon):
    def _can_read(self, record, user):
        try:
            record.with_user(user).read(["display_name"])
        except AccessError:
            return False
        return True

    def _can_write(self, record, user):
        try:
            with self.env.cr.savepoint():
                record.with_user(user).write({"color": 3})
        except UserError:  # AccessError is a UserError
            return False
        return True

    def test_receiving_office_sees_the_referral_once_it_reaches_it(self):
        referral = self._referral()
        referral.with_user(self.ae_tech).action_submit()
        self.assertFalse(self._can_read(referral, self.om_tech))
        self._approve(referral, self.ae_head)
        self.assertFalse(self._can_read(referral, self.om_tech))
        self._approve(referral, self.coordinator, area=self.area_legal)
        self.assertTrue(self._can_read(referral, self.om_tech))
        # the referral and the person it is about (to decide on it), read
        # only; not yet the person's case file
        self.assertTrue(self._can_read(self.person, self.om_tech))
        with self.assertRaises(AccessError):
            self.person.with_user(self.om_tech).write({"email": "x@example.org"})
        self.assertFalse(self._can_read(self.case, self.om_tech))
        self.assertFalse(self._can_read(referral, self.other_tech))
        self.assertFalse(self._can_read(self.person, self.other_tech))

    def test_acceptance_grants_the_case_and_refusal_takes_it_back(self):
        attention = self.env["omiopi.attention"].create(
            {
                "case_id": self.case.id,
                "area_id": self.area_legal.id,
                "summary": "Intake",
            }
        )
        referral = self._accepted_referral()
        for record in (self.case, self.person, attention):
            self.assertTrue(self._can_read(record, self.om_tech), record)
            self.assertFalse(self._can_read(record, self.other_tech), record)
        # read, not change: the case file stays in its office
        with self.assertRaises(AccessError):
            self.case.with_user(self.om_tech).write({"description": "x"})
        self._refuse(referral, self.coordinator, comment="Stopped")
        for record in (self.case, self.person, attention):
            self.assertFalse(self._can_read(record, self.om_tech), record)
        # the referral itself stays readable: the receiver sees what happened
        self.assertTrue(self._can_read(referral, self.om_tech))

    def test_closing_takes_the_access_back(self):
        referral = self._accepted_referral()
        referral.with_user(self.om_tech)._close(self.outcome_job, "Done")
        self.assertFalse(self._can_read(self.case, self.om_tech))

    def test_another_accepted_referral_keeps_the_access(self):
        first = self._accepted_referral()
        self.case.invalidate_recordset()
        second = self._accepted_referral()
        first.with_user(self.om_tech)._close(self.outcome_job, "Done")
        self.assertTrue(self._can_read(self.case, self.om_tech))
        second.with_user(self.om_tech)._close(self.outcome_job, "Done")
        self.assertFalse(self._can_read(self.case, self.om_tech))

    def test_access_matrix(self):
        """Who may read (r), write (w), create (c) a referral of the agency
        in draft and once submitted."""
        users = {
            "ae_tech": self.ae_tech,
            "ae_head": self.ae_head,
            "om_tech": self.om_tech,
            "other_tech": self.other_tech,
            "coordinator": self.coordinator,
            "manager": self.manager,
        }
        expected = {
            # role: (draft, submitted)
            "ae_tech": ("rw", "r"),
            "ae_head": ("rw", "r"),
            "om_tech": ("", ""),
            "other_tech": ("", ""),
            "coordinator": ("rw", "rw"),
            "manager": ("rw", "rw"),
        }
        draft = self._referral()
        submitted = self._referral()
        submitted.with_user(self.ae_tech).action_submit()
        mismatches = []
        for role, user in users.items():
            for record, allowed in zip((draft, submitted), expected[role], strict=True):
                got = ("r" if self._can_read(record, user) else "") + (
                    "w" if self._can_write(record, user) else ""
                )
                if got != allowed:
                    mismatches.append(
                        f"{role} {record.stage_id.name}: {got!r} != {allowed!r}"
                    )
        self.assertFalse(mismatches, "\n".join(mismatches))
        # creation: only for a case file of one's own office
        with self.assertRaises(AccessError):
            self._referral(user=self.om_tech)
        for model in ("omiopi.referral.decision", "omiopi.referral.stage.log"):
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.coordinator).create(
                    {"referral_id": draft.id, "stage_id": self.stage_draft.id}
                )

    def test_users_outside_the_omiopi_groups_see_nothing(self):
        from odoo.tests import new_test_user

        internal = new_test_user(
            self.env, login="ref_internal", groups="base.group_user"
        )
        portal = new_test_user(self.env, login="ref_portal", groups="base.group_portal")
        referral = self._referral()
        for user in (internal, portal):
            with self.assertRaises(AccessError):
                referral.with_user(user).read(["name"])
            with self.assertRaises(AccessError):
                self.env["omiopi.program"].with_user(user).search([])
