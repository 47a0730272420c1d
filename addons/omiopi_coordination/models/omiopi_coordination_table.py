from odoo import api, fields, models
from odoo.exceptions import ValidationError

LEVELS = [
    ("programme", "Programme"),
    ("project", "Project"),
    ("case", "Cases"),
]


def person_served_error(env):
    """Refusal of a person served among the participants of a table."""
    return env._(
        "Institutions and external participants are organisations and their "
        "staff, never a person served: the table is seen by every office "
        "taking part."
    )


# The level a table of each level hangs from (seed 002: the programme's table
# decides strategy, the projects' tables operations, the cases' tables the
# technical decisions on each case).
PARENT_LEVEL = {"project": "programme", "case": "project"}


class OmiopiCoordinationTable(models.Model):
    """A technical coordination table (seed 002, Albacete: "mesa técnica" of
    the programme, of a project or of cases): the offices, the institutions
    and the people who meet around a programme, a project or the persons
    they serve together, with the record of their meetings and agreements.

    Who sees it: the offices taking part and the members (users) of the
    table; coordinators see them all."""

    _name = "omiopi.coordination.table"
    _inherit = ["mail.thread", "omiopi.guard.mixin"]
    _description = "Coordination table"
    _order = "level, name, id"

    name = fields.Char(required=True, tracking=True)
    level = fields.Selection(
        LEVELS,
        required=True,
        default="case",
        tracking=True,
        help="Programme: strategic decisions; project: operational decisions; "
        "cases: technical decisions on the persons followed together.",
    )
    parent_id = fields.Many2one(
        "omiopi.coordination.table",
        string="Parent table",
        index=True,
        ondelete="restrict",
        domain="[('level', '=', parent_level)]",
        help="A cases table works under a project table, a project table under "
        "the programme table.",
    )
    parent_level = fields.Selection(LEVELS, compute="_compute_parent_level")
    child_ids = fields.One2many(
        "omiopi.coordination.table",
        "parent_id",
        string="Tables under it",
        readonly=True,
    )
    office_ids = fields.Many2many(
        "omiopi.office",
        "omiopi_coordination_table_office_rel",
        "table_id",
        "office_id",
        string="Offices",
        default=lambda self: self.env.user.omiopi_default_office_id,
        help="The offices taking part: their technicians see the table.",
    )
    member_ids = fields.Many2many(
        "res.users",
        "omiopi_coordination_table_user_rel",
        "table_id",
        "user_id",
        string="Members",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        help="The staff who take part; they are invited to its meetings.",
    )
    institution_ids = fields.Many2many(
        "res.partner",
        "omiopi_coordination_table_institution_rel",
        "table_id",
        "partner_id",
        string="Institutions",
        domain=[("is_company", "=", True), ("omiopi_is_person", "=", False)],
        help="Administrations and social entities around the table.",
    )
    contact_ids = fields.Many2many(
        "res.partner",
        "omiopi_coordination_table_contact_rel",
        "table_id",
        "partner_id",
        string="External participants",
        domain=[("is_company", "=", False), ("omiopi_is_person", "=", False)],
        help="The people of those institutions who take part.",
    )
    note = fields.Html(string="Purpose")
    active = fields.Boolean(default=True)
    meeting_ids = fields.One2many(
        "omiopi.coordination.meeting", "table_id", string="Meetings", readonly=True
    )
    meeting_count = fields.Integer(compute="_compute_counts")
    open_agreement_count = fields.Integer(
        string="Open agreements", compute="_compute_counts"
    )
    next_meeting = fields.Datetime(compute="_compute_counts")

    def _omiopi_user_fields(self):
        return super()._omiopi_user_fields() | {
            "name",
            "level",
            "parent_id",
            "office_ids",
            "member_ids",
            "institution_ids",
            "contact_ids",
            "note",
            "active",
        }

    @api.depends("level")
    def _compute_parent_level(self):
        for table in self:
            table.parent_level = PARENT_LEVEL.get(table.level, False)

    def _compute_counts(self):
        """With the user's rights: the meetings and agreements they see."""
        Meeting = self.env["omiopi.coordination.meeting"]
        meetings = dict(
            Meeting._read_group(
                [("table_id", "in", self.ids), ("state", "!=", "cancelled")],
                ["table_id"],
                ["__count"],
            )
        )
        upcoming = dict(
            Meeting._read_group(
                [
                    ("table_id", "in", self.ids),
                    ("state", "=", "planned"),
                    ("start", ">=", fields.Datetime.now()),
                ],
                ["table_id"],
                ["start:min"],
            )
        )
        agreements = dict(
            self.env["omiopi.coordination.agreement"]._read_group(
                [("table_id", "in", self.ids), ("state", "=", "open")],
                ["table_id"],
                ["__count"],
            )
        )
        for table in self:
            table.meeting_count = meetings.get(table, 0)
            table.open_agreement_count = agreements.get(table, 0)
            table.next_meeting = upcoming.get(table, False)

    @api.constrains("office_ids")
    def _check_office_ids(self):
        for table in self:
            if not table.office_ids:
                raise ValidationError(
                    self.env._("A coordination table has at least one office.")
                )

    @api.constrains("institution_ids", "contact_ids")
    def _check_participants(self):
        # sudo: whether a person served is linked, whoever may read them
        if self.sudo().institution_ids.filtered("omiopi_is_person") or (
            self.sudo().contact_ids.filtered("omiopi_is_person")
        ):
            raise ValidationError(person_served_error(self.env))

    @api.constrains("parent_id", "level")
    def _check_parent_id(self):
        for table in self:
            if table.parent_id and table.parent_id.level != PARENT_LEVEL.get(
                table.level
            ):
                raise ValidationError(
                    self.env._(
                        "A cases table works under a project table, and a "
                        "project table under the programme table."
                    )
                )

    def action_open_meetings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "omiopi_coordination.omiopi_coordination_meeting_action"
        )
        action["domain"] = [("table_id", "=", self.id)]
        action["context"] = {"default_table_id": self.id}
        return action

    def action_open_agreements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "omiopi_coordination.omiopi_coordination_agreement_action"
        )
        action["domain"] = [("table_id", "=", self.id)]
        action["context"] = {"search_default_open": 1}
        return action
