from odoo import api, fields, models

from odoo.addons.omiopi_case.tools.levels import LANGUAGE_LEVELS

COURSE_TYPES = [
    ("professional_certificate", "Certificate of professionalism"),
    ("sector_course", "Short sector course"),
    ("workshop", "Workshop"),
    ("professional_day", "Professional day"),
    ("spanish", "Spanish class"),
    ("youth_group", "Youth employment group"),
]
MODALITIES = [("in_person", "In person"), ("online", "Online"), ("mixed", "Mixed")]
# CEFR levels in order, to compare a person's Spanish with a requirement.
CEFR_ORDER = ["a1", "a2", "b1", "b2", "c1", "c2", "native"]


class OmiopiTrainingCourse(models.Model):
    """A training of the catalogue: what it is, who gives it, what it asks
    for and what it gives the person who completes it."""

    _name = "omiopi.training.course"
    _description = "Training course"
    _inherit = ["mail.thread", "omiopi.guard.mixin"]
    _omiopi_configuration = True
    _order = "course_type, name"

    name = fields.Char(required=True, tracking=True)
    code = fields.Char()
    active = fields.Boolean(default=True)
    course_type = fields.Selection(
        COURSE_TYPES, string="Type", required=True, tracking=True
    )
    certificate_level = fields.Selection(
        [("1", "Level 1"), ("2", "Level 2"), ("3", "Level 3")],
        string="Certificate level",
        help="Level of a certificate of professionalism.",
    )
    language_level = fields.Selection(
        [(k, v) for k, v in LANGUAGE_LEVELS if k != "native"],
        string="Spanish level taught",
        help="Spanish classes: the level a person reaches on completion.",
    )
    hours = fields.Float(required=True)
    module_ids = fields.One2many(
        "omiopi.training.module", "course_id", string="Modules"
    )
    provider_type = fields.Selection(
        [
            ("ae_training", "Employment Agency training"),
            ("omiopi_office", "OMIOPI office"),
            ("external", "External entity"),
        ],
        string="Provider",
        required=True,
        default="omiopi_office",
    )
    provider_id = fields.Many2one(
        "res.partner",
        string="Provider entity",
        domain=[("is_company", "=", True)],
    )
    modality = fields.Selection(MODALITIES, required=True, default="in_person")
    area_id = fields.Many2one(
        "omiopi.area",
        string="Organising area",
        help="The area of the offices that gives it (information and "
        "orientation, employment and training...): the activity report counts "
        "workshops and their attendees by area.",
    )
    arraigo_route = fields.Boolean(
        string="Route to residence by training",
        help="Counts as training for arraigo para la formación.",
    )
    description = fields.Html()

    # Entry requirements, checked against the person when enrolling
    min_education_level_id = fields.Many2one(
        "omiopi.education.level", string="Minimum studies"
    )
    min_spanish_level = fields.Selection(
        [(k, v) for k, v in LANGUAGE_LEVELS if k != "native"],
        string="Minimum Spanish",
    )
    requires_work_permit = fields.Boolean(
        string="Requires being able to work",
        help="Only persons whose administrative situation allows working.",
    )
    min_age = fields.Integer(string="Minimum age")
    max_age = fields.Integer(string="Maximum age", help="0 means no upper limit.")

    # What completing it gives
    checklist_item_id = fields.Many2one(
        "omiopi.checklist.item",
        string="Employability item achieved",
        help="Completing the course marks this item of the person's open case "
        "files as achieved (for example basic computer skills).",
    )
    permit_id = fields.Many2one(
        "omiopi.permit",
        string="Card or permit obtained",
        help="Completing the course gives the person this card (food handler...).",
    )
    edition_ids = fields.One2many(
        "omiopi.training.edition", "course_id", string="Editions"
    )
    edition_count = fields.Integer(
        string="Number of editions", compute="_compute_edition_count"
    )

    def _compute_edition_count(self):
        counts = dict(
            self.env["omiopi.training.edition"]._read_group(
                [("course_id", "in", self.ids)], ["course_id"], ["__count"]
            )
        )
        for course in self:
            course.edition_count = counts.get(course, 0)

    @api.model
    def _spanish_rank(self, level):
        return CEFR_ORDER.index(level) if level in CEFR_ORDER else -1

    def _requirements(self, partner):
        """[(requirement, met)] of this course for `partner`; met is None when
        the person's data does not say."""
        self.ensure_one()
        # sudo: The administrative situation is a restricted field: only whether it
        # allows working is used, and only yes or no is shown.
        person = partner.sudo()
        checks = []
        if self.min_education_level_id:
            level = person.omiopi_education_level_id
            met = (
                None
                if not level
                else level.sequence >= self.min_education_level_id.sequence
            )
            checks.append(
                (
                    self.env._(
                        "Studies: %(level)s or higher",
                        level=self.min_education_level_id.name,
                    ),
                    met,
                )
            )
        if self.min_spanish_level:
            spanish = person.omiopi_language_ids.filtered("language_id.is_spanish")[:1]
            met = (
                None
                if not spanish
                else self._spanish_rank(spanish.level)
                >= self._spanish_rank(self.min_spanish_level)
            )
            label = dict(
                self._fields["min_spanish_level"]._description_selection(self.env)
            )
            checks.append(
                (
                    self.env._(
                        "Spanish: %(level)s or higher",
                        level=label[self.min_spanish_level],
                    ),
                    met,
                )
            )
        if self.requires_work_permit:
            met = (
                None if not person.omiopi_legal_situation_id else person.omiopi_can_work
            )
            checks.append((self.env._("Legally able to work"), met))
        if self.min_age or self.max_age:
            age = person.age if person.birthdate_date else None
            met = None
            if age is not None:
                met = age >= self.min_age and (not self.max_age or age <= self.max_age)
            checks.append(
                (
                    self.env._(
                        "Age between %(low)s and %(high)s",
                        low=self.min_age,
                        high=self.max_age or "-",
                    ),
                    met,
                )
            )
        return checks

    def action_view_editions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "omiopi_training.omiopi_training_edition_action"
        )
        action["domain"] = [("course_id", "=", self.id)]
        action["context"] = {"default_course_id": self.id}
        return action
