from odoo.tests import tagged

from odoo.addons.omiopi_case.tests.tour_common import OmiopiTourCase


@tagged("post_install", "-at_install")
class TestCoordinationJourney(OmiopiTourCase):
    """A technician records a coordination meeting whose agreement becomes
    an activity (demo data, in Spanish)."""

    def test_meeting_with_an_agreement(self):
        self.run_journey(
            "omiopi_coordination_journey",
            "tecnico.norte",
            url="/odoo/action-omiopi_coordination.omiopi_coordination_table_action",
        )
        meeting = self.env["omiopi.coordination.meeting"].search(
            [("name", "=", "Mesa de casos Norte: seguimiento del plan de empleo")]
        )
        self.assertEqual(meeting.state, "held")
        self.assertEqual(
            meeting.table_id,
            self.env.ref("omiopi_coordination.table_cases_norte_demo"),
        )
        self.assertTrue(meeting.calendar_event_id)
        agreement = meeting.agreement_ids
        self.assertEqual(agreement.name, "Acompañar a la entrevista de trabajo")
        activity = agreement.activity_id
        self.assertEqual(activity.user_id.login, "tecnico.norte")
        self.assertEqual(activity.date_deadline, agreement.date_deadline)
        self.assertIn(self.env.ref("omiopi_case.case_07_demo"), meeting.case_ids)
