from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .omiopi_referral_reason import DIRECTIONS

CRITERION_TYPES = [
    ("regular_situation", "Regular administrative situation"),
    ("legal_situation", "Administrative situation is one of"),
    ("document", "Holds a valid document of type"),
    ("months_in_spain", "Months in Spain"),
    ("experience_spain", "Months of work experience in Spain"),
    ("higher_studies", "Higher studies"),
    ("age", "Age"),
    ("interventions", "Completed interventions in the case file"),
    ("readiness", "Employability readiness (%)"),
]
RANGE_TYPES = (
    "months_in_spain",
    "experience_spain",
    "age",
    "interventions",
    "readiness",
)


class OmiopiReferralCriterion(models.Model):
    """A condition on the person or the case file. As a requirement it belongs
    to an enabling situation and must hold; as an exclusion it applies to every
    referral of its direction and, when it holds, excludes the referral."""

    _name = "omiopi.referral.criterion"
    _inherit = ["omiopi.guard.mixin"]
    _omiopi_configuration = True
    _description = "Referral criterion"
    _order = "kind, sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    kind = fields.Selection(
        [("requirement", "Requirement"), ("exclusion", "Exclusion")],
        string="Use",
        required=True,
        default="requirement",
    )
    reason_id = fields.Many2one(
        "omiopi.referral.reason", string="Enabling situation", ondelete="cascade"
    )
    direction = fields.Selection(
        DIRECTIONS,
        help="Exclusions: the direction they apply to; empty means every direction.",
    )
    refuse_reason_id = fields.Many2one(
        "omiopi.referral.refuse.reason",
        string="Exclusion reason",
        help="Reason recorded when a referral is excluded by this criterion.",
    )
    criterion_type = fields.Selection(CRITERION_TYPES, string="Check", required=True)
    min_value = fields.Integer(string="At least")
    max_value = fields.Integer(string="At most", help="0 means no upper limit.")
    expected = fields.Boolean(
        default=True, help="Higher studies: required or excluded."
    )
    legal_situation_ids = fields.Many2many(
        "omiopi.legal.situation", string="Administrative situations"
    )
    id_category_ids = fields.Many2many(
        "res.partner.id_category", string="Document types"
    )

    @api.constrains("kind", "reason_id", "refuse_reason_id")
    def _check_kind(self):
        for criterion in self:
            if criterion.kind == "requirement" and not criterion.reason_id:
                raise ValidationError(
                    self.env._(
                        "The requirement %(name)s needs its enabling situation.",
                        name=criterion.name,
                    )
                )
            if criterion.kind == "exclusion" and not criterion.refuse_reason_id:
                raise ValidationError(
                    self.env._(
                        "The exclusion %(name)s needs the reason it records.",
                        name=criterion.name,
                    )
                )

    @api.constrains("min_value", "max_value")
    def _check_range(self):
        for criterion in self:
            if criterion.max_value and criterion.max_value < criterion.min_value:
                raise ValidationError(
                    self.env._(
                        "In %(name)s the upper limit is below the lower one.",
                        name=criterion.name,
                    )
                )

    # ------------------------------------------------------------------
    # Evaluation: one method per type, _holds_<type>(partner, referral),
    # returning True, False or None (the data needed is missing). An add-on
    # adds a type with its selection value and its method; a range type
    # (RANGE_TYPES) gives its figure in _value_<type>(partner, referral).
    # ------------------------------------------------------------------

    def _holds(self, referral):
        """Whether the condition holds for the referral's person and case:
        True, False, or None when the data needed is missing."""
        self.ensure_one()
        # sudo: Administrative situation and documents are restricted fields: the
        # check only answers yes or no, it shows none of them.
        partner = referral.partner_id.sudo()
        check = getattr(self, f"_holds_{self.criterion_type}", None)
        if check is None:
            return self._holds_range(partner, referral)
        return check(partner, referral)

    def _holds_regular_situation(self, partner, referral):
        if not partner.omiopi_legal_situation_id:
            return None
        return partner.omiopi_is_regular

    def _holds_legal_situation(self, partner, referral):
        if not partner.omiopi_legal_situation_id:
            return None
        return partner.omiopi_legal_situation_id in self.legal_situation_ids

    def _holds_document(self, partner, referral):
        return bool(
            partner.id_numbers.filtered(
                lambda n: (
                    n.active
                    and n.status != "close"
                    and n.category_id in self.id_category_ids
                )
            )
        )

    def _holds_higher_studies(self, partner, referral):
        if not partner.omiopi_education_level_id:
            return None
        return partner.omiopi_education_level_id.is_higher == self.expected

    def _holds_range(self, partner, referral):
        """A figure between the criterion's bounds (0 as maximum: none)."""
        value = self._value(referral)
        if value is None:
            return None
        if value < self.min_value:
            return False
        return not (self.max_value and value > self.max_value)

    def _value(self, referral):
        """The figure of the referral this criterion looks at (None: unknown)."""
        self.ensure_one()
        figure = getattr(self, f"_value_{self.criterion_type}", None)
        return figure(referral.partner_id, referral) if figure else None

    def _value_months_in_spain(self, partner, referral):
        return partner.omiopi_months_in_spain if partner.omiopi_arrival_date else None

    def _value_experience_spain(self, partner, referral):
        return partner.omiopi_experience_spain_months

    def _value_age(self, partner, referral):
        return partner.age if partner.birthdate_date else None

    def _value_interventions(self, partner, referral):
        return referral.case_id.intervention_done_count

    def _value_readiness(self, partner, referral):
        return referral.case_id.readiness
