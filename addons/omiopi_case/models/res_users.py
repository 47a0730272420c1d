from functools import reduce

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

ERP_MANAGER = "base.group_erp_manager"
# What an omiopi administrator, who is no Odoo administrator, may set on the
# suite's users: who they are, their role and offices, and how they sign in.
STAFF_FIELDS = frozenset(
    {
        "name",
        "login",
        "email",
        "active",
        "password",
        "lang",
        "tz",
        "notification_type",
        "signature",
        "image_1920",
        "omiopi_role",
        "omiopi_office_ids",
    }
)


class ResUsers(models.Model):
    """The suite's users: a role chosen from one list (its group and those it
    implies), the offices they work in, and the screen they land on. The
    omiopi administrator creates, assigns and archives them without being an
    Odoo administrator (record rule and field list below)."""

    _inherit = "res.users"

    omiopi_office_ids = fields.Many2many(
        "omiopi.office",
        "omiopi_office_res_users_rel",
        "user_id",
        "office_id",
        string="Offices",
        help="Offices this user works in: they see those offices' case files.",
    )
    omiopi_default_office_id = fields.Many2one(
        "omiopi.office",
        string="Default office",
        compute="_compute_omiopi_default_office_id",
    )
    omiopi_role = fields.Selection(
        [
            ("technician", "Technician"),
            ("section_head", "Section head"),
            ("coordinator", "Coordinator"),
            ("manager", "Administrator"),
        ],
        string="Role in migrant integration",
        compute="_compute_omiopi_role",
        inverse="_inverse_omiopi_role",
        search="_search_omiopi_role",
        help="What the user does in the suite; it gives the user the rights "
        "of the role and the screen they land on.",
    )

    @api.depends("omiopi_office_ids")
    def _compute_omiopi_default_office_id(self):
        for user in self:
            user.omiopi_default_office_id = user.omiopi_office_ids[:1]

    # ------------------------------------------------------------------
    # Roles
    # ------------------------------------------------------------------

    @api.model
    def _omiopi_role_groups(self):
        """{role: group}, from the least to the most: a user's role is the
        last one whose group they have. Add-ons add their roles."""
        ref = self.env.ref
        return {
            "technician": ref("omiopi_case.group_omiopi_technician"),
            "section_head": ref("omiopi_case.group_omiopi_section_head"),
            "coordinator": ref("omiopi_case.group_omiopi_coordinator"),
            "manager": ref("omiopi_case.group_omiopi_manager"),
        }

    @api.model
    def _omiopi_role_home_actions(self):
        """{role: xml id of the action the role lands on}. Add-ons that own
        a role's daily work change its entry."""
        return {
            "technician": "omiopi_case.omiopi_case_action_home",
            "section_head": "omiopi_case.omiopi_case_action_home",
            "coordinator": "omiopi_case.omiopi_case_action_home",
            "manager": "omiopi_case.omiopi_office_action",
        }

    @api.depends("groups_id")
    def _compute_omiopi_role(self):
        roles = self._omiopi_role_groups()
        for user in self:
            user.omiopi_role = False
            for role, group in roles.items():
                if group in user.groups_id:
                    user.omiopi_role = role

    def _search_omiopi_role(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise UserError(self.env._("Unsupported search on the role."))
        roles = self._omiopi_role_groups()
        all_groups = reduce(lambda a, b: a | b, roles.values())
        # sudo: which users hold a role; only their ids are used
        users = (
            self.sudo()
            .with_context(active_test=False)
            .search([("groups_id", "in", all_groups.ids)])
        )
        wanted = value if isinstance(value, (list, tuple)) else [value]
        matching = users.filtered(lambda u: u.omiopi_role in wanted)
        if False in wanted:
            positive = operator in ("=", "in")
            others = users - matching
            return [("id", "not in" if positive else "in", others.ids)]
        positive = operator in ("=", "in")
        return [("id", "in" if positive else "not in", matching.ids)]

    def _inverse_omiopi_role(self):
        roles = self._omiopi_role_groups()
        role_groups = reduce(lambda a, b: a | b, roles.values())
        # The groups a role brings besides the internal user's: taken away
        # with the role (auditlog's viewer comes with the administrator).
        internal = self.env.ref("base.group_user")
        brought = role_groups.trans_implied_ids - internal - internal.trans_implied_ids
        for user in self:
            commands = [Command.unlink(group.id) for group in role_groups | brought]
            values = {}
            if user.omiopi_role:
                commands.append(Command.link(roles[user.omiopi_role].id))
                home = self.env.ref(
                    self._omiopi_role_home_actions()[user.omiopi_role],
                    raise_if_not_found=False,
                )
                values = {
                    "action_id": home.id if home else False,
                    "notification_type": "inbox",
                }
            # sudo: the groups of a suite user are set through the role only
            # (write() lets omiopi administrators set nothing else)
            user.sudo().write({"groups_id": commands, **values})

    @api.model
    def _omiopi_refresh_home_actions(self):
        """Land each suite user on their role's screen (an add-on installed
        later changes a role's home)."""
        homes = self._omiopi_role_home_actions()
        for user in self.search([("omiopi_role", "!=", False)]):
            home = self.env.ref(homes[user.omiopi_role], raise_if_not_found=False)
            if home and user.action_id.id != home.id:
                user.write({"action_id": home.id})

    # ------------------------------------------------------------------
    # Omiopi administrators manage the suite's staff, nothing else
    # ------------------------------------------------------------------

    def _omiopi_check_staff_values(self, vals):
        """An omiopi administrator who is not an Odoo administrator sets only
        the staff fields (never groups directly, never Odoo's settings)."""
        if self.env.su or self.env.user.has_group(ERP_MANAGER):
            return
        if self and self == self.env.user:
            return  # one's own preferences: Odoo's own checks apply
        refused = set(vals) - STAFF_FIELDS
        if "groups_id" in refused and self._omiopi_only_inbox_group(vals["groups_id"]):
            # mail's inverse of notification_type, run as the current user
            refused.discard("groups_id")
        if refused:
            raise AccessError(
                self.env._(
                    "An omiopi administrator changes only the name, login, email, "
                    "role, offices and password of the suite's users; ask an "
                    "Odoo administrator for the rest (%(fields)s).",
                    fields=", ".join(sorted(refused)),
                )
            )

    def _omiopi_only_inbox_group(self, commands):
        inbox = self.env.ref("mail.group_mail_notification_type_inbox")
        return all(
            isinstance(command, (list, tuple))
            and command[0] in (Command.LINK, Command.UNLINK)
            and command[1] == inbox.id
            for command in commands
        )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._omiopi_check_staff_values(vals)
        if self.env.su or self.env.user.has_group(ERP_MANAGER):
            users = super().create(vals_list)
        else:
            # sudo: an omiopi administrator's new user, whose values were
            # checked above (staff fields only, groups through the role); Odoo
            # writes the new user (mail's notification type) before the role
            # that makes them the suite's staff, which the write rule requires.
            self.check_access("create")
            users = super(ResUsers, self.sudo()).create(vals_list).sudo(False)
            users.check_access("write")
        if any(vals.get("omiopi_office_ids") for vals in vals_list):
            self.env.registry.clear_cache()
        return users

    def write(self, vals):
        self._omiopi_check_staff_values(vals)
        res = super().write(vals)
        if "omiopi_office_ids" in vals:
            # Record rules read user.omiopi_office_ids; their domains are cached.
            self.env.registry.clear_cache()
        return res
