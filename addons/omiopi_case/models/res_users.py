from odoo import api, fields, models


class ResUsers(models.Model):
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

    @api.depends("omiopi_office_ids")
    def _compute_omiopi_default_office_id(self):
        for user in self:
            user.omiopi_default_office_id = user.omiopi_office_ids[:1]

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        if any(vals.get("omiopi_office_ids") for vals in vals_list):
            self.env.registry.clear_cache()
        return users

    def write(self, vals):
        res = super().write(vals)
        if "omiopi_office_ids" in vals:
            # Record rules read user.omiopi_office_ids; their domains are cached.
            self.env.registry.clear_cache()
        return res
