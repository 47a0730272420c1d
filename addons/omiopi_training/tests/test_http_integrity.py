from odoo.tests import HttpCase, tagged

from odoo.addons.omiopi_case.tests.http_common import DemoRpcMixin

SUR = "tecnico.sur"


@tagged("post_install", "-at_install")
class TestTrainingHttpIntegrity(DemoRpcMixin, HttpCase):
    """The seats of an edition, over JSON-RPC as the demo users: a
    technician of another office selecting their person made the stored
    seat count "1 taken" for everyone."""

    def test_8_stored_seats_are_everyones(self):
        edition = self.env.ref("omiopi_training.edition_basic_it_demo")
        edition.capacity = 20
        organiser = edition.office_id
        Partner = self.env["res.partner"]
        for n in range(5):
            person = Partner.create(
                {
                    "name": f"Alumno {n}",
                    "omiopi_is_person": True,
                    "omiopi_office_id": organiser.id,
                }
            )
            enrolment = self.env["omiopi.training.enrolment"].create(
                {"edition_id": edition.id, "partner_id": person.id}
            )
            enrolment.action_select()
        self.env.flush_all()
        seated = edition.seats_taken
        person = self.readable_by(
            SUR,
            "res.partner",
            [
                ("omiopi_is_person", "=", True),
                (
                    "omiopi_office_id",
                    "=",
                    self.env.ref("omiopi_case.office_sur_demo").id,
                ),
                ("omiopi_enrolment_ids.edition_id", "!=", edition.id),
            ],
            operation="write",
        )
        self.rpc(
            SUR, "omiopi.training.edition", "read", [edition.id], ["enrolment_ids"]
        )
        enrolment = self.rpc(
            SUR,
            "omiopi.training.enrolment",
            "create",
            {"edition_id": edition.id, "partner_id": person.id},
        )
        # whatever the course asks, the person is seated (the override is
        # the enrolment's own procedure, tested elsewhere)
        self.env["omiopi.training.enrolment"].browse(enrolment).write(
            {"requirement_override": True}
        )
        self.rpc(SUR, "omiopi.training.enrolment", "action_select", [enrolment])
        edition.invalidate_recordset()
        self.assertEqual(edition.seats_taken, seated + 1)
        self.assertEqual(
            edition.seats_taken,
            self.env["omiopi.training.enrolment"].search_count(
                [
                    ("edition_id", "=", edition.id),
                    ("state", "in", ("selected", "attending", "completed")),
                ]
            ),
        )
