from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

SERVICE_TYPES = [
    ("translation", "Translation of a text"),
    ("interpretation", "Telephone interpretation"),
    ("mediation", "Cultural mediation"),
]


class OmiopiLanguageService(models.Model):
    """A translation, a telephone interpretation or a cultural mediation the
    offices gave (seed 000: "29 translations, 20,352 words; 2,034 calls,
    32,387.60 minutes"; seed 003: mediators during opening hours): what was
    asked, in which language, by whom, for which person if any, by which
    mediator, and how much."""

    _name = "omiopi.language.service"
    _inherit = ["mail.thread", "omiopi.guard.mixin"]
    _description = "Translation or interpretation"
    _order = "date desc, id desc"

    name = fields.Char(
        string="Subject",
        required=True,
        help="The document translated, or what the call or the appointment is about.",
    )
    service_type = fields.Selection(
        SERVICE_TYPES, string="Service", required=True, default="translation"
    )
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    office_id = fields.Many2one(
        "omiopi.office",
        required=True,
        index=True,
        default=lambda self: self.env.user.omiopi_default_office_id,
    )
    requested_by = fields.Char(
        string="Requested by",
        help="The centre or service that asked for it (e.g. a social services centre).",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        index=True,
        domain=[("omiopi_is_person", "=", True)],
        help="The person served, when there is one: their language is proposed.",
    )
    language_id = fields.Many2one(
        "omiopi.language",
        required=True,
        compute="_compute_language_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    mediator_id = fields.Many2one(
        "omiopi.mediator",
        string="Mediator or interpreter",
        compute="_compute_mediator_id",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('language_ids', 'in', language_id)]",
    )
    appointment = fields.Datetime(
        help="When the mediator is needed (a mediation booked for an appointment)."
    )
    calendar_event_id = fields.Many2one(
        "calendar.event", string="Calendar event", readonly=True, copy=False
    )
    words = fields.Integer(help="Words translated.")
    minutes = fields.Float(help="Length of the interpretation call or the mediation.")
    provider = fields.Char(help="The translator or interpreting company.")
    user_id = fields.Many2one(
        "res.users",
        string="Recorded by",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    note = fields.Text()

    def _omiopi_user_fields(self):
        return super()._omiopi_user_fields() | {
            "name",
            "service_type",
            "date",
            "requested_by",
            "partner_id",
            "language_id",
            "mediator_id",
            "appointment",
            "words",
            "minutes",
            "provider",
            "user_id",
            "note",
        }

    def _omiopi_create_fields(self):
        # The office is chosen when the service is recorded: moving it to
        # another office afterwards would hand it over without that office.
        return super()._omiopi_create_fields() | {"office_id"}

    @api.depends("partner_id")
    def _compute_language_id(self):
        """The person's own language: the first one recorded that is not the
        host country's (their mother tongue comes first)."""
        for service in self:
            if service.language_id or not service.partner_id:
                continue
            own = service.partner_id.omiopi_language_ids.language_id.filtered(
                lambda language: not language.is_spanish
            )
            service.language_id = own[:1]

    @api.depends("language_id", "office_id", "service_type")
    def _compute_mediator_id(self):
        """A mediator who covers the language (and serves the office) is
        proposed; one chosen by hand who covers it is kept."""
        # One search for all the records' languages, not one per record.
        mediators = self.env["omiopi.mediator"].search(
            [("language_ids", "in", self.language_id.ids)]
        )
        for service in self:
            if not service.language_id or service.service_type == "translation":
                continue
            if service.language_id in service.mediator_id.language_ids:
                continue
            service.mediator_id = mediators.filtered(
                lambda m, s=service: (
                    s.language_id in m.language_ids
                    and (not m.office_ids or s.office_id in m.office_ids)
                )
            )[:1]

    @api.constrains("service_type", "words", "minutes")
    def _check_amounts(self):
        for service in self:
            if service.words < 0 or service.minutes < 0:
                raise ValidationError(
                    self.env._("Words and minutes cannot be negative.")
                )
            if service.service_type == "translation" and not service.words:
                raise ValidationError(
                    self.env._("A translation records the number of words.")
                )
            if service.service_type == "interpretation" and not service.minutes:
                raise ValidationError(
                    self.env._("An interpretation records the minutes of the call.")
                )

    def action_book(self):
        """Book the mediator for the appointment: an event in the calendars
        of the technician and of the mediator when they are staff, private
        (others see the time taken, not the person)."""
        self.ensure_one()
        self.check_access("write")
        if self.calendar_event_id:
            raise UserError(self.env._("This mediation is booked already."))
        if not (self.mediator_id and self.appointment):
            raise UserError(
                self.env._("Choose the mediator and the time of the appointment.")
            )
        attendees = self.env.user.partner_id | self.mediator_id.user_id.partner_id
        hours = (self.minutes or 60.0) / 60.0
        event = self.env["calendar.event"].create(
            {
                "name": self.env._(
                    "Mediation (%(language)s): %(subject)s",
                    language=self.language_id.name,
                    subject=self.name,
                ),
                "start": self.appointment,
                "stop": self.appointment + timedelta(hours=hours),
                "duration": hours,
                "user_id": self.env.user.id,
                "partner_ids": [(6, 0, attendees.ids)],
                "privacy": "private",
                "res_model_id": self.env["ir.model"]._get_id(self._name),
                "res_id": self.id,
                "description": self.mediator_id.display_name,
            }
        )
        self._omiopi_procedure("calendar_event_id").write(
            {"calendar_event_id": event.id}
        )
        self.message_post(
            body=self.env._(
                "%(mediator)s booked for %(when)s.",
                mediator=self.mediator_id.display_name,
                when=fields.Datetime.to_string(
                    fields.Datetime.context_timestamp(self, self.appointment)
                )[:16],
            ),
            subtype_xmlid="mail.mt_note",
        )
        return True
