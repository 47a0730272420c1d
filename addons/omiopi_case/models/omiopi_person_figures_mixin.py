from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from .omiopi_case import AGE_BANDS, age_band


class OmiopiPersonFiguresMixin(models.AbstractModel):
    """What the reports split figures by, kept on a record about a person:
    gender, nationality, and the age band on the record's own date (an
    application, a candidacy, the start of a job)."""

    _name = "omiopi.person.figures.mixin"
    _description = "Person figures for reporting"
    # The date the age band is taken at; the record's creation day if unset.
    _figures_date_field = None

    partner_id = fields.Many2one("res.partner", string="Person")
    gender = fields.Selection(related="partner_id.gender", store=True)
    nationality_id = fields.Many2one(
        related="partner_id.nationality_id", store=True, string="Nationality"
    )
    age_band = fields.Selection(
        AGE_BANDS, string="Age band", compute="_compute_age_band", store=True
    )

    @api.depends(
        lambda self: (
            ["partner_id.birthdate_date"]
            + ([self._figures_date_field] if self._figures_date_field else [])
        )
    )
    def _compute_age_band(self):
        for record in self:
            birth = record.partner_id.birthdate_date
            day = (
                self._figures_date_field and record[self._figures_date_field]
            ) or fields.Date.context_today(record)
            record.age_band = age_band(
                relativedelta(day, birth).years if birth else None
            )
