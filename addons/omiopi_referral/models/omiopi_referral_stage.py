from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools.safe_eval import safe_eval

STAGE_TYPES = [
    ("draft", "Draft"),
    ("approval", "Approval"),
    ("in_progress", "In progress"),
    ("done", "Done"),
    ("refused", "Refused"),
]


class OmiopiReferralStage(models.Model):
    """A step of the referral procedure. Administrators add, rename, reorder
    and fold stages; the stage type says what the step means, and an approval
    stage says who decides it and, optionally, when it applies."""

    _name = "omiopi.referral.stage"
    _inherit = ["omiopi.guard.mixin"]
    _omiopi_configuration = True
    _description = "Referral stage"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    fold = fields.Boolean(string="Folded in kanban")
    stage_type = fields.Selection(STAGE_TYPES, string="Type", required=True)
    description = fields.Text(translate=True)
    approver_type = fields.Selection(
        [
            ("group", "Any user of a group"),
            ("user", "A specific user"),
            ("section_head", "The section head of the referring office"),
            ("receiving_office", "The members of the receiving office"),
        ],
        string="Decided by",
        help="Who may approve or refuse a referral in this stage.",
    )
    approver_group_id = fields.Many2one("res.groups", string="Group")
    approver_user_id = fields.Many2one("res.users", string="User")
    condition = fields.Char(
        default="[]",
        help="The stage applies only to referrals matching this domain; the "
        "others skip it (for example: only referrals from an Employment "
        "Agency zone agency need the section head).",
    )
    ask_target_area = fields.Boolean(
        string="Decides the target area",
        help="The approver chooses the area the referral goes to.",
    )
    active = fields.Boolean(default=True)

    @api.constrains(
        "stage_type", "approver_type", "approver_group_id", "approver_user_id"
    )
    def _check_approver(self):
        for stage in self.filtered(lambda s: s.stage_type == "approval"):
            if not stage.approver_type:
                raise ValidationError(
                    self.env._(
                        "The approval stage %(stage)s needs to say who decides it.",
                        stage=stage.name,
                    )
                )
            if stage.approver_type == "group" and not stage.approver_group_id:
                raise ValidationError(
                    self.env._(
                        "Choose the group that decides %(stage)s.", stage=stage.name
                    )
                )
            if stage.approver_type == "user" and not stage.approver_user_id:
                raise ValidationError(
                    self.env._(
                        "Choose the user who decides %(stage)s.", stage=stage.name
                    )
                )

    @api.constrains("condition")
    def _check_condition(self):
        for stage in self:
            try:
                domain = safe_eval(stage.condition or "[]")
                self.env["omiopi.referral"].search_count(domain)
            except Exception as error:
                raise ValidationError(
                    self.env._(
                        "The condition of %(stage)s is not a valid domain: %(error)s",
                        stage=stage.name,
                        error=error,
                    )
                ) from error

    @api.model
    def _path_of(self, referral):
        """The stages the referral's status bar shows: its own, the draft,
        in-progress and closing ones, and the approvals it goes through."""
        return self.search([("active", "=", True)]).filtered(
            lambda stage: (
                stage == referral.stage_id
                or stage.stage_type in ("draft", "in_progress", "done")
                or (
                    stage.stage_type == "approval"
                    and (not referral.id or stage._applies_to(referral))
                )
            )
        )

    def _next_for(self, referral):
        """The stage after this one for `referral`: the next approval stage
        that applies to it, or else the first in-progress stage (the
        referral is then accepted)."""
        stages = self.search([("active", "=", True)])
        following = stages.filtered(
            lambda s: (s.sequence, s.id) > (self.sequence, self.id)
        )
        for stage in following:
            if stage.stage_type == "approval" and stage._applies_to(referral):
                return stage
            if stage.stage_type == "in_progress":
                return stage
        in_progress = stages.filtered(lambda s: s.stage_type == "in_progress")
        if not in_progress:
            raise UserError(
                self.env._("Configure at least one in-progress referral stage.")
            )
        return in_progress[0]

    def _applies_to(self, referral):
        """Whether the referral goes through this stage."""
        self.ensure_one()
        domain = safe_eval(self.condition or "[]")
        if not domain:
            return True
        return bool(referral.search_count([("id", "=", referral.id), *domain]))

    def _approvers_domain(self, user):
        """The referrals at this stage whose approvers (_approvers) include
        `user`, as a domain: the same rule, searched in the database."""
        self.ensure_one()
        where = [("stage_id", "=", self.id)]
        if self.approver_type == "group":
            # sudo: whether the user is in the approving group
            if user in self.approver_group_id.sudo().users:
                return where
        elif self.approver_type == "user":
            if self.approver_user_id == user:
                return where
        elif self.approver_type == "section_head":
            # sudo: which offices the user heads; only their ids are used
            headed = (
                self.env["omiopi.office"].sudo().search([("manager_id", "=", user.id)])
            )
            return [*where, ("referring_office_id", "in", headed.ids)]
        elif self.approver_type == "receiving_office":
            # sudo: the user's offices; only their ids are used
            return [
                *where,
                ("receiving_office_id", "in", user.sudo().omiopi_office_ids.ids),
            ]
        return expression.FALSE_DOMAIN

    def _approvers(self, referral):
        """The users who may decide this stage for `referral`."""
        self.ensure_one()
        users = self.env["res.users"]
        if self.stage_type != "approval":
            return users
        if self.approver_type == "group":
            # sudo: who may decide: group members are listed to schedule activities, not
            # shown
            users = self.approver_group_id.sudo().users
        elif self.approver_type == "user":
            users = self.approver_user_id
        elif self.approver_type == "section_head":
            # sudo: the section head of the office decides; only the user is used
            users = referral.referring_office_id.sudo().manager_id
        elif self.approver_type == "receiving_office":
            # sudo: the members of the receiving office decide; only the users are used
            users = referral.receiving_office_id.sudo().member_ids
        return users.filtered(lambda u: u.active and not u.share)
