from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.numbering import next_numbers


class OmiopiOffice(models.Model):
    """A service that opens case files: an OMIOPI office, an Employment Agency
    zone agency, social services or an external entity. Its members are the
    users who work there; record rules give them the office's cases."""

    _name = "omiopi.office"
    _description = "Office"
    _inherit = ["mail.thread", "omiopi.guard.mixin"]
    _omiopi_configuration = True
    _order = "office_type, name"

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(
        required=True,
        size=8,
        tracking=True,
        help="Short code that prefixes the office's case file numbers.",
    )
    office_type = fields.Selection(
        [
            ("omiopi", "Migrant integration office (OMIOPI)"),
            ("ae_agency", "Employment Agency zone agency"),
            ("social_services", "Social services"),
            ("external", "External entity"),
        ],
        string="Type",
        required=True,
        default="omiopi",
        tracking=True,
    )
    active = fields.Boolean(default=True)
    color = fields.Integer()
    partner_id = fields.Many2one(
        "res.partner",
        string="Address",
        help="Contact holding the office's address, phone and email.",
    )
    email = fields.Char(related="partner_id.email", readonly=False)
    phone = fields.Char(related="partner_id.phone", readonly=False)
    member_ids = fields.Many2many(
        "res.users",
        "omiopi_office_res_users_rel",
        "office_id",
        "user_id",
        string="Members",
        domain=[("share", "=", False), ("omiopi_role", "!=", False)],
        help="Users who work in this office and see its case files.",
    )
    manager_id = fields.Many2one(
        "res.users",
        string="Section head",
        tracking=True,
        domain=[("share", "=", False), ("omiopi_role", "!=", False)],
        help="Validates the referrals proposed by the office's technicians.",
    )
    sequence_id = fields.Many2one(
        "ir.sequence",
        string="Case file numbering",
        readonly=True,
        copy=False,
    )
    case_ids = fields.One2many(
        "omiopi.case", "office_id", string="Case files", readonly=True
    )
    case_count = fields.Integer(
        string="Number of case files", compute="_compute_case_count"
    )
    # "My offices", written once: every record rule and search that opens the
    # records of the user's offices goes through this field, e.g.
    # [('case_id.office_id.is_my_office', '=', True)].
    is_my_office = fields.Boolean(
        string="One of my offices",
        compute="_compute_is_my_office",
        search="_search_is_my_office",
        help="The office is one of those the user works in.",
    )

    _sql_constraints = [
        ("code_unique", "unique(code)", "Another office already uses this code."),
    ]

    @api.depends_context("uid")
    def _compute_is_my_office(self):
        mine = self.env.user.omiopi_office_ids
        for office in self:
            office.is_my_office = office in mine

    def _search_is_my_office(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on 'One of my offices'."))
        # Read as the user whose rights are being computed: record rules
        # evaluate their domains with the superuser flag, not another uid.
        offices = self.env.user.omiopi_office_ids.ids
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", offices)]

    @api.depends("case_ids")
    def _compute_case_count(self):
        counts = dict(
            self.env["omiopi.case"]._read_group(
                [("office_id", "in", self.ids)], ["office_id"], ["__count"]
            )
        )
        for office in self:
            office.case_count = counts.get(office, 0)

    @api.model_create_multi
    def create(self, vals_list):
        offices = super().create(vals_list)
        for office in offices:
            office.sequence_id = office._create_case_sequence()
        if any(vals.get("member_ids") for vals in vals_list):
            self._invalidate_office_rules()
        return offices

    def write(self, vals):
        res = super().write(vals)
        if "member_ids" in vals or "active" in vals:
            self._invalidate_office_rules()
        if "code" in vals:
            for office in self.filtered("sequence_id"):
                # sudo: the office's own numbering follows its code; ir.sequence is
                # admin-only
                office.sequence_id.sudo().prefix = office._case_sequence_prefix()
        return res

    def unlink(self):
        sequences = self.sequence_id
        res = super().unlink()
        self._invalidate_office_rules()
        # sudo: Sequences are technical records only administrators may delete.
        sequences.sudo().unlink()
        return res

    def _case_sequence_prefix(self):
        return f"{self.code}/%(range_year)s/"

    def _create_case_sequence(self):
        self.ensure_one()
        # sudo: ir.sequence is writable by administrators only; the office manager
        # gets a numbering without receiving rights on all sequences.
        return (
            self.env["ir.sequence"]
            .sudo()
            .create(
                {
                    "name": self.env._("Case files %(office)s", office=self.name),
                    "code": False,
                    "prefix": self._case_sequence_prefix(),
                    "padding": 5,
                    "use_date_range": True,
                }
            )
        )

    def _next_case_numbers(self, count, date=None):
        """The next `count` numbers of the office's numbering, in the year of
        `date`."""
        self.ensure_one()
        if not self.sequence_id:
            # sudo: link to the office's own numbering, created on first use
            self.sudo().sequence_id = self._create_case_sequence()
        return next_numbers(self.sequence_id, count, sequence_date=date or None)

    def _invalidate_office_rules(self):
        # Record rules read the user's offices; their domains are cached.
        self.env.registry.clear_cache()

    def action_view_cases(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "omiopi_case.omiopi_case_action"
        )
        action["domain"] = [("office_id", "=", self.id)]
        action["context"] = {"default_office_id": self.id}
        return action
