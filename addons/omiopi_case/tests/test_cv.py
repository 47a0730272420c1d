from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import OmiopiCaseCommon


@tagged("post_install", "-at_install")
class TestPersonCv(OmiopiCaseCommon):
    """The one-page CV made from the person's data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.person_a.write(
            {
                "omiopi_cv_profile": "Camarera con tres años de experiencia.",
                "omiopi_legal_situation_id": env.ref(
                    "omiopi_case.legal_situation_residence_work"
                ).id,
                "omiopi_disability_notes": "Movilidad reducida",
                "omiopi_education_level_id": env.ref(
                    "omiopi_case.education_level_university"
                ).id,
                "omiopi_driving_licence_ids": [
                    (6, 0, env.ref("omiopi_case.driving_licence_b").ids)
                ],
                "omiopi_experience_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "Camarera",
                            "company": "Bar El Rincón",
                            "months": 36,
                            "functions": "Atención en barra y sala",
                        },
                    )
                ],
                "omiopi_language_ids": [
                    (
                        0,
                        0,
                        {
                            "language_id": env.ref("omiopi_case.language_ar").id,
                            "level": "native",
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "language_id": env.ref("omiopi_case.language_es").id,
                            "level": "b1",
                        },
                    ),
                ],
                "omiopi_training_ids": [
                    (0, 0, {"name": "Manipulador de alimentos", "hours": 10})
                ],
            }
        )

    def _html(self, user, lang="en_US"):
        content, _kind = (
            self.env["ir.actions.report"]
            .with_user(user)
            .with_context(lang=lang)
            ._render_qweb_html("omiopi_case.action_report_person_cv", self.person_a.ids)
        )
        return content.decode()

    def test_cv_holds_the_persons_data(self):
        html = self._html(self.tech_a)
        for text in (
            self.person_a.name,
            "Camarera con tres años de experiencia.",
            "Bar El Rincón",
            "Atención en barra y sala",
            "Manipulador de alimentos",
            "B1 - Intermediate",
            "Work experience",
            "Languages",
        ):
            self.assertIn(text, html)
        # Nothing of the special categories: legal situation, disability,
        # documents.
        self.assertNotIn(self.person_a.omiopi_legal_situation_id.name, html)
        self.assertNotIn("Movilidad reducida", html)

    def test_cv_in_spanish(self):
        self.env["res.lang"]._activate_lang("es_ES")
        html = self._html(self.tech_a, "es_ES")
        self.assertIn("Experiencia laboral", html)
        self.assertIn("Idiomas", html)

    def test_attach_cv_keeps_it_on_the_person(self):
        self.person_a.with_user(self.tech_a).action_omiopi_attach_cv()
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", "res.partner"), ("res_id", "=", self.person_a.id)]
        )
        self.assertEqual(attachment.name, f"CV {self.person_a.name}.pdf")
        self.assertIn(attachment, self.person_a.message_ids.attachment_ids)

    def test_another_office_cannot_print_or_attach_it(self):
        with self.assertRaises(AccessError):
            self._html(self.tech_b)
        with self.assertRaises(AccessError):
            self.person_a.with_user(self.tech_b).action_omiopi_attach_cv()
