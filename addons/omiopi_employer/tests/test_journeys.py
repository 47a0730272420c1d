from odoo.tests import tagged

from odoo.addons.omiopi_case.tests.tour_common import OmiopiTourCase


@tagged("post_install", "-at_install", "omiopi_guide")
class TestProspectorJourney(OmiopiTourCase):
    """The prospector's pipeline, as the demo prospector on the demo data."""

    def test_prospector_moves_a_company_and_records_a_hire(self):
        offer = self.env.ref("omiopi_employer.offer_almacen_demo")
        hires = len(offer.candidacy_ids.filtered(lambda c: c.state == "hired"))
        self.run_journey("omiopi_journey_prospector", "prospectora.tetuan")
        lead = self.env.ref("omiopi_employer.lead_barrio_demo")
        self.assertEqual(
            lead.stage_id, self.env.ref("omiopi_employer.crm_stage_agreed")
        )
        self.assertEqual(
            len(offer.candidacy_ids.filtered(lambda c: c.state == "hired")), hires + 1
        )
