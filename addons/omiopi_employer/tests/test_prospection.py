from odoo.tests import tagged

from .common import EmployerCommon


@tagged("post_install", "-at_install")
class TestProspection(EmployerCommon):
    def setUp(self):
        super().setUp()
        self.team = self.env.ref("omiopi_employer.crm_team_prospection")

    def test_pipeline_has_its_own_stages(self):
        stages = (
            self.env["crm.lead"]
            .with_context(default_team_id=self.team.id)
            ._read_group_stage_ids(self.env["crm.stage"], [])
        )
        self.assertEqual(stages.team_id, self.team)
        self.assertEqual(
            stages[0], self.env.ref("omiopi_employer.crm_stage_identified")
        )
        # The sales pipeline keeps the stages without a team.
        sales = self.env["crm.lead"]._read_group_stage_ids(self.env["crm.stage"], [])
        self.assertNotIn(self.team, sales.team_id)

    def test_company_moves_through_the_pipeline(self):
        lead = (
            self.env["crm.lead"]
            .with_user(self.prospector)
            .with_context(default_team_id=self.team.id)
            .create(
                {
                    "name": "Test Logistics",
                    "type": "opportunity",
                    "partner_id": self.company.id,
                }
            )
        )
        self.assertTrue(lead.omiopi_is_prospection)
        self.assertEqual(lead.omiopi_office_id, self.agency)
        self.assertEqual(
            lead.stage_id, self.env.ref("omiopi_employer.crm_stage_identified")
        )
        lead.stage_id = self.env.ref("omiopi_employer.crm_stage_meeting")
        lead.action_set_won()
        self.assertEqual(
            lead.stage_id, self.env.ref("omiopi_employer.crm_stage_active")
        )
