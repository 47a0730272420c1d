import base64
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import OmiopiCaseCommon


@tagged("post_install", "-at_install")
class TestRetention(OmiopiCaseCommon):
    """After the retention period (or on an erasure request) nothing
    identifying is left of the person, and the statistics are unchanged."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.env["ir.config_parameter"].set_param("omiopi_case.retention_months", 24)
        cls.old = cls._person(
            "Yasmina Retención Test",
            cls.office_a,
            birthdate_date=date(1990, 5, 17),
            omiopi_arrival_date=date(2016, 9, 1),
            gender="female",
            nationality_id=cls.env.ref("base.ma").id,
            email="yasmina.retention@example.com",
            phone="+34 600 111 222",
            street="Calle del Olvido 7",
            omiopi_legal_notes="Arraigo social pending",
        )
        cls.number = cls.env["res.partner.id_number"].create(
            {
                "partner_id": cls.old.id,
                "category_id": cls.cat_nie.id,
                "name": "Y1234567X",
            }
        )
        cls.consent = cls.env["omiopi.consent"].create(
            {
                "partner_id": cls.old.id,
                "document": base64.b64encode(b"signed by Yasmina"),
                "document_name": "consent-yasmina.pdf",
                "note": "Signed in front of Yasmina's sister",
            }
        )
        cls.old_case = cls.env["omiopi.case"].create(
            {
                "partner_id": cls.old.id,
                "office_id": cls.office_a.id,
                "user_id": cls.tech_a.id,
                "date_open": date(2018, 2, 1),
                "description": "<p>Yasmina lives with her sister</p>",
            }
        )
        cls.attention = cls.env["omiopi.attention"].create(
            {
                "case_id": cls.old_case.id,
                "date": "2018-03-01 10:00:00",
                "area_id": cls.area_legal.id,
                "summary": "Yasmina asked about arraigo",
                "note": "Yasmina's employer is Bar Paco",
            }
        )
        cls.old_case.message_post(body="Yasmina called about her NIE Y1234567X")
        cls.attachment = cls.env["ir.attachment"].create(
            {
                "name": "yasmina-passport.txt",
                "datas": base64.b64encode(b"passport of Yasmina"),
                "res_model": "omiopi.case",
                "res_id": cls.old_case.id,
            }
        )
        closed = fields.Date.today() - relativedelta(months=30)
        cls.old_case._do_close(
            cls.reason, note="Yasmina moved to Valencia", date=closed
        )

        # Closed recently: kept.
        cls.recent = cls._person("Rosa Reciente Test", cls.office_a, gender="female")
        cls._case(cls.recent, cls.office_a, cls.tech_a, date_open=date(2018, 2, 1))
        cls.recent.omiopi_case_ids._do_close(cls.reason)

    def _statistics(self):
        report_form = Form(self.env["omiopi.activity.report"])
        report_form.date_from = date(2018, 1, 1)
        report_form.date_to = date(2018, 12, 31)
        report = report_form.save()
        report.action_compute()
        lines = sorted(
            (
                line.section_code,
                line.name,
                line.total,
                line.female,
                line.male,
                line.unknown_gender,
            )
            for line in report.line_ids
        )
        splits = {
            model: self.env[model]._read_group([], groupby, ["__count"])
            for model, groupby in (
                (
                    "omiopi.case",
                    [
                        "office_id",
                        "state",
                        "gender",
                        "nationality_id",
                        "age_band",
                        "spain_band",
                    ],
                ),
                (
                    "omiopi.attention",
                    ["area_id", "gender", "nationality_id", "age_band"],
                ),
            )
        }
        return lines, splits

    def _nothing_left_of(self, person):
        Partner = self.env["res.partner"].with_context(active_test=False)
        for text in (
            "Yasmina",
            "Retención",
            "Y1234567X",
            "600 111 222",
            "yasmina.retention",
        ):
            self.assertFalse(Partner.search([("name", "ilike", text)]), text)
            self.assertFalse(Partner.search([("email", "ilike", text)]), text)
            self.assertFalse(Partner.name_search(text), text)
            self.assertFalse(
                self.env["mail.message"].search([("body", "ilike", text)]), text
            )
            self.assertFalse(
                self.env["ir.attachment"].search(
                    ["|", ("name", "ilike", text), ("index_content", "ilike", text)]
                ),
                text,
            )
            self.assertFalse(
                self.env["auditlog.log.line"].search(
                    [
                        "|",
                        ("old_value_text", "ilike", text),
                        ("new_value_text", "ilike", text),
                    ]
                ),
                text,
            )
            self.assertFalse(
                self.env["auditlog.log"].search([("name", "ilike", text)]), text
            )
        self.assertFalse(
            self.env["res.partner.id_number"].search([("name", "=", "Y1234567X")])
        )
        self.assertFalse(Partner.search([("id_numbers.name", "=", "Y1234567X")]))
        self.assertTrue(person.omiopi_anonymised)
        self.assertFalse(person.active)
        for fname in (
            "email",
            "phone",
            "street",
            "birthdate_date",
            "omiopi_arrival_date",
            "omiopi_legal_notes",
        ):
            self.assertFalse(person[fname], fname)
        self.assertFalse(self.consent.document)
        self.assertFalse(self.consent.note)
        case = self.old_case
        self.assertFalse(case.close_note)
        self.assertFalse(case.description)
        self.assertNotIn("Yasmina", self.attention.summary)
        self.assertFalse(self.attention.note)
        self.assertFalse(self.attachment.exists())

    def test_the_scheduled_action_anonymises_and_keeps_the_statistics(self):
        before = self._statistics()
        self.assertEqual(self.old_case.age_band, "25_34")
        self.env["res.partner"]._cron_omiopi_anonymise_expired()
        self.env.invalidate_all()
        self._nothing_left_of(self.old)
        self.assertEqual(self._statistics(), before)
        # The records remain, with the figures the reports count.
        self.assertEqual(self.old_case.age_band, "25_34")
        self.assertEqual(self.old_case.gender, "female")
        self.assertEqual(self.old_case.state, "closed")
        self.assertEqual(self.attention.case_id, self.old_case)
        self.assertFalse(self.recent.omiopi_anonymised)
        self.assertFalse(self.person_a.omiopi_anonymised)
        self.assertIn("Anonymised", self.old.name)
        self.assertIn("retention period over", self.old.message_ids[:1].body)

    def test_no_automatic_erasure_when_the_period_is_zero(self):
        self.env["ir.config_parameter"].set_param("omiopi_case.retention_months", 0)
        self.env["res.partner"]._cron_omiopi_anonymise_expired()
        self.assertFalse(self.old.omiopi_anonymised)

    def test_an_erasure_request_needs_an_administrator_and_a_confirmation(self):
        with self.assertRaises(AccessError):
            self.old.with_user(self.coordinator).action_omiopi_anonymise()
        action = self.old.with_user(self.manager).action_omiopi_anonymise()
        wizard = (
            self.env["omiopi.anonymise.wizard"]
            .with_user(self.manager)
            .with_context(**action["context"])
            .create({})
        )
        with self.assertRaises(UserError):
            wizard.action_anonymise()
        self.assertFalse(self.old.omiopi_anonymised)
        before = self._statistics()
        wizard.confirm = True
        wizard.action_anonymise()
        self.env.invalidate_all()
        self._nothing_left_of(self.old)
        self.assertEqual(self._statistics(), before)
        with self.assertRaises(UserError):
            self.old.with_user(self.manager)._omiopi_anonymise(reason="again")

    def test_a_person_with_an_open_case_file_is_not_erased(self):
        with self.assertRaises(UserError):
            self.person_a.with_user(self.manager).action_omiopi_anonymise()

    def _due_persons(self, count):
        """`count` persons as full as the one above (documents, consent with
        its file, closed case file with an attention, a message and an
        attachment), all due."""
        persons = self.env["res.partner"]
        closed = fields.Date.today() - relativedelta(months=30)
        for index in range(count):
            person = self._person(
                f"Batch Person {index} Test",
                self.office_a,
                birthdate_date=date(1985, 1, 1 + index % 28),
                omiopi_arrival_date=date(2015, 1, 1),
                email=f"batch{index}@example.com",
                omiopi_legal_notes="Pending",
                id_numbers=[
                    (
                        0,
                        0,
                        {"category_id": self.cat_passport.id, "name": f"PZ{index:06d}"},
                    )
                ],
            )
            self.env["omiopi.consent"].create(
                {
                    "partner_id": person.id,
                    "document": base64.b64encode(b"signed"),
                    "note": "Signed",
                }
            )
            case = self._case(
                person, self.office_a, self.tech_a, date_open=date(2018, 2, 1)
            )
            self.env["omiopi.attention"].create(
                {"case_id": case.id, "area_id": self.area_legal.id, "summary": "S"}
            )
            case.message_post(body="A note")
            self.env["ir.attachment"].create(
                {
                    "name": "file.txt",
                    "raw": b"file",
                    "res_model": "omiopi.case",
                    "res_id": case.id,
                }
            )
            case._do_close(self.reason, note="Moved", date=closed)
            persons |= person
        return persons

    def test_a_batch_takes_the_same_queries_whatever_its_size(self):
        """Anonymising is done for a whole batch at once: no query per
        person (a backlog of 100,000 persons at regional scale)."""
        counts = []
        self._due_persons(1)._omiopi_anonymise(reason="warm the caches")
        for count in (5, 20):
            persons = self._due_persons(count)
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            persons._omiopi_anonymise(reason="test")
            self.env.flush_all()
            counts.append(self.cr.sql_log_count - before)
            self.assertTrue(all(persons.mapped("omiopi_anonymised")))
            self.assertEqual(
                sorted(persons.mapped("name")),
                sorted(f"Anonymised person {person.id}" for person in persons),
            )
        self.assertEqual(counts[0], counts[1], f"{counts[0]} then {counts[1]}")

    def test_the_registry_names_real_paths_and_fields(self):
        """Every add-on's entries reach the person and name stored fields: a
        renamed field fails here, not in the night's erasure."""
        Privacy = self.env["omiopi.privacy"]
        entries = Privacy._entries()
        self.assertIn("omiopi.case", [entry.model for entry in entries])
        for entry in entries:
            Model = self.env[entry.model]
            for name in entry.person_path.split("."):
                Model = self.env[Model._fields[name].comodel_name]
            self.assertEqual(Model._name, "res.partner", entry.model)
            fields_ = self.env[entry.model]._fields
            for name in entry.statistics:
                self.assertTrue(fields_[name].store, f"{entry.model}.{name}")
            for name in entry.replace:
                self.assertTrue(fields_[name].required, f"{entry.model}.{name}")
            same = [other for other in entries if other.model == entry.model]
            Privacy._erase_values(entry.model, same)

    def test_what_was_taken_at_a_field_point_and_translated_is_erased(self):
        registration = self._field_registration(
            self.office_a,
            "Zoraida Campo Test",
            phone="+34 600 333 444",
            request="Zoraida looks for a job",
        )
        person = registration.partner_id
        service = self.env["omiopi.language.service"].create(
            {
                "name": "Zoraida's birth certificate",
                "office_id": self.office_a.id,
                "partner_id": person.id,
                "language_id": self.env.ref("omiopi_case.language_ar").id,
                "note": "Zoraida's sister translates",
                "words": 300,
            }
        )
        self._case(person, self.office_a, self.tech_a)._do_close(self.reason)
        person._omiopi_anonymise(reason="test")
        self.env.invalidate_all()
        self.assertNotIn("Zoraida", registration.name)
        self.assertFalse(registration.phone)
        self.assertNotIn("Zoraida", registration.request)
        self.assertNotIn("Zoraida", service.name)
        self.assertFalse(service.note)
        sections = dict(self.env["omiopi.privacy"]._sections(person))
        self.assertEqual(sections["Field registrations"], registration)
        self.assertEqual(sections["Translations and interpreting"], service)
