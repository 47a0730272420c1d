from datetime import datetime, time

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.misc import formatLang


class OmiopiReferralReportWizard(models.TransientModel):
    """The programme report of seed 001 (section 2.2) for any programme,
    period and offices: shown on screen and exported as an XLSX workbook.
    Every figure comes from grouped queries on the referrals."""

    _name = "omiopi.referral.report.wizard"
    _inherit = ["omiopi.guard.mixin"]
    _description = "Programme report"

    program_id = fields.Many2one("omiopi.program", string="Programme")
    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(month=1, day=1),
    )
    date_to = fields.Date(string="To", required=True, default=fields.Date.context_today)
    office_ids = fields.Many2many(
        "omiopi.office",
        string="Offices",
        help="Referrals made or received by these offices; empty means all.",
    )
    report_html = fields.Html(
        string="Report", compute="_compute_report_html", sanitize=False
    )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_to < wizard.date_from:
                raise ValidationError(self.env._("The period ends before it starts."))

    def _domain(self):
        self.ensure_one()
        domain = [
            ("date_submitted", ">=", datetime.combine(self.date_from, time.min)),
            ("date_submitted", "<=", datetime.combine(self.date_to, time.max)),
        ]
        if self.program_id:
            domain.append(("program_id", "=", self.program_id.id))
        if self.office_ids:
            domain += [
                "|",
                ("referring_office_id", "in", self.office_ids.ids),
                ("receiving_office_id", "in", self.office_ids.ids),
            ]
        return domain

    @staticmethod
    def _share(count, total):
        return round(100.0 * count / total, 1) if total else 0.0

    def _grouped(self, domain, field):
        """[(label, count)] of the referrals in `domain` grouped by `field`."""
        Referral = self.env["omiopi.referral"]
        groups = Referral._read_group(
            domain, [field], ["__count"], order="__count desc"
        )
        selection = Referral._fields[field]
        labels = {}
        if selection.type == "selection":
            labels = dict(selection._description_selection(self.env))
        unknown = self.env._("Unknown")
        rows = []
        for value, count in groups:
            if selection.type == "selection":
                label = labels.get(value) if value else unknown
            else:
                label = value.display_name if value else unknown
            rows.append((label, count))
        return rows

    def _report_tables(self):
        """The tables of the report: dicts with a key, a title, headers, rows,
        an optional total row and the indexes of the percentage columns.

        The pilot published its tables over the referrals *received* and its
        direction table over those *admitted* (received minus the excluded):
        every table shows both, side by side."""
        self.ensure_one()
        Referral = self.env["omiopi.referral"]
        received_domain = self._domain()
        admitted_domain = [*received_domain, ("is_excluded", "=", False)]
        directions = dict(
            Referral._fields["direction"]._description_selection(self.env)
        )
        by_direction = dict(
            Referral._read_group(received_domain, ["direction"], ["__count"])
        )
        received = Referral.search_count(received_domain)
        admitted = Referral.search_count(admitted_domain)
        excluded = received - admitted
        tables = [
            self._progress_table(received, admitted),
            {
                "key": "direction",
                "title": self.env._("Referrals by direction"),
                "headers": [self.env._("Referrals"), self.env._("Number")],
                "rows": [
                    [directions[key], by_direction.get(key, 0)]
                    for key in ("omiopi_to_ae", "ae_to_omiopi", "other")
                    if by_direction.get(key) or key != "other"
                ]
                + [[self.env._("Minus the excluded"), -excluded]],
                "total": [self.env._("Total referrals to the programme"), admitted],
            },
            {
                "key": "excluded",
                "title": self.env._("Excluded, and why"),
                "headers": [self.env._("Reason"), self.env._("Number")],
                "rows": [
                    list(row)
                    for row in self._grouped(
                        [*received_domain, ("is_excluded", "=", True)],
                        "refuse_reason_id",
                    )
                ],
                "total": [self.env._("Total"), excluded],
            },
        ]
        for key, field, title, header in (
            ("gender", "gender", self.env._("By gender"), self.env._("Gender")),
            (
                "studies",
                "education_level_id",
                self.env._("By studies"),
                self.env._("Education level"),
            ),
            (
                "origin",
                "nationality_id",
                self.env._("By country of origin"),
                self.env._("Nationality"),
            ),
        ):
            admitted_rows = dict(self._grouped(admitted_domain, field))
            rows = []
            for label, count in self._grouped(received_domain, field):
                kept = admitted_rows.get(label, 0)
                rows.append(
                    [
                        label,
                        count,
                        self._share(count, received),
                        kept,
                        self._share(kept, admitted),
                    ]
                )
            tables.append(
                {
                    "key": key,
                    "title": title,
                    "headers": [header, *self._side_by_side_headers()],
                    "rows": rows,
                    "total": [
                        self.env._("Total"),
                        received,
                        100.0 if received else 0.0,
                        admitted,
                        100.0 if admitted else 0.0,
                    ],
                    "percent": {2, 4},
                }
            )
        tables.append(
            self._profile_table(received_domain, admitted_domain, received, admitted)
        )
        tables.append(self._stage_time_table(received_domain))
        return tables

    def _side_by_side_headers(self):
        return [
            self.env._("Received"),
            self.env._("% of received"),
            self.env._("Admitted"),
            self.env._("% of admitted"),
        ]

    def _progress_basis(self):
        return self.program_id.progress_basis or "admitted"

    def _progress_table(self, received, admitted):
        """What the programme's progress counts, and how far it got."""
        program = self.program_id
        bases = dict(program._fields["progress_basis"]._description_selection(self.env))
        basis = self._progress_basis()
        counted = received if basis == "received" else admitted
        rows = [
            [self.env._("Referrals received"), received],
            [self.env._("Referrals excluded"), received - admitted],
            [self.env._("Referrals admitted (received minus the excluded)"), admitted],
        ]
        if program.target_count:
            rows += [
                [self.env._("Target (cases)"), program.target_count],
                [self.env._("Progress counts"), bases[basis]],
                [self.env._("Cases counted"), counted],
                [
                    self.env._("Progress (%)"),
                    self._share(counted, program.target_count),
                ],
            ]
        return {
            "key": "progress",
            "title": self.env._("Programme progress"),
            "headers": [self.env._("Figure"), self.env._("Value")],
            "rows": rows,
            "total": None,
        }

    def _profile_table(self, received_domain, admitted_domain, received, admitted):
        """Referrals per enabling situation against the programme's targets;
        the situations without a target are summed up as "Others", as the
        pilot published them. A referral with two situations counts in both."""
        Referral = self.env["omiopi.referral"]
        by_reason = {}
        for column, domain in ((0, received_domain), (1, admitted_domain)):
            for reason, count in Referral._read_group(
                domain, ["reason_ids"], ["__count"]
            ):
                by_reason.setdefault(reason, [0, 0])[column] = count
        targets = self.program_id.target_ids
        basis = 0 if self._progress_basis() == "received" else 1
        rows = []
        for target in targets:
            result = by_reason.get(target.reason_id, [0, 0])
            # A range is text; a single target stays a number (in the workbook too).
            goal = (
                f"{target.target_min}-{target.target_max}"
                if target.target_max and target.target_max != target.target_min
                else target.target_min
            )
            rows.append(
                [
                    target.reason_id.display_name,
                    goal,
                    *result,
                    self.env._("Reached")
                    if result[basis] >= target.target_min
                    else self.env._("Not reached"),
                ]
            )
        if targets:
            others = [("reason_ids", "not in", targets.reason_id.ids)]
            rows.append(
                [
                    self.env._("Others"),
                    "",
                    Referral.search_count([*received_domain, *others]),
                    Referral.search_count([*admitted_domain, *others]),
                    "",
                ]
            )
        else:
            for reason, counts in sorted(by_reason.items(), key=lambda i: -i[1][0]):
                label = (
                    reason.display_name
                    if reason
                    else self.env._("No enabling situation")
                )
                rows.append([label, "", *counts, ""])
        goal = self.program_id.target_count or ""
        return {
            "key": "profile",
            "title": self.env._("By profile against target"),
            "headers": [
                self.env._("Profile"),
                self.env._("Target"),
                self.env._("Received"),
                self.env._("Admitted"),
                self.env._("Status"),
            ],
            "rows": rows,
            "total": [self.env._("Total"), goal, received, admitted, ""],
        }

    def _stage_time_table(self, domain):
        referrals = self.env["omiopi.referral"]._search(domain)
        groups = self.env["omiopi.referral.stage.log"]._read_group(
            [("referral_id", "in", referrals)],
            ["stage_id"],
            ["referral_id:count_distinct", "days:avg"],
        )
        rows = [
            [stage.display_name, count, round(days or 0.0, 1)]
            for stage, count, days in sorted(
                groups, key=lambda g: (g[0].sequence, g[0].id)
            )
        ]
        return {
            "key": "stages",
            "title": self.env._("Time spent in each stage"),
            "headers": [
                self.env._("Stage"),
                self.env._("Referrals"),
                self.env._("Average days"),
            ],
            "rows": rows,
            "total": None,
        }

    @api.depends("program_id", "date_from", "date_to", "office_ids")
    def _compute_report_html(self):
        for wizard in self:
            if (
                not (wizard.date_from and wizard.date_to)
                or wizard.date_to < wizard.date_from
            ):
                wizard.report_html = False
                continue
            scope = (
                self.env._(
                    "Offices: %(offices)s.",
                    offices=", ".join(wizard.office_ids.mapped("name")),
                )
                if wizard.office_ids
                else self.env._(
                    "All the referrals you may read: those of your offices, and all of "
                    "them for the coordinators."
                )
            )
            wizard.report_html = Markup(
                '<p class="text-muted">%s</p>'
            ) % scope + Markup("").join(
                wizard._table_html(table) for table in wizard._report_tables()
            )

    def _format_cell(self, value, percent=False):
        """A figure as the user's language writes it (54,2 %; 1.234)."""
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return value
        digits = 1 if isinstance(value, float) else 0
        text = formatLang(self.env, value, digits=digits)
        return f"{text} %" if percent else text

    def _table_html(self, table):
        cell_formats = {"td": Markup("<td>%s</td>"), "th": Markup("<th>%s</th>")}
        percent = table.get("percent", set())

        def row(cells, tag="td"):
            # The cells' values are escaped by the % of Markup.
            return Markup("<tr>%s</tr>") % Markup("").join(
                cell_formats[tag]
                % ((self._format_cell(cell, i in percent) if tag == "td" else cell),)
                for i, cell in enumerate(cells)
            )

        body = Markup("").join(row(r) for r in table["rows"])
        if table["total"]:
            body += Markup('<tr class="fw-bold">%s</tr>') % Markup("").join(
                Markup("<td>%s</td>") % (self._format_cell(cell, i in percent),)
                for i, cell in enumerate(table["total"])
            )
        return Markup(
            '<h4 class="mt-4">%s</h4><table class="table table-sm table-striped">'
            "<thead>%s</thead><tbody>%s</tbody></table>"
        ) % (table["title"], row(table["headers"], "th"), body)

    def _open(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Programme report"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

    def action_refresh(self):
        return self._open()

    def action_export_xlsx(self):
        self.ensure_one()
        return self.env.ref("omiopi_referral.program_report_xlsx").report_action(self)
