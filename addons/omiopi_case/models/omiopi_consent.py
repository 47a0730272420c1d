from odoo import api, fields, models
from odoo.exceptions import UserError


class OmiopiConsent(models.Model):
    """The person's consent to share their data between the services of the
    network, with its evidence. Withdrawing it keeps the record: the history
    of consents is itself evidence."""

    _name = "omiopi.consent"
    _description = "Data-sharing consent"
    _inherit = ["mail.thread", "omiopi.guard.mixin"]
    _order = "date desc, id desc"

    partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        required=True,
        ondelete="cascade",
        index=True,
        domain=[("omiopi_is_person", "=", True)],
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    scope = fields.Selection(
        [
            ("office", "The registering office only"),
            ("network", "The services of the network"),
        ],
        required=True,
        default="network",
        tracking=True,
        help="Which services may see the person's data: with 'network', the "
        "person may be referred to any service of the network.",
    )
    office_ids = fields.Many2many(
        "omiopi.office",
        string="Services",
        help="Limit the sharing to these services; empty means every service "
        "of the network.",
    )
    document = fields.Binary(string="Signed document", attachment=True, copy=False)
    document_name = fields.Char(string="Document file name")
    user_id = fields.Many2one(
        "res.users",
        string="Recorded by",
        default=lambda self: self.env.user,
        readonly=True,
    )
    state = fields.Selection(
        [("given", "Given"), ("withdrawn", "Withdrawn")],
        required=True,
        readonly=True,
        default="given",
        tracking=True,
    )
    date_withdrawn = fields.Date(string="Withdrawn on", readonly=True, tracking=True)
    note = fields.Text()

    def _omiopi_user_fields(self):
        return super()._omiopi_user_fields() | {
            "document",
            "document_name",
            "note",
        }

    def _omiopi_create_fields(self):
        return super()._omiopi_create_fields() | {
            "partner_id",
            "date",
            "scope",
            "office_ids",
        }

    @api.depends("partner_id", "date", "state")
    def _compute_display_name(self):
        states = dict(self._fields["state"]._description_selection(self.env))
        for consent in self:
            state = states.get(consent.state)
            consent.display_name = (
                f"{consent.partner_id.name} - {state} ({consent.date})"
            )

    def action_withdraw(self):
        for consent in self:
            if consent.state != "given":
                raise UserError(
                    self.env._("Only a consent that is given can be withdrawn.")
                )
        self.check_access("write")
        self._omiopi_procedure("state", "date_withdrawn").write(
            {"state": "withdrawn", "date_withdrawn": fields.Date.context_today(self)}
        )
        for consent in self:
            consent.message_post(body=self.env._("Consent withdrawn."))

    def allows_office(self, office):
        """Whether this consent lets `office` receive the person's data."""
        self.ensure_one()
        if self.state != "given":
            return False
        if self.scope == "office":
            return office == self.partner_id.omiopi_office_id
        return not self.office_ids or office in self.office_ids
