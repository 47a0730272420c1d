"""Possible duplicates of the person being entered: by document number, by
name and birth date, by phone or e-mail."""

from odoo import api, fields, models

from ..tools.names import fold


# The person is split by concern (see README.md, "Where each concern lives").
class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    # Possible duplicates of the person being entered
    omiopi_duplicate_ids = fields.Many2many(
        "res.partner",
        string="Possible duplicates",
        compute="_compute_omiopi_duplicate_ids",
    )

    omiopi_duplicate_count = fields.Integer(
        string="Number of possible duplicates", compute="_compute_omiopi_duplicate_ids"
    )

    @api.depends("name", "birthdate_date", "id_numbers.name", "omiopi_is_person")
    @api.depends_context("uid")
    def _compute_omiopi_duplicate_ids(self):
        for partner in self:
            duplicates = self.browse()
            if partner.omiopi_is_person:
                duplicates = partner._omiopi_find_duplicates()
            partner.omiopi_duplicate_ids = duplicates
            partner.omiopi_duplicate_count = len(duplicates)

    def _omiopi_find_duplicates(self):
        """Persons this user can see with the same identity document number,
        or the same name and date of birth. Searching with the user's rights
        is deliberate: a search across offices would tell a technician that a
        person is served elsewhere."""
        self.ensure_one()
        numbers = [n for n in self.id_numbers.mapped("name") if n]
        criteria = []
        if numbers:
            criteria.append([("id_numbers.name", "in", numbers)])
        if self.name and self.birthdate_date:
            criteria.append(
                [
                    ("birthdate_date", "=", self.birthdate_date),
                    ("name", "=ilike", self.name.strip()),
                ]
            )
        if not criteria:
            return self.browse()
        domain = (
            criteria[0] if len(criteria) == 1 else ["|", *criteria[0], *criteria[1]]
        )
        candidates = self.search(
            [("omiopi_is_person", "=", True), ("id", "!=", self._origin.id), *domain],
            limit=10,
        )
        # =ilike ignores case but not accents; compare folded names as well.
        if self.name and self.birthdate_date:
            name = fold(self.name)
            candidates |= self.search(
                [
                    ("omiopi_is_person", "=", True),
                    ("id", "!=", self._origin.id),
                    ("birthdate_date", "=", self.birthdate_date),
                ],
                limit=50,
            ).filtered(lambda p: fold(p.name) == name)
        return candidates

    def action_omiopi_view_duplicates(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Possible duplicates"),
            "res_model": "res.partner",
            "view_mode": "list,form",
            "views": [
                (self.env.ref("omiopi_case.res_partner_view_list_omiopi").id, "list"),
                (False, "form"),
            ],
            "domain": [("id", "in", self.omiopi_duplicate_ids.ids)],
        }
