from datetime import date, datetime

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import OmiopiCaseCommon


@tagged("post_install", "-at_install")
class TestCase(OmiopiCaseCommon):
    def _close(self, case, reason=None):
        wizard = (
            self.env["omiopi.case.close.wizard"]
            .with_context(active_model="omiopi.case", active_ids=case.ids)
            .create({"close_reason_id": (reason or self.reason).id})
        )
        wizard.action_close()

    def test_numbers_follow_the_office_and_the_opening_year(self):
        self.assertRegex(self.case_a.name, r"^TOA/\d{4}/\d{5}$")
        person = self._person("Old Case", self.office_b)
        old = self._case(person, self.office_b, self.tech_b, date_open=date(2023, 3, 1))
        self.assertTrue(old.name.startswith("TOB/2023/"))
        person_2 = self._person("Second", self.office_b)
        second = self._case(
            person_2, self.office_b, self.tech_b, date_open=date(2023, 4, 1)
        )
        self.assertEqual(int(second.name[-5:]), int(old.name[-5:]) + 1)

    def test_new_case_gets_assessment_and_checklist_lines(self):
        items = self.env["omiopi.checklist.item"].search([])
        dimensions = self.env["omiopi.need.dimension"].search([])
        self.assertEqual(self.case_a.checklist_line_ids.item_id, items)
        self.assertEqual(self.case_a.need_ids.dimension_id, dimensions)
        new_item = self.env["omiopi.checklist.item"].create({"name": "Bank account"})
        self.case_a.action_update_templates()
        self.assertIn(new_item, self.case_a.checklist_line_ids.item_id)
        self.case_a.action_update_templates()
        self.assertEqual(len(self.case_a.checklist_line_ids), len(items) + 1)

    def test_readiness_weighs_yes_and_in_progress(self):
        lines = self.case_a.checklist_line_ids
        lines.status = "no"
        self.assertEqual(self.case_a.readiness, 0)
        lines[0].status = "yes"
        lines[1].status = "in_progress"
        self.assertAlmostEqual(self.case_a.readiness, 100 * 1.5 / len(lines))
        lines.status = "yes"
        self.assertEqual(self.case_a.readiness, 100)

    def test_attentions_and_interventions_are_counted(self):
        Attention = self.env["omiopi.attention"]
        for day in (1, 5):
            Attention.create(
                {
                    "case_id": self.case_a.id,
                    "area_id": self.area_legal.id,
                    "date": datetime(2024, 1, day, 10),
                    "summary": f"Attention {day}",
                }
            )
        self.assertEqual(self.case_a.attention_count, 2)
        self.assertEqual(self.case_a.last_attention_date, datetime(2024, 1, 5, 10))
        steps = self.env["omiopi.itinerary.step"].create(
            [
                {
                    "case_id": self.case_a.id,
                    "name": f"Step {n}",
                    "area_id": self.area_employment.id,
                }
                for n in range(3)
            ]
        )
        steps[:2].action_done()
        self.assertEqual(self.case_a.intervention_done_count, 2)
        self.assertEqual(steps[0].date_done, fields.Date.today())
        steps[0].state = "in_progress"
        self.assertFalse(steps[0].date_done)
        self.assertEqual(self.case_a.intervention_done_count, 1)
        # searchable, because stored
        Case = self.env["omiopi.case"]
        self.assertIn(self.case_a, Case.search([("intervention_done_count", ">=", 1)]))
        self.assertIn(self.case_a, Case.search([("attention_count", "=", 2)]))

    def test_lifecycle(self):
        case = self.case_a
        self.assertEqual(case.state, "intake")
        case.action_start_itinerary()
        self.assertEqual(case.state, "active")
        case.action_follow_up()
        self.assertEqual(case.state, "follow_up")
        self._close(case)
        self.assertEqual(case.state, "closed")
        self.assertEqual(case.date_closed, fields.Date.today())
        self.assertEqual(case.close_reason_id, self.reason)
        case.action_reopen()
        self.assertEqual(case.state, "active")
        self.assertFalse(case.date_closed or case.close_reason_id)

    def test_stages_cannot_be_skipped_or_forced(self):
        case = self.case_a
        with self.assertRaises(UserError):
            case.action_follow_up()
        with self.assertRaises(UserError):
            # write() is reachable over RPC: it checks the transition too
            case.write({"state": "follow_up"})
        with self.assertRaises(UserError):
            case.action_reopen()
        self.assertEqual(case.state, "intake")
        # last: a failed constraint leaves the value in the cache
        with self.assertRaisesRegex(ValidationError, "closing date and reason"):
            case.write({"state": "closed"})

    def test_closed_case_refuses_attentions_and_second_close(self):
        self._close(self.case_a)
        with self.assertRaisesRegex(ValidationError, "closed"):
            self.env["omiopi.attention"].create(
                {
                    "case_id": self.case_a.id,
                    "area_id": self.area_legal.id,
                    "summary": "x",
                }
            )
        with self.assertRaises(UserError):
            self.case_a.action_close()

    def test_one_open_case_per_person_and_office(self):
        # another office may open its own case file
        self._case(self.person_a, self.office_b, self.tech_b)
        # office A may open a new one once the first is closed
        self._close(self.case_a)
        self._case(self.person_a, self.office_a, self.tech_a)
        # but never two open ones
        with self.assertRaisesRegex(ValidationError, "already has an open case file"):
            self._case(self.person_a, self.office_a, self.tech_a)

    def test_case_files_opened_together(self):
        """Opened in one create() (an import), case files are numbered,
        filled and checked as one by one."""
        persons = [
            self._person(f"Together {n}", self.office_b, omiopi_census_registered=True)
            for n in range(3)
        ]
        cases = self.env["omiopi.case"].create(
            [
                {"partner_id": person.id, "office_id": self.office_b.id}
                for person in persons
            ]
            + [
                {
                    "partner_id": persons[0].id,
                    "office_id": self.office_a.id,
                    "date_open": date(2023, 5, 1),
                }
            ]
        )
        numbers = [int(case.name[-5:]) for case in cases[:3]]
        self.assertEqual(numbers, [numbers[0], numbers[0] + 1, numbers[0] + 2])
        self.assertTrue(cases[3].name.startswith("TOA/2023/"))
        after = self._case(self._person("After", self.office_b), self.office_b)
        self.assertEqual(int(after.name[-5:]), numbers[2] + 1)
        items = self.env["omiopi.checklist.item"].search([])
        for case in cases:
            self.assertEqual(case.checklist_line_ids.item_id, items)
            self.assertEqual(
                case.checklist_line_ids.mapped("sequence"),
                case.checklist_line_ids.item_id.mapped("sequence"),
            )
            self.assertEqual(
                case.need_ids.mapped("sequence"),
                case.need_ids.dimension_id.mapped("sequence"),
            )
            census = case.checklist_line_ids.filtered(
                lambda line: line.item_id.code == "census"
            )
            # the person's record answers the line, and the readiness follows
            self.assertEqual(census.status, "yes")
            self.assertGreater(case.readiness, 0)
        twice = self._person("Twice", self.office_b)
        with self.assertRaisesRegex(ValidationError, "already has an open case file"):
            self.env["omiopi.case"].create(
                [
                    {"partner_id": twice.id, "office_id": self.office_b.id}
                    for _n in range(2)
                ]
            )

    def test_case_stays_in_its_office(self):
        with self.assertRaises(UserError):
            self.case_a.office_id = self.office_b

    def test_responsible_technician_works_in_the_office(self):
        with self.assertRaisesRegex(ValidationError, "does not work in"):
            self.case_a.user_id = self.tech_b

    def test_opening_a_case_protects_a_plain_contact(self):
        contact = self.env["res.partner"].create({"name": "Walk In"})
        self.assertFalse(contact.omiopi_is_person)
        self._case(contact, self.office_b, self.tech_b)
        self.assertTrue(contact.omiopi_is_person)
        self.assertEqual(contact.omiopi_office_id, self.office_b)

    def test_opening_figures_for_reporting(self):
        opened = date(2024, 6, 1)
        person = self._person(
            "Figures",
            self.office_b,
            birthdate_date=opened - relativedelta(years=23, days=1),
            omiopi_arrival_date=opened - relativedelta(months=8),
            gender="female",
            nationality_id=self.env.ref("base.pe").id,
        )
        case = self._case(person, self.office_b, self.tech_b, date_open=opened)
        self.assertEqual(case.age_at_open, 23)
        self.assertEqual(case.age_band, "18_24")
        self.assertEqual(case.spain_band, "6_12m")
        self.assertEqual(case.gender, "female")
        self.assertEqual(case.nationality_id.code, "PE")

    def test_form_opens_a_case_from_the_person(self):
        action = self.person_a.with_user(self.tech_a).action_omiopi_open_case()
        self.assertEqual(action["context"]["default_partner_id"], self.person_a.id)
        person = self._person("Form Person", self.office_a)
        form = Form(
            self.env["omiopi.case"]
            .with_user(self.tech_a)
            .with_context(**action["context"] | {"default_partner_id": person.id})
        )
        case = form.save()
        self.assertEqual(case.office_id, self.office_a)
        self.assertEqual(case.user_id, self.tech_a)
        self.assertEqual(case.partner_id, person)

    def test_meetings_are_private_and_linked(self):
        action = self.case_a.action_schedule_meeting()
        self.assertEqual(action["context"]["default_privacy"], "private")
        event = (
            self.env["calendar.event"]
            .with_context(**action["context"])
            .create(
                {
                    "start": datetime(2024, 1, 1, 10),
                    "stop": datetime(2024, 1, 1, 11),
                }
            )
        )
        self.assertEqual(event.res_id, self.case_a.id)
        self.assertEqual(event.privacy, "private")
        self.assertEqual(self.case_a.meeting_count, 1)

    def test_household_member_is_protected(self):
        relative = self.env["res.partner"].create({"name": "Relative"})
        self.case_a.household_ids = [
            (
                0,
                0,
                {"partner_id": relative.id, "relation": "child", "reunification": True},
            )
        ]
        self.assertTrue(relative.omiopi_is_person)
        self.assertEqual(relative.omiopi_office_id, self.office_a)

    def test_cases_cannot_be_duplicated(self):
        with self.assertRaises(UserError):
            self.case_a.copy()
