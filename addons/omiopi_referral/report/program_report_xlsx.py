from odoo import models


class ProgramReportXlsx(models.AbstractModel):
    """The programme report as a workbook: one sheet per table, a bold header
    row that stays frozen, the totals in bold, columns as wide as their text."""

    _name = "report.omiopi_referral.program_report_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Programme report (XLSX)"

    def generate_xlsx_report(self, workbook, data, wizards):
        header = workbook.add_format(
            {"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True}
        )
        total = workbook.add_format({"bold": True, "top": 1})
        # Shares and averages keep one decimal; counts stay integers.
        decimal = workbook.add_format({"num_format": "0.0"})
        decimal_total = workbook.add_format(
            {"bold": True, "top": 1, "num_format": "0.0"}
        )
        for wizard in wizards:
            for table in wizard._report_tables():
                sheet = workbook.add_worksheet(table["title"][:31])
                rows = [table["headers"], *table["rows"]]
                if table["total"]:
                    rows.append(table["total"])
                widths = [
                    max(len(str(row[col])) for row in rows if col < len(row))
                    for col in range(len(table["headers"]))
                ]
                for col, width in enumerate(widths):
                    sheet.set_column(col, col, min(max(width + 2, 10), 70))
                sheet.write_row(0, 0, table["headers"], header)
                for index, row in enumerate(table["rows"], start=1):
                    self._write_row(sheet, index, row, None, decimal)
                if table["total"]:
                    self._write_row(
                        sheet,
                        len(table["rows"]) + 1,
                        table["total"],
                        total,
                        decimal_total,
                    )
                sheet.freeze_panes(1, 0)

    @staticmethod
    def _write_row(sheet, row_index, cells, cell_format, decimal_format):
        for col, value in enumerate(cells):
            if isinstance(value, float):
                sheet.write_number(row_index, col, value, decimal_format)
            else:
                sheet.write(row_index, col, value, cell_format)
