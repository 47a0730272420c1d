from odoo.tests import tagged

from odoo.addons.omiopi_case.tests.form_common import FormReadMixin

from .common import ReferralCommon


@tagged("post_install", "-at_install")
class TestReferralForms(FormReadMixin, ReferralCommon):
    """Each user who may open a referral opens its form, as the web client
    reads it, at every step, about a person with languages, documents,
    studies, experience and training recorded (the receiving office could
    not open a referral whose person had languages)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.person.write(
            {
                "mobile": "+34 600 111 222",
                "omiopi_language_ids": [
                    (
                        0,
                        0,
                        {
                            "language_id": ref("omiopi_case.language_ar").id,
                            "level": "native",
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "language_id": ref("omiopi_case.language_es").id,
                            "level": "b1",
                        },
                    ),
                ],
                "omiopi_training_ids": [(0, 0, {"name": "Carretillero", "hours": 20})],
                "omiopi_experience_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "Camarera",
                            "company": "Bar Sol",
                            "months": 14,
                            "in_spain": True,
                        },
                    )
                ],
                "omiopi_driving_licence_ids": [
                    (6, 0, ref("omiopi_case.driving_licence_b").ids)
                ],
                "id_numbers": [
                    (
                        0,
                        0,
                        {
                            "category_id": ref("omiopi_case.id_category_nie").id,
                            "name": "X1234567L",
                        },
                    )
                ],
            }
        )

    def _opens(self, referral, users):
        for user in users:
            with self.subTest(user=user.login, stage=referral.stage_id.name):
                values = self.open_form(referral, user)
                self.assertEqual(values["id"], referral.id)
                yield user, values

    def test_every_reader_opens_the_form_at_every_step(self):
        referral = self._referral()
        readers = [self.ae_tech, self.ae_head, self.coordinator]
        for _user, values in self._opens(referral, readers):
            self.assertIn("Carretillero", values["person_summary"])
        referral.with_user(self.ae_tech).action_submit()
        list(self._opens(referral, readers))
        self._approve(referral, self.ae_head)
        list(self._opens(referral, readers))
        self._approve(referral, self.coordinator, area=self.area_legal)
        # reached the receiving office: it reads the referral and the person
        for _user, values in self._opens(referral, [*readers, self.om_tech]):
            self.assertIn("Camarera", values["person_summary"])
            self.assertIn("X1234567L", values["person_summary"])
        self._approve(referral, self.om_tech)
        for _user, values in self._opens(referral, [*readers, self.om_tech]):
            self.assertTrue(values["person_readable"])
        referral.with_user(self.om_tech)._close(self.outcome_job, "Contrato")
        # closed: the receiving office still opens the referral, without
        # the person's data
        for user, values in self._opens(referral, [*readers, self.om_tech]):
            self.assertEqual(values["person_readable"], user != self.om_tech)
            if user == self.om_tech:
                self.assertNotIn("Camarera", values["person_summary"])
                self.assertNotIn("Ana Referida", str(values))

    def test_the_person_is_read_with_the_user_rights(self):
        referral = self._referral()
        summary = self.open_form(referral, self.ae_tech)["person_summary"]
        self.assertIn(self.env.ref("omiopi_case.language_ar").name, summary)
        self.assertIn("X1234567L", summary)
