from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import OmiopiCaseCommon
from .guard_common import GuardChecks


@tagged("post_install", "-at_install")
class TestGuard(GuardChecks, OmiopiCaseCommon):
    """What users may set on the records of omiopi_case: the generated
    checks of omiopi.guard.mixin, and the cases the issue reported."""

    GUARD_MODULE = "omiopi_case"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person_b = cls._person("Bruno Test", cls.office_b)
        cls.case_b = cls.env["omiopi.case"].create(
            {
                "partner_id": cls.person_b.id,
                "office_id": cls.office_b.id,
                "user_id": cls.tech_b.id,
            }
        )
        env = cls.env
        cls.attention_a = env["omiopi.attention"].create(
            {
                "case_id": cls.case_a.id,
                "area_id": cls.area_legal.id,
                "summary": "First visit",
            }
        )
        cls.household_a = env["omiopi.case.household"].create(
            {
                "case_id": cls.case_a.id,
                "partner_id": env["res.partner"].create({"name": "Hijo Test"}).id,
                "relation": "child",
            }
        )
        cls.step_a = env["omiopi.itinerary.step"].create(
            {"case_id": cls.case_a.id, "name": "CV", "area_id": cls.area_legal.id}
        )
        cls.consent_a = env["omiopi.consent"].create({"partner_id": cls.person_a.id})
        cls.mediator = env["omiopi.mediator"].create(
            {
                "name": "Mediadora Test",
                "language_ids": [(6, 0, env.ref("omiopi_case.language_ar").ids)],
            }
        )
        cls.language_service_a = env["omiopi.language.service"].create(
            {
                "name": "Informe escolar",
                "office_id": cls.office_a.id,
                "language_id": env.ref("omiopi_case.language_ar").id,
                "words": 300,
            }
        )
        cls.language_a = env["omiopi.person.language"].create(
            {
                "partner_id": cls.person_a.id,
                "language_id": env.ref("omiopi_case.language_ar").id,
                "level": "native",
            }
        )
        cls.training_a = env["omiopi.person.training"].create(
            {"partner_id": cls.person_a.id, "name": "Carretillero", "hours": 20}
        )
        cls.experience_a = env["omiopi.person.experience"].create(
            {"partner_id": cls.person_a.id, "name": "Camarera", "months": 12}
        )
        cls.document_a = env["res.partner.id_number"].create(
            {
                "partner_id": cls.person_a.id,
                "category_id": cls.cat_nie.id,
                "name": "X1234567L",
            }
        )
        cls.field_point_a = env["omiopi.field.point"].create(
            {"name": "Centro vecinal", "office_id": cls.office_a.id}
        )
        cls.field_session_a = env["omiopi.field.session"].create(
            {
                "point_id": cls.field_point_a.id,
                "start": "2026-10-06 08:00:00",
                "user_ids": [(6, 0, cls.tech_a.ids)],
            }
        )
        cls.field_registration_a = env["omiopi.field.registration"].create(
            {
                "session_id": cls.field_session_a.id,
                "name": "Persona del barrio",
                "request": "Trabajo",
                "consent_given": True,
            }
        )
        cls.log_entry = env["omiopi.access.log"].create(
            {
                "user_id": cls.tech_a.id,
                "res_model": "omiopi.case",
                "res_id": cls.case_a.id,
                "operation": "read",
            }
        )

    def _guard_owner(self, model):
        return self.tech_a

    def _guard_roles(self):
        return {
            "tech_other_office": self.tech_b,
            "section_head": self.head_a,
            "coordinator": self.coordinator,
            "internal": self.internal,
            "portal": self.portal,
        }

    def _guard_fixtures(self):
        ref = self.env.ref
        return {
            "omiopi.access.log": self.log_entry,
            "omiopi.area": self.area_legal,
            "omiopi.attention": self.attention_a,
            "omiopi.case": self.case_a,
            "omiopi.case.checklist.line": self.case_a.checklist_line_ids[:1],
            "omiopi.case.close.reason": self.reason,
            "omiopi.case.household": self.household_a,
            "omiopi.case.need": self.case_a.need_ids[:1],
            "omiopi.checklist.item": ref("omiopi_case.checklist_item_computer"),
            "omiopi.consent": self.consent_a,
            "omiopi.district": self.env["omiopi.district"].create({"name": "Centro"}),
            "omiopi.driving.licence": ref("omiopi_case.driving_licence_b"),
            "omiopi.education.level": self.env["omiopi.education.level"].search(
                [], limit=1
            ),
            "omiopi.itinerary.step": self.step_a,
            "omiopi.language": ref("omiopi_case.language_ar"),
            "omiopi.language.service": self.language_service_a,
            "omiopi.field.point": self.field_point_a,
            "omiopi.field.registration": self.field_registration_a,
            "omiopi.field.session": self.field_session_a,
            "omiopi.mediator": self.mediator,
            "omiopi.legal.situation": ref("omiopi_case.legal_situation_residence_work"),
            "omiopi.need.dimension": self.case_a.need_ids[:1].dimension_id,
            "omiopi.office": self.office_a,
            "omiopi.permit": ref("omiopi_case.permit_food_handler"),
            "omiopi.person.experience": self.experience_a,
            "omiopi.person.language": self.language_a,
            "omiopi.person.training": self.training_a,
            "res.partner": self.person_a,
            "res.partner.id_number": self.document_a,
        }

    def _guard_targets(self):
        return {
            "res.partner": self.person_a | self.person_b,
            "omiopi.case": self.case_a | self.case_b,
            "omiopi.office": self.office_a | self.office_b,
            "res.users": self.tech_a | self.tech_b,
        }

    # ------------------------------------------------------------------
    # The holes reported, one by one
    # ------------------------------------------------------------------

    def test_a_case_file_cannot_open_a_person_of_another_office(self):
        Case = self.env["omiopi.case"].with_user(self.tech_a)
        with self.assertRaises(AccessError):
            Case.create({"partner_id": self.person_b.id, "office_id": self.office_a.id})
        with self.assertRaises(AccessError):
            self.case_a.with_user(self.tech_a).write({"partner_id": self.person_b.id})
        self.person_b.invalidate_recordset()
        with self.assertRaises(AccessError):
            self.person_b.with_user(self.tech_a).read(["omiopi_legal_situation_id"])

    def test_sharing_and_flags_are_not_written_by_hand(self):
        case = self.case_a.with_user(self.tech_a)
        for values in (
            {"access_office_ids": [(4, self.office_b.id)]},
            {
                "legal_situation_id": self.env.ref(
                    "omiopi_case.legal_situation_irregular"
                ).id
            },
            {"close_note": "Closed by hand"},
            {"name": "FAKE/1"},
        ):
            with self.subTest(values=values), self.assertRaises(AccessError):
                case.write(values)
        person = self.person_a.with_user(self.tech_a)
        for values in (
            {"omiopi_can_work": True},
            {"omiopi_is_regular": True},
            {"omiopi_office_id": self.office_b.id},
            {"omiopi_is_person": False},
            {"omiopi_search_text": "X9999999Z"},
        ):
            with self.subTest(values=values), self.assertRaises(AccessError):
                person.write(values)
        attention = self.attention_a.with_user(self.tech_a)
        with self.assertRaises(AccessError):
            attention.write({"office_id": self.office_b.id})

    def test_a_withdrawn_consent_stays_withdrawn(self):
        consent = self.consent_a.with_user(self.tech_a)
        consent.action_withdraw()
        for values in ({"state": "given"}, {"user_id": self.tech_b.id}):
            with self.subTest(values=values), self.assertRaises(AccessError):
                consent.write(values)
        self.assertEqual(consent.state, "withdrawn")

    def test_a_context_default_does_not_set_a_procedure_field(self):
        person = self._person("Carla Test", self.office_a)
        case = (
            self.env["omiopi.case"]
            .with_user(self.tech_a)
            .with_context(
                default_access_office_ids=[(6, 0, self.office_b.ids)],
                default_close_note="set through the context",
            )
            .create({"partner_id": person.id, "office_id": self.office_a.id})
        )
        self.assertEqual(case.access_office_ids, self.office_a)
        self.assertFalse(case.close_note)

    def test_a_household_member_is_someone_the_user_reads(self):
        Member = self.env["omiopi.case.household"].with_user(self.tech_a)
        with self.assertRaises(AccessError):
            Member.create({"case_id": self.case_a.id, "partner_id": self.person_b.id})

    def test_administrators_and_procedures_still_set_them(self):
        self.case_a.with_user(self.manager).write({"close_note": "Corrected"})
        self.assertEqual(self.case_a.close_note, "Corrected")
        self.case_a.with_user(self.tech_a)._do_close(self.reason, "Done")
        self.assertEqual(self.case_a.state, "closed")
        self.assertEqual(self.case_a.close_note, "Done")
