from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import OmiopiCaseCommon


@tagged("post_install", "-at_install")
class TestPerson(OmiopiCaseCommon):
    def _document(self, partner, category, number, **values):
        return self.env["res.partner.id_number"].create(
            {
                "partner_id": partner.id,
                "category_id": category.id,
                "name": number,
                **values,
            }
        )

    def test_valid_dni_is_stored_normalised(self):
        number = self._document(self.person_a, self.cat_dni, "12.345.678-z")
        self.assertEqual(number.name, "12345678Z")
        self.assertEqual(self.person_a.omiopi_document_number, "12345678Z")

    def test_wrong_dni_letter_is_refused_with_a_reason(self):
        with self.assertRaisesRegex(ValidationError, "control letter"):
            self._document(self.person_a, self.cat_dni, "12345678A")

    def test_valid_and_invalid_nie(self):
        self._document(self.person_a, self.cat_nie, "X1234567L")
        with self.assertRaisesRegex(ValidationError, "control letter"):
            self._document(self.person_a, self.cat_nie, "X1234567M")
        with self.assertRaisesRegex(ValidationError, "8 digits and a letter"):
            self._document(self.person_a, self.cat_nie, "X12")

    def test_passport_is_not_checked_with_a_spanish_algorithm(self):
        number = self._document(self.person_a, self.cat_passport, " ve1234567 ")
        self.assertEqual(number.name, "VE1234567")

    def test_name_in_capitals_is_normalised(self):
        person = self._person("  MARÍA DE LOS ÁNGELES   PÉREZ-GIL ", self.office_a)
        self.assertEqual(person.name, "María de los Ángeles Pérez-Gil")
        person.name = "JOHN O'NEIL"
        self.assertEqual(person.name, "John O'Neil")

    def test_name_in_mixed_case_is_kept(self):
        person = self._person("Ronald McDonald", self.office_a)
        self.assertEqual(person.name, "Ronald McDonald")

    def test_names_of_other_contacts_are_untouched(self):
        company = self.env["res.partner"].create(
            {"name": "ACME SL", "is_company": True}
        )
        self.assertEqual(company.name, "ACME SL")

    def test_bad_email_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "not valid"):
            self._person("Bad Email", self.office_a, email="not an email")
        person = self._person("Good Email", self.office_a, email="good@example.com")
        self.assertEqual(person.email, "good@example.com")

    def test_phones_are_validated_and_formatted(self):
        person = self._person("Phone Person", self.office_a, mobile="612345678")
        self.assertEqual(person.mobile, "+34 612 34 56 78")
        person.phone = "+58 412 1234567"
        self.assertTrue(person.phone.startswith("+58"))
        with self.assertRaisesRegex(ValidationError, "phone number"):
            self._person("Bad Phone", self.office_a, mobile="12")

    def test_phones_parsed_once_give_the_same_answers(self):
        # Each number's parsing is kept for the transaction: the same number
        # in another country, a number refused twice, the sanitized number.
        person = self._person("Kept Phone", self.office_a, mobile="612345678")
        self.assertEqual(person.phone_sanitized, "+34612345678")
        french = self.env.ref("base.fr")
        other = self._person(
            "French Phone", self.office_a, mobile="612345678", country_id=french.id
        )
        self.assertEqual(other.mobile, "+33 6 12 34 56 78")
        self.assertEqual(other.phone_sanitized, "+33612345678")
        for _attempt in range(2):
            with self.assertRaisesRegex(ValidationError, "phone number"):
                self._person("Bad Phone", self.office_a, mobile="12")
        self.assertFalse(
            person._phone_format(number="12", country=french, raise_exception=False)
        )

    def test_salesperson_of_a_person_is_odoos_default(self):
        # given by the person's create(), as Odoo would compute it
        self.assertFalse(self.person_a.user_id)
        person = (
            self.env["res.partner"]
            .with_context(default_user_id=self.tech_a.id)
            .create(
                {
                    "name": "Default Salesperson",
                    "omiopi_is_person": True,
                    "omiopi_office_id": self.office_a.id,
                }
            )
        )
        self.assertEqual(person.user_id, self.tech_a)

    def test_person_needs_an_office(self):
        with self.assertRaisesRegex(ValidationError, "office"):
            self.env["res.partner"].with_user(self.coordinator).create(
                {"name": "No Office", "omiopi_is_person": True}
            )

    def test_person_office_defaults_to_the_users_office(self):
        person = (
            self.env["res.partner"]
            .with_user(self.tech_a)
            .create({"name": "Default Office", "omiopi_is_person": True})
        )
        self.assertEqual(person.omiopi_office_id, self.office_a)

    def test_dates_cannot_be_in_the_future(self):
        tomorrow = fields.Date.today() + relativedelta(days=1)
        with self.assertRaisesRegex(ValidationError, "future"):
            self._person("Future", self.office_a, omiopi_arrival_date=tomorrow)

    def test_duplicate_by_document_number(self):
        self._document(self.person_a, self.cat_nie, "X1234567L")
        form = Form(self.env["res.partner"].with_context(default_omiopi_is_person=True))
        form.name = "Someone Else"
        form.omiopi_office_id = self.office_a
        with form.id_numbers.new() as number:
            number.category_id = self.cat_nie
            number.name = "X1234567L"
        # Warned while typing, refused on saving: one person, one number.
        self.assertEqual(form.omiopi_duplicate_count, 1)
        self.assertEqual(form.omiopi_duplicate_ids[:1], self.person_a)
        with self.assertRaisesRegex(ValidationError, "X1234567L"):
            form.save()

    def test_duplicate_by_name_and_birthdate_ignores_accents_and_case(self):
        self.person_a.write({"name": "José Pérez", "birthdate_date": date(1990, 5, 17)})
        twin = self._person(
            "JOSE PEREZ", self.office_a, birthdate_date=date(1990, 5, 17)
        )
        self.assertIn(self.person_a, twin.omiopi_duplicate_ids)
        other = self._person(
            "Jose Perez", self.office_a, birthdate_date=date(1991, 5, 17)
        )
        self.assertNotIn(self.person_a, other.omiopi_duplicate_ids)

    def test_duplicates_of_another_office_are_not_revealed(self):
        self.person_a.write({"name": "José Pérez", "birthdate_date": date(1990, 5, 17)})
        person_b = self._person(
            "Jose Perez", self.office_b, birthdate_date=date(1990, 5, 17)
        )
        self.assertIn(self.person_a, person_b.omiopi_duplicate_ids)
        as_tech_b = person_b.with_user(self.tech_b)
        as_tech_b.invalidate_recordset()
        self.assertFalse(as_tech_b.omiopi_duplicate_ids)

    def test_months_in_spain_compute_and_search(self):
        today = fields.Date.today()
        self.person_a.omiopi_arrival_date = today - relativedelta(months=7, days=3)
        self.assertEqual(self.person_a.omiopi_months_in_spain, 7)
        Partner = self.env["res.partner"]
        self.assertIn(
            self.person_a, Partner.search([("omiopi_months_in_spain", ">=", 6)])
        )
        self.assertIn(
            self.person_a, Partner.search([("omiopi_months_in_spain", "=", 7)])
        )
        self.assertNotIn(
            self.person_a, Partner.search([("omiopi_months_in_spain", "<", 6)])
        )
        self.assertNotIn(
            self.person_a, Partner.search([("omiopi_months_in_spain", ">", 7)])
        )

    def test_consent_state_follows_the_latest_consent(self):
        self.assertEqual(self.person_a.omiopi_consent_state, "none")
        consent = self.env["omiopi.consent"].create(
            {"partner_id": self.person_a.id, "scope": "network"}
        )
        self.assertEqual(self.person_a.omiopi_consent_state, "given")
        self.assertTrue(consent.allows_office(self.office_b))
        consent.action_withdraw()
        self.assertEqual(self.person_a.omiopi_consent_state, "withdrawn")
        self.assertFalse(consent.allows_office(self.office_b))
        self.assertEqual(consent.date_withdrawn, fields.Date.today())

    def test_consent_limited_to_the_registering_office(self):
        consent = self.env["omiopi.consent"].create(
            {"partner_id": self.person_a.id, "scope": "office"}
        )
        self.assertTrue(consent.allows_office(self.office_a))
        self.assertFalse(consent.allows_office(self.office_b))

    def test_experience_in_spain_is_summed(self):
        self.person_a.omiopi_experience_ids = [
            (0, 0, {"name": "Cook", "in_spain": True, "months": 14}),
            (0, 0, {"name": "Cook", "in_spain": False, "months": 30}),
            (
                0,
                0,
                {
                    "name": "Waiter",
                    "in_spain": True,
                    "date_start": date(2020, 1, 1),
                    "date_end": date(2020, 7, 1),
                },
            ),
        ]
        self.assertEqual(self.person_a.omiopi_experience_spain_months, 20)

    def test_experience_cannot_end_before_it_starts(self):
        with self.assertRaisesRegex(ValidationError, "ends before"):
            self.person_a.omiopi_experience_ids = [
                (
                    0,
                    0,
                    {
                        "name": "Cook",
                        "date_start": date(2021, 1, 1),
                        "date_end": date(2020, 1, 1),
                    },
                )
            ]
