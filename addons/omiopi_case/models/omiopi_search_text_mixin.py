from odoo import api, fields, models

from ..tools.search_index import create_trigram_index
from ..tools.security import SENSITIVE


class OmiopiSearchTextMixin(models.AbstractModel):
    """A record about a person, found by its number, the person's name,
    email or document numbers in one indexed column: the search box looks
    into it with one trigram index scan."""

    _name = "omiopi.search.text.mixin"
    _description = "Searchable by number, person and documents"

    omiopi_search_text = fields.Char(
        string="Number, person and documents",
        compute="_compute_omiopi_search_text",
        store=True,
        # It holds the person's document numbers.
        groups=SENSITIVE,
    )

    @api.depends("name", "partner_id.omiopi_search_text")
    def _compute_omiopi_search_text(self):
        for record in self:
            record.omiopi_search_text = " ".join(
                part
                for part in (record.name, record.partner_id.omiopi_search_text)
                if part
            )

    def init(self):
        res = super().init()
        if not self._abstract:
            create_trigram_index(self.env.cr, self._table, "omiopi_search_text")
        return res
