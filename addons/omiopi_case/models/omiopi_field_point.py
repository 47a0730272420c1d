from odoo import api, fields, models


class OmiopiFieldPoint(models.Model):
    """A place in a neighbourhood where the office takes its services on
    planned dates (seed 004, "OMIL en Terreno": points agreed with the
    neighbourhood associations, with staff of other municipal services).
    Its association's leader is the contact who posts the vacancies."""

    _name = "omiopi.field.point"
    _inherit = ["mail.thread", "omiopi.guard.mixin"]
    _description = "Field service point"
    _order = "name, id"

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    office_id = fields.Many2one(
        "omiopi.office",
        required=True,
        index=True,
        default=lambda self: self.env.user.omiopi_default_office_id,
        help="The office that takes its services to this point.",
    )
    district_id = fields.Many2one("omiopi.district", tracking=True)
    street = fields.Char(string="Address")
    association_id = fields.Many2one(
        "res.partner",
        string="Neighbourhood association",
        domain=[("is_company", "=", True), ("omiopi_is_person", "=", False)],
        tracking=True,
        help="The association the point is agreed with (or its federation).",
    )
    leader_id = fields.Many2one(
        "res.partner",
        string="Association leader",
        domain=[("is_company", "=", False), ("omiopi_is_person", "=", False)],
        tracking=True,
        help="The contact at the association: the sessions are agreed with "
        "them and the vacancies handed to them to post.",
    )
    leader_phone = fields.Char(related="leader_id.phone", string="Leader's phone")
    service_ids = fields.Many2many(
        "res.partner",
        "omiopi_field_point_service_rel",
        "point_id",
        "partner_id",
        string="Municipal services that come along",
        domain=[("is_company", "=", True), ("omiopi_is_person", "=", False)],
    )
    schedule = fields.Char(
        string="Usual dates", help="For example: the first Tuesday of each month."
    )
    note = fields.Text()
    session_ids = fields.One2many(
        "omiopi.field.session", "point_id", string="Sessions", readonly=True
    )
    session_count = fields.Integer(compute="_compute_counts", string="Sessions held")
    registration_count = fields.Integer(
        compute="_compute_counts", string="People registered"
    )
    next_session = fields.Datetime(compute="_compute_next_session")

    def _omiopi_user_fields(self):
        return super()._omiopi_user_fields() | {
            "name",
            "active",
            "district_id",
            "street",
            "association_id",
            "leader_id",
            "service_ids",
            "schedule",
            "note",
        }

    def _omiopi_create_fields(self):
        # A point belongs to the office that agreed it: moving it would hand
        # its sessions and registrations to another office.
        return super()._omiopi_create_fields() | {"office_id"}

    def _compute_counts(self):
        sessions = dict(
            self.env["omiopi.field.session"]._read_group(
                [("point_id", "in", self.ids), ("state", "=", "held")],
                ["point_id"],
                ["__count"],
            )
        )
        registrations = dict(
            self.env["omiopi.field.registration"]._read_group(
                [("point_id", "in", self.ids)], ["point_id"], ["__count"]
            )
        )
        for point in self:
            point.session_count = sessions.get(point, 0)
            point.registration_count = registrations.get(point, 0)

    @api.depends("session_ids.start", "session_ids.state")
    def _compute_next_session(self):
        now = fields.Datetime.now()
        for point in self:
            planned = point.session_ids.filtered(
                lambda s: s.state == "planned" and s.start >= now
            )
            point.next_session = min(planned.mapped("start"), default=False)

    def action_open_sessions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "omiopi_case.omiopi_field_session_action"
        )
        action["domain"] = [("point_id", "=", self.id)]
        action["context"] = {"default_point_id": self.id}
        return action

    def action_open_registrations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "omiopi_case.omiopi_field_registration_action"
        )
        action["domain"] = [("point_id", "=", self.id)]
        action["context"] = {}
        return action

    def action_open_report(self):
        """The activity report of this point, this year so far."""
        self.ensure_one()
        report = self.env["omiopi.activity.report"].create(
            {"field_point_ids": [(6, 0, self.ids)]}
        )
        return report.action_compute()
