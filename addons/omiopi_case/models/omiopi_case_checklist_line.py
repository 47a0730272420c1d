from odoo import fields, models

# Spanish levels from which a person "has" Spanish for the checklist.
SPANISH_ENOUGH = ("b1", "b2", "c1", "c2", "native")
SPANISH_STARTED = ("a1", "a2")


class OmiopiCaseChecklistLine(models.Model):
    """One item of the employability checklist of a case file. Where the
    person's record already answers the item (a NIE with a residence and
    work authorisation, census registration, job-seeker registration...),
    the line starts with that answer; the technician changes it by hand."""

    _name = "omiopi.case.checklist.line"
    _inherit = ["omiopi.guard.mixin"]
    _description = "Employability checklist line"
    _order = "case_id, sequence, id"

    # Not indexed on its own: the unique index (case_id, ...) below starts
    # with it, and a case file writes its lines by the dozen.
    case_id = fields.Many2one(
        "omiopi.case", string="Case file", required=True, ondelete="cascade"
    )
    item_id = fields.Many2one("omiopi.checklist.item", required=True)
    sequence = fields.Integer(related="item_id.sequence", store=True)
    status = fields.Selection(
        [("yes", "Yes"), ("in_progress", "In progress"), ("no", "No")],
        required=True,
        default="no",
    )
    note = fields.Char()

    _sql_constraints = [
        (
            "item_unique",
            "unique(case_id, item_id)",
            "Each checklist item appears once per case file.",
        ),
    ]

    def _omiopi_user_fields(self):
        return super()._omiopi_user_fields() | {"status", "note"}

    def _omiopi_create_fields(self):
        return super()._omiopi_create_fields() | {"case_id", "item_id"}

    # ------------------------------------------------------------------
    # What the person's record says (one method per item code)
    # ------------------------------------------------------------------

    def _status_from_person(self):
        """The answer the person's record gives to this item, or None when
        it says nothing (the item's code names the method that reads it)."""
        self.ensure_one()
        reader = getattr(self, f"_status_{self.item_id.code}", None)
        return reader(self.case_id.partner_id) if reader else None

    def _apply_person_answers(self):
        """Raise each line to what the person's record says; a line already
        further on (marked by hand) is kept."""
        rank = {"no": 0, "in_progress": 1, "yes": 2}
        raised = {}
        for line in self:
            status = line._status_from_person()
            if status and rank[status] > rank[line.status]:
                raised[status] = raised.get(status, self.browse()) | line
        # one write per answer, not per line (a case file opened by an
        # import of thousands raises thousands of lines)
        for status, lines in raised.items():
            lines.status = status

    def _status_work_permit(self, person):
        if not person.omiopi_legal_situation_id:
            return None
        if not person.omiopi_can_work:
            return "no"
        # a NIE (or a TIE, which carries it): the foreigner's Spanish number
        spanish_document = person.id_numbers.filtered(
            lambda n: (
                n.active
                and n.status != "close"
                and n.category_id.omiopi_validation == "es_nie"
            )
        )
        return "yes" if spanish_document else "in_progress"

    def _status_census(self, person):
        return "yes" if person.omiopi_census_registered else None

    def _status_spanish(self, person):
        levels = person.omiopi_language_ids.filtered("language_id.is_spanish").mapped(
            "level"
        )
        if any(level in SPANISH_ENOUGH for level in levels):
            return "yes"
        if any(level in SPANISH_STARTED for level in levels):
            return "in_progress"
        return None

    def _status_job_seeker(self, person):
        return "yes" if person.omiopi_job_seeker else None

    def _status_studies_homologated(self, person):
        return {
            "yes": "yes",
            "not_needed": "yes",
            "in_progress": "in_progress",
            "no": "no",
        }.get(person.omiopi_education_homologation)

    def _status_licence_homologated(self, person):
        if not person.omiopi_driving_licence_ids:
            return None
        return "yes" if person.omiopi_driving_licence_homologated else "no"

    def _status_mobile(self, person):
        return "yes" if person.omiopi_mobile_basic else None

    def _status_computer(self, person):
        level = person.omiopi_computer_level
        if not level:
            return None
        return "yes" if int(level) >= 1 else "no"
