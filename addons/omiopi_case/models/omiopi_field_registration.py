from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class OmiopiFieldRegistration(models.Model):
    """A line of the sheet filled in at a field session (seed 004: people
    are registered on a simple sheet at the point and entered later): the
    few data taken there, on a phone. It registers the person at once,
    marked "to complete", and stays on the office's list until a
    technician has completed them at the office."""

    _name = "omiopi.field.registration"
    _inherit = ["mail.thread", "omiopi.guard.mixin"]
    _description = "Field registration"
    _order = "create_date desc, id desc"

    session_id = fields.Many2one(
        "omiopi.field.session",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("state", "!=", "cancelled")],
    )
    point_id = fields.Many2one(
        related="session_id.point_id", store=True, index=True, string="Field point"
    )
    office_id = fields.Many2one(
        related="session_id.office_id", store=True, index=True, string="Office"
    )
    session_date = fields.Datetime(
        related="session_id.start", store=True, string="Date of the session"
    )
    name = fields.Char(string="Full name", required=True)
    phone = fields.Char()
    email = fields.Char()
    nationality_id = fields.Many2one("res.country")
    request = fields.Text(
        string="What the person asks",
        required=True,
        help="In their words: a job, papers, a course, housing...",
    )
    area_id = fields.Many2one("omiopi.area")
    consent_given = fields.Boolean(
        string="Consents to the processing of their data",
        help="Required to register anyone: without it, count them as people "
        "informed at the session.",
    )
    consent_evidence = fields.Selection(
        [
            ("signed_sheet", "Signed on the paper sheet"),
            ("photo", "Signed sheet photographed"),
            ("verbal", "Verbal, before a witness"),
        ],
        string="Evidence of the consent",
        default="signed_sheet",
    )
    consent_document = fields.Binary(
        string="Photo of the signed sheet", attachment=True, copy=False
    )
    consent_document_name = fields.Char()
    consent_witness = fields.Char(string="Witness")
    partner_id = fields.Many2one(
        "res.partner", string="Person", readonly=True, index=True, copy=False
    )
    state = fields.Selection(
        [("to_complete", "To complete"), ("completed", "Completed")],
        required=True,
        default="to_complete",
        readonly=True,
        tracking=True,
        index=True,
    )
    date_completed = fields.Date(string="Completed on", readonly=True, copy=False)
    user_id = fields.Many2one(
        "res.users",
        string="Registered by",
        default=lambda self: self.env.user,
        readonly=True,
    )

    def _omiopi_user_fields(self):
        return super()._omiopi_user_fields() | {
            "name",
            "phone",
            "email",
            "nationality_id",
            "request",
            "area_id",
        }

    def _omiopi_create_fields(self):
        # The consent and its evidence are what the person signed there:
        # recorded once, with the registration (a withdrawal goes through
        # the person's consents).
        return super()._omiopi_create_fields() | {
            "session_id",
            "consent_given",
            "consent_evidence",
            "consent_document",
            "consent_document_name",
            "consent_witness",
        }

    @api.constrains("consent_given", "consent_evidence", "consent_witness")
    def _check_consent(self):
        for registration in self:
            if not registration.consent_given:
                raise ValidationError(
                    self.env._(
                        "Nobody is registered without their consent: count them "
                        "as people informed at the session instead."
                    )
                )
            if registration.consent_evidence == "verbal" and not (
                registration.consent_witness
            ):
                raise ValidationError(self.env._("A verbal consent names its witness."))
            if (
                registration.consent_evidence == "photo"
                and not registration.consent_document
            ):
                raise ValidationError(
                    self.env._("Attach the photo of the signed sheet.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        registrations = super().create(vals_list)
        for registration in registrations:
            if registration.session_id.state == "cancelled":
                raise UserError(
                    self.env._("Nobody is registered at a cancelled session.")
                )
            registration._register_person()
        return registrations

    def _register_person(self):
        """The person, in the session's office, with the consent signed at
        the point as its evidence. Created as the user: their office's
        rights decide, as for any person they register."""
        self.ensure_one()
        person = self.env["res.partner"].create(
            {
                "name": self.name,
                "omiopi_is_person": True,
                "omiopi_office_id": self.office_id.id,
                "mobile": self.phone,
                "email": self.email,
                "nationality_id": self.nationality_id.id,
                "omiopi_district_id": self.point_id.district_id.id,
                "omiopi_interests": self.request,
            }
        )
        evidence = dict(
            self._fields["consent_evidence"]._description_selection(self.env)
        )[self.consent_evidence]
        self.env["omiopi.consent"].create(
            {
                "partner_id": person.id,
                "scope": "network",
                "document": self.consent_document,
                "document_name": self.consent_document_name,
                "note": self.env._(
                    "Given at %(session)s. %(evidence)s%(witness)s",
                    session=self.session_id.display_name,
                    evidence=evidence,
                    witness=(
                        f" ({self.consent_witness})" if self.consent_witness else ""
                    ),
                ),
            }
        )
        self._omiopi_procedure("partner_id").write({"partner_id": person.id})

    # ------------------------------------------------------------
    # Completing at the office
    # ------------------------------------------------------------

    def _missing_data(self):
        """What the person still lacks to be counted and served."""
        self.ensure_one()
        person = self.partner_id
        required = {
            "gender": person.gender,
            "birthdate_date": person.birthdate_date,
            "nationality_id": person.nationality_id,
        }
        return [
            person._fields[name].get_description(self.env)["string"]
            for name, value in required.items()
            if not value
        ]

    def action_complete(self):
        """The person's data completed at the office: off the list."""
        for registration in self:
            registration.check_access("write")
            registration.partner_id.check_access("write")
            if registration.state == "completed":
                continue
            missing = registration._missing_data()
            if missing:
                raise UserError(
                    self.env._(
                        "%(person)s still lacks: %(fields)s.",
                        person=registration.partner_id.name,
                        fields=", ".join(missing),
                    )
                )
            registration._omiopi_procedure("state", "date_completed").write(
                {
                    "state": "completed",
                    "date_completed": fields.Date.context_today(self),
                }
            )
        return True

    def action_open_person(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner",
            "res_id": self.partner_id.id,
            "view_mode": "form",
            "views": [
                (self.env.ref("omiopi_case.res_partner_view_form_omiopi").id, "form")
            ],
            "target": "current",
        }
