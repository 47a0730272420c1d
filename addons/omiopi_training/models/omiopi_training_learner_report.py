from odoo import fields, models, tools
from odoo.tools import SQL

from .omiopi_training_course import COURSE_TYPES


class OmiopiTrainingLearnerReport(models.Model):
    """One row per person, month and type of training attended: counting rows
    gives the learners of a month (seed 000: "306 Spanish learners a month")."""

    _name = "omiopi.training.learner.report"
    _inherit = ["omiopi.guard.mixin"]
    _description = "Learners per month"
    _auto = False
    _order = "month desc"

    month = fields.Date(readonly=True)
    partner_id = fields.Many2one("res.partner", string="Person", readonly=True)
    course_type = fields.Selection(COURSE_TYPES, string="Course type", readonly=True)
    office_id = fields.Many2one(
        "omiopi.office", string="Organising office", readonly=True
    )
    gender = fields.Selection(
        [("male", "Male"), ("female", "Female"), ("other", "Other")], readonly=True
    )
    sessions = fields.Integer(string="Sessions attended", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %s AS (
                    SELECT
                        min(att.id) AS id,
                        date_trunc('month', att.date)::date AS month,
                        att.partner_id,
                        att.course_type,
                        edition.office_id,
                        att.gender,
                        count(*) AS sessions
                    FROM omiopi_training_attendance att
                    JOIN omiopi_training_edition edition ON edition.id = att.edition_id
                    WHERE att.present
                    GROUP BY 2, att.partner_id, att.course_type,
                        edition.office_id, att.gender
                )
                """,
                SQL.identifier(self._table),
            )
        )
