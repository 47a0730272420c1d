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
    field_point_ids = fields.Many2many(
        "omiopi.field.point",
        "omiopi_activity_report_field_point_rel",
        "report_id",
        "point_id",
        string="Field service points",
        help="Choose points for the report of these points only: their "
        "sessions, registrations, attentions and what followed.",
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
        'partner_id:count_distinct' or 'vacancies:sum'), breakdowns, a list
        of (field, label) the workbook splits the figure by, and optionally
        average_by (a group-by: the figure is the count's average over its
        groups, e.g. 'month:month' for learners a month, or an office field
        for companies per office) and list_view (the xmlid of the list
        its records open in).

        What a figure opens is what it counts: the records counted, or for
        a distinct count the records counted once (the persons served, not
        their attentions); a sum opens the records summed."""
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
                        "list_view": "omiopi_case.res_partner_view_list_omiopi",
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
            },
            self._language_service_section(),
            self._field_point_section(),
        ]

    def _language_service_section(self):
        """Seed 000: the translation service (texts and words) and the
        telephone interpretation service (calls and minutes); seed 003: the
        cultural mediations."""
        period = self._period("date") + self._offices("office_id")
        translations = period + [("service_type", "=", "translation")]
        calls = period + [("service_type", "=", "interpretation")]
        mediations = period + [("service_type", "=", "mediation")]
        by_language = [
            ("language_id", self.env._("Language")),
            ("office_id", self.env._("Office")),
        ]
        return {
            "code": "languages",
            "name": self.env._("Translation and interpretation"),
            "sequence": 50,
            "figures": [
                {
                    "name": self.env._("Texts translated"),
                    "model": "omiopi.language.service",
                    "domain": translations,
                    "gender": None,
                    "breakdowns": by_language,
                },
                {
                    "name": self.env._("Words translated"),
                    "model": "omiopi.language.service",
                    "domain": translations,
                    "gender": None,
                    "aggregate": "words:sum",
                    "breakdowns": by_language,
                },
                {
                    "name": self.env._("Interpretation calls"),
                    "model": "omiopi.language.service",
                    "domain": calls,
                    "gender": None,
                    "breakdowns": by_language,
                },
                {
                    "name": self.env._("Minutes of interpretation"),
                    "model": "omiopi.language.service",
                    "domain": calls,
                    "gender": None,
                    "aggregate": "minutes:sum",
                    "breakdowns": by_language,
                },
                {
                    "name": self.env._("Cultural mediations"),
                    "model": "omiopi.language.service",
                    "domain": mediations,
                    "gender": None,
                    "breakdowns": [
                        *by_language,
                        ("mediator_id", self.env._("Mediator or interpreter")),
                    ],
                },
            ],
        }

    def _field_points(self, field="point_id"):
        """Domain of the records of the chosen field points (all when none)."""
        if not self.field_point_ids:
            return []
        return [(field, "in", self.field_point_ids.ids)]

    def _field_point_section(self):
        """Seed 004 (OMIL en Terreno): the sessions held at each point, the
        people registered there and completed at the office, the attentions
        given there. Other add-ons add what followed (referrals)."""
        offices = self._offices("office_id")
        sessions = (
            [("state", "=", "held")]
            + self._period("start", is_datetime=True)
            + offices
            + self._field_points()
        )
        registrations = (
            self._period("session_date", is_datetime=True)
            + offices
            + self._field_points()
        )
        by_point = [
            ("point_id", self.env._("Field point")),
            ("office_id", self.env._("Office")),
        ]
        return {
            "code": "field_points",
            "name": self.env._("Field service points"),
            "sequence": 60,
            "figures": [
                {
                    "name": self.env._("Field sessions held"),
                    "model": "omiopi.field.session",
                    "domain": sessions,
                    "gender": None,
                    "breakdowns": by_point,
                },
                {
                    "name": self.env._("People informed at field sessions"),
                    "model": "omiopi.field.session",
                    "domain": sessions,
                    "gender": None,
                    "aggregate": "anonymous_attentions:sum",
                    "breakdowns": by_point,
                },
                {
                    "name": self.env._("People registered at field points"),
                    "model": "omiopi.field.registration",
                    "domain": registrations,
                    "gender": None,
                    "breakdowns": by_point + [("area_id", self.env._("Area"))],
                },
                {
                    "name": self.env._("Registrations completed at the office"),
                    "model": "omiopi.field.registration",
                    "domain": registrations + [("state", "=", "completed")],
                    "gender": None,
                    "breakdowns": by_point,
                },
                {
                    "name": self.env._("Attentions at field points"),
                    "model": "omiopi.attention",
                    "domain": [("field_session_id", "!=", False)]
                    + self._period("date", is_datetime=True)
                    + offices
                    + self._field_points("field_point_id"),
                    "gender": "gender",
                    "breakdowns": [
                        ("field_point_id", self.env._("Field point")),
                        ("area_id", self.env._("Area")),
                    ],
                },
            ],
        }

    # ------------------------------------------------------------
    # Computing
    # ------------------------------------------------------------

    def _count(self, figure, groupby=()):
        """{group key tuple: value} of a figure, with the user's rights."""
        model = self.env[figure["model"]].with_context(active_test=False)
        aggregate = figure.get("aggregate", "__count")
        counts = {
            tuple(group[:-1]): group[-1] or 0
            for group in model._read_group(figure["domain"], list(groupby), [aggregate])
        }
        average_by = figure.get("average_by")
        if not average_by:
            return counts
        # An average: the count over the groups that have any (the months
        # with classes, the offices that prospect).
        groups = len(model._read_group(figure["domain"], [average_by]))
        return {key: value / groups if groups else 0 for key, value in counts.items()}

    def _figure_values(self, figure):
        gender = figure.get("gender")
        if not gender:
            total = self._count(figure).get((), 0)
            return {"total": total, "split": False}
        counts = self._count(figure, [gender])
        # An average splits by gender in whole persons.
        values = {key: round(counts.get((key,), 0)) for key in GENDERS}
        # A distinct count is not additive over groups: take the total apart.
        total = self._count(figure).get((), 0)
        values.update(
            total=total,
            unknown=max(round(total) - sum(values[key] for key in GENDERS), 0),
            split=True,
        )
        return values

    def _figure_records(self, figure):
        """(model, domain, measure) of the records a figure opens, and how
        the figure is had from them again: 'count', 'sum:<field>' or
        'average_by:<field>'."""
        aggregate = figure.get("aggregate", "__count")
        model, domain = figure["model"], figure["domain"]
        if figure.get("average_by"):
            field_name = figure["average_by"].partition(":")[0]
            return model, domain, f"average_by:{field_name}"
        field_name, _sep, function = aggregate.partition(":")
        if function == "sum":
            return model, domain, f"sum:{field_name}"
        if function == "count_distinct":
            records = self.env[model].with_context(active_test=False)
            groups = records._read_group(domain, [field_name])
            comodel = records._fields[field_name].comodel_name
            ids = sorted(record.id for (record,) in groups if record)
            return comodel, [("id", "in", ids)], "count"
        return model, domain, "count"

    def action_compute(self):
        self.ensure_one()
        lines = []
        sections = sorted(self._report_sections(), key=lambda s: s["sequence"])
        if self.field_point_ids:
            # The report of some field points (a point's *Report* button).
            sections = [s for s in sections if s["code"] == "field_points"]
        for section in sections:
            for sequence, figure in enumerate(section["figures"]):
                # A figure of records the user may not read at all (a
                # technician and the prospection pipeline) is left out.
                if not self.env[figure["model"]].has_access("read"):
                    continue
                values = self._figure_values(figure)
                total = values["total"]
                open_model, open_domain, measure = self._figure_records(figure)
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
                            "open_model": open_model,
                            "open_domain": repr(open_domain),
                            "open_view": figure.get("list_view") or False,
                            "measure": measure,
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
        # Each row of an average's table is that group's count.
        figure = dict(self._figure_of(line), average_by=None)
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
            # Grouped by month ('date:month'): the month, a date in the workbook.
            return value
        field_def = self.env[model_name]._fields[field]
        if field_def.type == "selection":
            return dict(field_def._description_selection(self.env)).get(value, value)
        return str(value)

    def action_export_xlsx(self):
        self.ensure_one()
        if not self.line_ids:
            self.action_compute()
        return self.env.ref("omiopi_case.activity_report_xlsx").report_action(self)
