from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import TrainingCommon


@tagged("post_install", "-at_install")
class TestTrainingAccess(TrainingCommon):
    def _can_read(self, record, user):
        try:
            record.with_user(user).read(["display_name"])
        except AccessError:
            return False
        return True

    def test_who_sees_an_enrolment(self):
        enrolment = self._apply(0)
        self.assertTrue(self._can_read(enrolment, self.tech))
        self.assertTrue(self._can_read(enrolment, self.trainer_tech))
        self.assertTrue(self._can_read(enrolment, self.coordinator))
        self.assertFalse(self._can_read(enrolment, self.other_tech))
        self.assertFalse(self._can_read(enrolment, self.internal))
        # the organising office reads its applicants (to select them), never
        # edits them; the person's case file stays their office's
        self.assertTrue(self._can_read(self.persons[0], self.trainer_tech))
        with self.assertRaises(AccessError):
            self.persons[0].with_user(self.trainer_tech).write({"email": "x@x.org"})
        self.assertFalse(self._can_read(self.cases[0], self.trainer_tech))
        self.assertFalse(self._can_read(self.persons[1], self.trainer_tech))

    def test_editions_are_read_by_all_and_changed_by_their_office(self):
        self.assertTrue(self._can_read(self.edition, self.other_tech))
        with self.assertRaises(AccessError):
            self.edition.with_user(self.other_tech).write({"capacity": 50})
        self.edition.with_user(self.trainer_tech).write({"capacity": 5})
        with self.assertRaises(AccessError):
            self.course.with_user(self.trainer_tech).write({"hours": 5})
        with self.assertRaises(AccessError):
            self.env["omiopi.training.edition"].with_user(self.internal).search([])

    def test_certificates_are_not_written_by_hand(self):
        enrolment = self._apply(0)
        enrolment.action_select()
        self._attend(enrolment, 4)
        self._end_edition()
        enrolment.action_complete()
        certificate = enrolment.certificate_id
        self.assertTrue(self._can_read(certificate, self.tech))
        self.assertFalse(self._can_read(certificate, self.other_tech))
        with self.assertRaises(AccessError):
            certificate.with_user(self.tech).write({"hours": 100})
        with self.assertRaises(UserError):
            enrolment.with_user(self.tech).write({"certificate_id": False})
        attachment = certificate.attachment_id
        attachment.with_user(self.tech).read(["datas"])
        with self.assertRaises(AccessError):
            attachment.with_user(self.other_tech).read(["datas"])

    def test_other_offices_cannot_enrol_persons_they_do_not_see(self):
        with self.assertRaises(AccessError):
            self._apply(0, user=self.other_tech)
