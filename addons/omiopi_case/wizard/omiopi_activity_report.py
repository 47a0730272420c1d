from datetime import date, datetime, time

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

# Gender values of partner_contact_gender, in the order the report shows them.
GENDERS = ("female", "male", "other")


class OmiopiActivityReport(models.TransientModel):
    """The yearly activity report (memoria) the offices send to the city and
    to their funders. Each add-on contributes its own section by extending
    _report_sections(); every figure is counted with _read_group under the
    user's rights, split by gender, and keeps the domain it was counted with
    so that it can be opened as the list of records behind it."""

    _name = "omiopi.activity.report"
    _inherit = ["omiopi.guard.mixin"]
    _description = "Activity report"

    date_from = fields.Date(
        string="From", required=True, default=lambda self: self._default_dates()[0]
    )
    date_to = fields.Date(
        string="To", required=True, default=lambda self: self._default_dates()[1]
    )
    office_ids = fields.Many2many(
        "omiopi.office",
        "omiopi_activity_report_office_rel",
        "report_id",
        "office_id",
        string="Offices",
        help="Leave empty for every office you may see.",
    )
    line_ids = fields.One2many(
        "omiopi.activity.report.line", "report_id", string="Figures", readonly=True
    )

    @api.model
    def _default_dates(self):
        """The current year, to today: the figures being built up."""
        today = fields.Date.context_today(self)
        return date(today.year, 1, 1), today

    @api.depends("date_from", "date_to")
    def _compute_display_name(self):
        for report in self:
            report.display_name = self.env._(
                "Activity report %(start)s - %(end)s",
                start=format_date(self.env, report.date_from),
                end=format_date(self.env, report.date_to),
            )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for report in self:
            if report.date_to < report.date_from:
                raise UserError(self.env._("The period ends before it starts."))

    # ------------------------------------------------------------
    # Helpers for the sections
    # ------------------------------------------------------------

    def _period(self, field, is_datetime=False):
        """Domain of the records whose `field` falls in the period."""
        start, end = self.date_from, self.date_to
        if is_datetime:
            start = fields.Datetime.to_string(datetime.combine(start, time.min))
            end = fields.Datetime.to_string(datetime.combine(end, time.max))
        else:
            start, end = fields.Date.to_string(start), fields.Date.to_string(end)
        return [(field, ">=", start), (field, "<=", end)]

    def _offices(self, field):
        """Domain of the records of the chosen offices (all when none)."""
        return [(field, "in", self.office_ids.ids)] if self.office_ids else []

    def _report_sections(self):
        """The sections of the report, each a dict: code, name, sequence and
        figures. A figure is a dict: name, model, domain, gender (the gender
        field to split by, or None), aggregate (default '__count'; e.g.
        'partner_id:count_distinct' or 'vacancies:sum') and breakdowns, a list
        of (field, label) the workbook splits the figure by."""
        self.ensure_one()
        case_period = self._period("date_open") + self._offices("office_id")
        attentions = self._period("date", is_datetime=True) + self._offices("office_id")
        person_breakdowns = [
            ("age_band", self.env._("Age band")),
            ("nationality_id", self.env._("Nationality")),
        ]
        return [
            {
                "code": "cases",
                "name": self.env._("Case files and attentions"),
                "sequence": 10,
                "figures": [
                    {
                        "name": self.env._("Case files opened"),
                        "model": "omiopi.case",
                        "domain": case_period,
                        "gender": "gender",
                        "breakdowns": person_breakdowns
                        + [("education_level_id", self.env._("Studies"))],
                    },
                    {
                        "name": self.env._("People served"),
                        "model": "omiopi.attention",
                        "domain": attentions,
                        "gender": "gender",
                        "aggregate": "partner_id:count_distinct",
                        "breakdowns": person_breakdowns,
                    },
                    {
                        "name": self.env._("Attentions"),
                        "model": "omiopi.attention",
                        "domain": attentions,
                        "gender": "gender",
                        "breakdowns": [("area_id", self.env._("Area"))],
                    },
                    {
                        "name": self.env._("Individual itineraries"),
                        "model": "omiopi.case",
                        "domain": [
                            ("step_ids", "!=", False),
                            ("date_open", "<=", fields.Date.to_string(self.date_to)),
                            "|",
                            ("date_closed", "=", False),
                            (
                                "date_closed",
                                ">=",
                                fields.Date.to_string(self.date_from),
                            ),
                        ]
                        + self._offices("office_id"),
                        "gender": "gender",
                        "breakdowns": person_breakdowns,
                    },
                    {
                        "name": self.env._("Interventions completed"),
                        "model": "omiopi.itinerary.step",
                        "domain": [("state", "=", "done")]
                        + self._period("date_done")
                        + self._offices("office_id"),
                        "gender": None,
                        "breakdowns": [("area_id", self.env._("Area"))],
                    },
                ],
            }
        ]

    # ------------------------------------------------------------
    # Computing
    # ------------------------------------------------------------

    def _count(self, figure, groupby=()):
        """{group key tuple: value} of a figure, with the user's rights."""
        model = self.env[figure["model"]].with_context(active_test=False)
        aggregate = figure.get("aggregate", "__count")
        return {
            tuple(group[:-1]): group[-1] or 0
            for group in model._read_group(figure["domain"], list(groupby), [aggregate])
        }

    def _figure_values(self, figure):
        gender = figure.get("gender")
        if not gender:
            total = self._count(figure).get((), 0)
            return {"total": total, "split": False}
        counts = self._count(figure, [gender])
        values = {key: counts.get((key,), 0) for key in GENDERS}
        # A distinct count is not additive over groups: take the total apart.
        total = self._count(figure).get((), 0)
        values.update(
            total=total,
            unknown=total - sum(values[key] for key in GENDERS),
            split=True,
        )
        return values

    def action_compute(self):
        self.ensure_one()
        lines = []
        sections = sorted(self._report_sections(), key=lambda s: s["sequence"])
        for section in sections:
            for sequence, figure in enumerate(section["figures"]):
                # A figure of records the user may not read at all (a
                # technician and the prospection pipeline) is left out.
                if not self.env[figure["model"]].has_access("read"):
                    continue
                values = self._figure_values(figure)
                total = values["total"]
                lines.append(
                    Command.create(
                        {
                            "section_code": section["code"],
                            "section_name": section["name"],
                            "section_sequence": section["sequence"],
                            "sequence": sequence,
                            "name": figure["name"],
                            "model_name": figure["model"],
                            "domain": repr(figure["domain"]),
                            "total": total,
                            "gender_split": values["split"],
                            "female": values.get("female", 0),
                            "male": values.get("male", 0),
                            "other_gender": values.get("other", 0),
                            "unknown_gender": values.get("unknown", 0),
                            "female_ratio": (
                                values.get("female", 0) / total
                                if values["split"] and total
                                else 0.0
                            ),
                        }
                    )
                )
        self.line_ids = [Command.clear()] + lines
        return self._reopen()

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
            "name": self.env._("Activity report"),
        }

    def _figure_of(self, line):
        """The figure a line was computed from."""
        for section in self._report_sections():
            if section["code"] != line.section_code:
                continue
            for figure in section["figures"]:
                if figure["name"] == line.name:
                    return figure
        return {}

    def _breakdowns(self, line):
        """Tables of a line's figure split by each of its breakdown fields:
        [(label, rows)], a row being (value, total, female, male, other,
        unknown)."""
        figure = self._figure_of(line)
        gender = figure.get("gender")
        tables = []
        for field, label in figure.get("breakdowns", []):
            totals = self._count(figure, [field])
            by_gender = self._count(figure, [field, gender]) if gender else {}
            rows = []
            for (value,), total in sorted(totals.items(), key=lambda item: -item[1]):
                split = [by_gender.get((value, key), 0) for key in GENDERS]
                rows.append(
                    [
                        self._label(figure["model"], field, value),
                        total,
                        *split,
                        total - sum(split) if gender else 0,
                    ]
                )
            tables.append((label, rows))
        return tables

    def _label(self, model_name, field, value):
        if isinstance(value, models.BaseModel):
            return value.display_name or self.env._("Not set")
        if not value:
            return self.env._("Not set")
        if isinstance(value, date):
            # Grouped by month ('date:month'): the month is the label.
            return value.strftime("%Y-%m")
        field_def = self.env[model_name]._fields[field]
        if field_def.type == "selection":
            return dict(field_def._description_selection(self.env)).get(value, value)
        return str(value)

    def action_export_xlsx(self):
        self.ensure_one()
        if not self.line_ids:
            self.action_compute()
        return self.env.ref("omiopi_case.activity_report_xlsx").report_action(self)
