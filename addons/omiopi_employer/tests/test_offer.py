from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import EmployerCommon


@tagged("post_install", "-at_install")
class TestOffer(EmployerCommon):
    def _offer(self, **values):
        return (
            self.env["omiopi.job.offer"]
            .with_user(self.prospector)
            .create(
                dict(
                    {
                        "name": "Cleaner",
                        "partner_id": self.company.id,
                        "office_id": self.agency.id,
                    },
                    **values,
                )
            )
        )

    def test_offer_without_contract_or_social_security_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "Social Security"):
            self._offer(social_security=False)
        with self.assertRaisesRegex(ValidationError, "employment contract"):
            self._offer(with_contract=False)
        offer = self._offer()
        with self.assertRaises(ValidationError):
            offer.write({"social_security": False})

    def test_figures_and_dates_are_checked(self):
        with self.assertRaisesRegex(ValidationError, "at least one vacancy"):
            self._offer(vacancies=0)
        with self.assertRaisesRegex(ValidationError, "salary band"):
            self._offer(salary_min=20000, salary_max=15000)
        with self.assertRaisesRegex(ValidationError, "closes before"):
            self._offer(date_open="2026-05-10", date_deadline="2026-05-01")
        with self.assertRaisesRegex(ValidationError, "company, not to a person"):
            self._offer(partner_id=self.fit.id)

    def test_states_follow_the_allowed_moves(self):
        offer = self._offer()
        self.assertEqual(offer.state, "draft")
        # the state is the buttons' to set (omiopi.guard.mixin)
        with self.assertRaisesRegex(AccessError, "cannot be set by hand"):
            offer.write({"state": "filled"})
        offer.action_open()
        offer.action_close()
        self.assertEqual(offer.state, "closed")
        with self.assertRaisesRegex(UserError, "cannot go from"):
            offer.action_cancel()

    def test_matching_needs_an_open_offer(self):
        offer = self._offer()
        with self.assertRaisesRegex(UserError, "open offers only"):
            offer.action_match()

    def test_offer_from_the_prospection(self):
        lead = self.env["crm.lead"].create(
            {
                "name": "Collaboration",
                "type": "opportunity",
                "team_id": self.env.ref("omiopi_employer.crm_team_prospection").id,
                "partner_id": self.company.id,
                "omiopi_sector_id": self.env.ref("omiopi_employer.sector_logistics").id,
                "omiopi_office_id": self.agency.id,
            }
        )
        action = lead.action_view_omiopi_job_offers()
        form = Form(
            self.env["omiopi.job.offer"]
            .with_user(self.prospector)
            .with_context(**action["context"])
        )
        form.name = "Driver"
        offer = form.save()
        self.assertEqual(offer.partner_id, self.company)
        self.assertEqual(offer.sector_id.code, "logistics")
        self.assertEqual(lead.omiopi_job_offer_count, 1)
        self.assertEqual(self.company.omiopi_job_offer_count, 2)
