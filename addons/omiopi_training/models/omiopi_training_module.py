from odoo import fields, models


class OmiopiTrainingModule(models.Model):
    """A module of a certificate of professionalism."""

    _name = "omiopi.training.module"
    _inherit = ["omiopi.guard.mixin"]
    _omiopi_configuration = True
    _description = "Training module"
    _order = "course_id, sequence, id"

    course_id = fields.Many2one(
        "omiopi.training.course", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    code = fields.Char()
    name = fields.Char(required=True)
    hours = fields.Float()
