from datetime import date

from odoo import models


class ActivityReportXlsx(models.AbstractModel):
    """The activity report as one workbook: a summary sheet first with every
    figure, then a sheet per section with its figures and their splits (age
    band, nationality, studies...). Headers in bold and frozen, totals in
    bold, percentages as percentages, columns as wide as their text."""

    _name = "report.omiopi_case.activity_report_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Activity report (XLSX)"

    def _headers(self, first):
        return [
            first,
            self.env._("Total"),
            self.env._("Women"),
            self.env._("Men"),
            self.env._("Other"),
            self.env._("Not recorded"),
            self.env._("% women"),
        ]

    def _line_row(self, line):
        if not line.gender_split:
            return [line.name, line.total, "", "", "", "", ""]
        return [
            line.name,
            line.total,
            line.female,
            line.male,
            line.other_gender,
            line.unknown_gender,
            line.female_ratio,
        ]

    def generate_xlsx_report(self, workbook, data, reports):
        styles = {
            "title": workbook.add_format({"bold": True, "font_size": 13}),
            "header": workbook.add_format(
                {"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True}
            ),
            "section": workbook.add_format({"bold": True, "bg_color": "#F2F2F2"}),
            "total": workbook.add_format({"bold": True, "top": 1}),
            "percent": workbook.add_format({"num_format": "0.0%"}),
            "month": workbook.add_format({"num_format": "mm/yyyy"}),
            "decimal": workbook.add_format({"num_format": "#,##0.0#"}),
            "total_percent": workbook.add_format(
                {"bold": True, "top": 1, "num_format": "0.0%"}
            ),
        }
        for report in reports:
            self._write_summary(workbook, report, styles)
            for code in dict.fromkeys(report.line_ids.mapped("section_code")):
                self._write_section(workbook, report, code, styles)

    def _write_table(self, sheet, row, headers, rows, styles, widths, total=None):
        sheet.write_row(row, 0, headers, styles["header"])
        for values in rows:
            row += 1
            self._write_values(sheet, row, values, styles, widths)
        if total:
            row += 1
            self._write_values(sheet, row, total, styles, widths, bold=True)
        return row + 2

    def _write_values(self, sheet, row, values, styles, widths, bold=False):
        for col, value in enumerate(values):
            if col == 6 and value != "":
                style = styles["total_percent" if bold else "percent"]
            elif isinstance(value, date):
                sheet.write_datetime(row, col, value, styles["month"])
                widths[col] = max(widths.get(col, 0), 8)
                continue
            elif isinstance(value, float) and not value.is_integer():
                style = styles["decimal"]
            else:
                style = styles["total"] if bold else None
            sheet.write(row, col, value, style)
            widths[col] = max(widths.get(col, 0), len(str(value)))

    def _fit(self, sheet, widths):
        for col, width in widths.items():
            sheet.set_column(col, col, min(max(width + 2, 10), 60))

    def _period_title(self, report):
        offices = ", ".join(report.office_ids.mapped("name")) or self.env._(
            "All offices"
        )
        return self.env._(
            "Activity report %(start)s - %(end)s: %(offices)s",
            start=report.date_from,
            end=report.date_to,
            offices=offices,
        )

    def _write_summary(self, workbook, report, styles):
        sheet = workbook.add_worksheet(self.env._("Summary")[:31])
        sheet.write(0, 0, self._period_title(report), styles["title"])
        widths = {0: 30}
        row = 2
        sheet.write_row(row, 0, self._headers(self.env._("Figure")), styles["header"])
        sheet.freeze_panes(row + 1, 1)
        section = None
        for line in report.line_ids:
            if line.section_name != section:
                section = line.section_name
                row += 1
                sheet.write(row, 0, section, styles["section"])
            row += 1
            self._write_values(sheet, row, self._line_row(line), styles, widths)
        self._fit(sheet, widths)

    def _write_section(self, workbook, report, code, styles):
        lines = report.line_ids.filtered(lambda line: line.section_code == code)
        sheet = workbook.add_worksheet(lines[0].section_name[:31])
        sheet.write(0, 0, lines[0].section_name, styles["title"])
        widths = {0: 30}
        sheet.freeze_panes(3, 1)
        row = self._write_table(
            sheet,
            2,
            self._headers(self.env._("Figure")),
            [self._line_row(line) for line in lines],
            styles,
            widths,
        )
        for line in lines:
            for label, rows in report._breakdowns(line):
                sheet.write(row, 0, f"{line.name} - {label}", styles["title"])
                totals = [sum(r[col] for r in rows) for col in range(1, 6)]
                if not line.gender_split:
                    rows = [[r[0], r[1], "", "", "", "", ""] for r in rows]
                    total = [self.env._("Total"), totals[0], "", "", "", "", ""]
                else:
                    rows = [r + [r[2] / r[1] if r[1] else 0.0] for r in rows]
                    total = [
                        self.env._("Total"),
                        *totals,
                        totals[1] / totals[0] if totals[0] else 0.0,
                    ]
                row = self._write_table(
                    sheet, row + 1, self._headers(label), rows, styles, widths, total
                )
        self._fit(sheet, widths)
