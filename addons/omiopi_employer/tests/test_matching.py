from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import EmployerCommon


@tagged("post_install", "-at_install")
class TestMatching(EmployerCommon):
    def test_ranking_with_reasons(self):
        results = self.offer.with_user(self.coordinator)._match_persons()
        persons = [r["partner"] for r in results]
        # Not legally able to work, or without an open case file: never.
        self.assertNotIn(self.irregular, persons)
        self.assertNotIn(self.closed, persons)
        self.assertLess(persons.index(self.fit), persons.index(self.partial))
        best = results[persons.index(self.fit)]
        self.assertEqual((best["score"], best["total"]), (3, 3))
        self.assertEqual(best["missing"], [])
        partial = results[persons.index(self.partial)]
        self.assertEqual(partial["score"], 1)
        self.assertEqual(len(partial["missing"]), 2)
        self.assertTrue(any("B1" in label for label in partial["missing"]))
        # Meeting none of the requirements: not proposed.
        self.assertNotIn(self.unfit, persons)
        # The other office's person meets everything too.
        self.assertIn(self.elsewhere, persons)

    def test_each_user_matches_the_persons_they_may_see(self):
        for user, expected, hidden in (
            (self.prospector, self.fit | self.partial, self.elsewhere),
            (self.tech, self.fit | self.partial, self.elsewhere),
            (self.other_tech, self.elsewhere, self.fit),
        ):
            found = self.env["res.partner"].union(
                *(r["partner"] for r in self.offer.with_user(user)._match_persons())
            )
            self.assertEqual(found & (expected | hidden), expected, user.login)

    def test_candidates_are_not_matched_again(self):
        self._propose(self.fit)
        persons = [r["partner"] for r in self.offer._match_persons()]
        self.assertNotIn(self.fit, persons)

    def test_wizard_proposes_the_ticked_persons(self):
        action = self.offer.with_user(self.prospector).action_match()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.prospector)
            .browse(action["res_id"])
        )
        self.assertEqual(wizard.line_ids[0].partner_id, self.fit)
        self.assertIn("Driving licence", wizard.line_ids[0].met)
        with self.assertRaisesRegex(UserError, "Tick the persons"):
            wizard.action_propose()
        wizard.line_ids[0].selected = True
        result = wizard.action_propose()
        candidacy = self.env["omiopi.job.candidacy"].search(result["domain"])
        self.assertEqual(candidacy.partner_id, self.fit)
        self.assertEqual((candidacy.score, candidacy.score_total), (3, 3))
        self.assertEqual(candidacy.case_id, self.fit_case)
        self.assertEqual(candidacy.state, "proposed")
