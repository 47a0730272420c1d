from odoo import fields, models
from odoo.tools import html2plaintext

# Fields that say nothing about the person (technical or mail plumbing).
TECHNICAL = {
    "id",
    "display_name",
    "create_uid",
    "write_uid",
    "write_date",
    "color",
    "sequence",
}
PERSON_FIELDS = [
    "name",
    "street",
    "street2",
    "zip",
    "city",
    "state_id",
    "country_id",
    "phone",
    "mobile",
    "email",
    "lang",
    "birthdate_date",
    "gender",
    "nationality_id",
]


class PersonalDataXlsx(models.AbstractModel):
    """Everything the suite holds about a person, for a request of access:
    the person's own data, a sheet per kind of record the add-ons keep, the
    messages written on all of them and the list of their attachments."""

    _name = "report.omiopi_case.personal_data_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Personal data export (XLSX)"

    def _fields_of(self, model):
        return [
            name
            for name, field in model._fields.items()
            if field.store
            and name not in TECHNICAL
            and field.type not in ("binary", "one2many")
            and not name.startswith(("message_", "activity_", "website_message"))
        ]

    def _value(self, record, name):
        field = record._fields[name]
        value = record[name]
        if field.type in ("many2one", "many2many"):
            return ", ".join(value.mapped("display_name"))
        if field.type == "selection":
            return dict(field._description_selection(self.env)).get(value, value or "")
        if field.type == "html":
            return html2plaintext(value or "")
        if field.type == "boolean":
            return self.env._("Yes") if value else self.env._("No")
        if field.type in ("date", "datetime"):
            return fields.Datetime.to_string(value) if value else ""
        return value if value not in (False, None) else ""

    def _sheet(self, workbook, title):
        """A worksheet named after `title`, valid and unique in the book."""
        name = "".join(c for c in title if c not in "[]:*?/\\")[:31] or "-"
        taken = {sheet.name for sheet in workbook.worksheets()}
        base, number = name, 2
        while name in taken:
            suffix = f" ({number})"
            name, number = base[: 31 - len(suffix)] + suffix, number + 1
        return workbook.add_worksheet(name)

    def _write_rows(self, sheet, header_format, headers, rows):
        sheet.write_row(0, 0, headers, header_format)
        sheet.freeze_panes(1, 0)
        widths = [len(str(h)) for h in headers]
        for index, row in enumerate(rows, start=1):
            sheet.write_row(index, 0, row)
            widths = [max(w, len(str(v))) for w, v in zip(widths, row, strict=False)]
        for col, width in enumerate(widths):
            sheet.set_column(col, col, min(max(width + 2, 10), 60))

    def generate_xlsx_report(self, workbook, data, persons):
        persons._omiopi_check_personal_data_export()
        header = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        for person in persons:
            names = PERSON_FIELDS + [
                name
                for name in self._fields_of(person)
                if name.startswith("omiopi_") and name not in PERSON_FIELDS
            ]
            self._write_rows(
                self._sheet(workbook, self.env._("Person")),
                header,
                [self.env._("Data"), self.env._("Value")],
                [
                    [
                        person._fields[name].get_description(self.env)["string"],
                        self._value(person, name),
                    ]
                    for name in names
                    if name in person._fields
                ],
            )
            documents = [(person._name, person.ids)]
            for title, records in person._omiopi_personal_data_sections():
                names = self._fields_of(records)
                self._write_rows(
                    self._sheet(workbook, title),
                    header,
                    [self.env._("Record")]
                    + [
                        records._fields[n].get_description(self.env)["string"]
                        for n in names
                    ],
                    [
                        [record.display_name] + [self._value(record, n) for n in names]
                        for record in records
                    ],
                )
                if records:
                    documents.append((records._name, records.ids))
            messages = self.env["mail.message"]
            attachments = self.env["ir.attachment"]
            for model, ids in documents:
                messages |= messages.search(
                    [("model", "=", model), ("res_id", "in", ids)], order="date"
                )
                attachments |= attachments.search(
                    [("res_model", "=", model), ("res_id", "in", ids)]
                )
            self._write_rows(
                self._sheet(workbook, self.env._("Messages")),
                header,
                [
                    self.env._("Date"),
                    self.env._("Document"),
                    self.env._("Author"),
                    self.env._("Subject"),
                    self.env._("Text"),
                ],
                [
                    [
                        fields.Datetime.to_string(message.date),
                        message.record_name or message.model,
                        message.author_id.display_name or "",
                        message.subject or "",
                        html2plaintext(message.body or ""),
                    ]
                    for message in messages.sorted("date")
                ],
            )
            self._write_rows(
                self._sheet(workbook, self.env._("Attachments")),
                header,
                [
                    self.env._("Name"),
                    self.env._("Document"),
                    self.env._("Type"),
                    self.env._("Size (bytes)"),
                    self.env._("Added on"),
                ],
                [
                    [
                        attachment.name,
                        self.env[attachment.res_model]
                        .browse(attachment.res_id)
                        .display_name,
                        attachment.mimetype or "",
                        attachment.file_size,
                        fields.Datetime.to_string(attachment.create_date),
                    ]
                    for attachment in attachments
                ],
            )
