import base64
import csv
import hashlib
import io
import re

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.omiopi_case.tools.names import fold, normalize_document_number

from ..tools import pilot_form

MAX_ROWS = 20000


class _RowRefused(Exception):
    """A row that cannot be imported, with the reason shown in the report."""


class OmiopiReferralImportWizard(models.TransientModel):
    """Import the pilot's referral spreadsheet (the Google Form's CSV or XLSX
    export) into persons, case files and draft referrals, with a report of
    what each row became. Running it twice on the same file creates nothing
    the second time."""

    _name = "omiopi.referral.import.wizard"
    _inherit = ["omiopi.guard.mixin"]
    _description = "Import referrals"

    file = fields.Binary(string="Spreadsheet", required=True)
    filename = fields.Char(string="File name")
    referring_office_id = fields.Many2one(
        "omiopi.office",
        string="Referring office",
        required=True,
        default=lambda self: self.env.user.omiopi_default_office_id,
        help="Office of the rows whose referrer's office cannot be recognised.",
    )
    receiving_office_id = fields.Many2one(
        "omiopi.office", string="Receiving service", required=True
    )
    program_id = fields.Many2one("omiopi.program", string="Programme")
    reason_ids = fields.Many2many(
        "omiopi.referral.reason", string="Enabling situations"
    )
    all_or_nothing = fields.Boolean(
        string="All or nothing",
        help="Import nothing if any row is refused; otherwise the valid rows are "
        "imported and the others reported.",
    )
    state = fields.Selection([("upload", "Upload"), ("done", "Done")], default="upload")
    line_ids = fields.One2many(
        "omiopi.referral.import.line", "wizard_id", string="Rows", readonly=True
    )
    created_count = fields.Integer(string="Created", readonly=True)
    matched_count = fields.Integer(string="Already there", readonly=True)
    refused_count = fields.Integer(string="Refused", readonly=True)
    summary = fields.Html(readonly=True, sanitize=False)

    # ------------------------------------------------------------------
    # Reading the file
    # ------------------------------------------------------------------

    def _read_rows(self):
        """[(row number, {column key: text})] of the uploaded file."""
        self.ensure_one()
        content = base64.b64decode(self.file or b"")
        if not content:
            raise UserError(self.env._("The file is empty."))
        name = (self.filename or "").lower()
        if name.endswith((".xlsx", ".xlsm")) or content[:2] == b"PK":
            table = self._read_xlsx(content)
        else:
            table = self._read_csv(content)
        if not table:
            raise UserError(self.env._("The file has no rows."))
        keys = [pilot_form.header_key(h) for h in table[0]]
        if "name" not in keys:
            raise UserError(
                self.env._(
                    "This is not the referral form's export: no column is the "
                    "person's name (Nombre)."
                )
            )
        if len(table) - 1 > MAX_ROWS:
            raise UserError(
                self.env._("Import at most %(max)s rows at a time.", max=MAX_ROWS)
            )
        rows = []
        for number, cells in enumerate(table[1:], start=2):
            values = {}
            for key, cell in zip(keys, cells, strict=False):
                if key and cell not in (None, ""):
                    values[key] = str(cell).strip()
            if any(values.values()):
                rows.append((number, values))
        return rows

    def _read_csv(self, content):
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                text = content.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        return list(csv.reader(io.StringIO(text), dialect))

    def _read_xlsx(self, content):
        import openpyxl  # pylint: disable=import-outside-toplevel

        try:
            book = openpyxl.load_workbook(
                io.BytesIO(content), read_only=True, data_only=True
            )
        except Exception as error:
            raise UserError(
                self.env._("The XLSX file cannot be read: %(error)s", error=error)
            ) from error
        table = []
        for row in book.worksheets[0].iter_rows(values_only=True):
            table.append(
                [
                    cell.strftime("%d/%m/%Y %H:%M:%S")
                    if hasattr(cell, "strftime")
                    else cell
                    for cell in row
                ]
            )
        return table

    # ------------------------------------------------------------------
    # Importing
    # ------------------------------------------------------------------

    def action_import(self):
        self.ensure_one()
        if self.state == "done":
            raise UserError(self.env._("This import was run already: start a new one."))
        rows = self._read_rows()
        results = []
        if self.all_or_nothing:
            try:
                with self.env.cr.savepoint():
                    results = [self._import_row_safely(n, v) for n, v in rows]
                    if any(r["status"] == "refused" for r in results):
                        raise _RowRefused
            except _RowRefused:
                for result in results:
                    if result["status"] != "refused":
                        result.update(
                            status="not_imported",
                            referral_id=False,
                            partner_id=False,
                            message=self.env._(
                                "Not imported: another row was refused."
                            ),
                        )
        else:
            for number, values in rows:
                results.append(self._import_row_safely(number, values))
        self.write(
            {
                "state": "done",
                "line_ids": [Command.create(r) for r in results],
                "created_count": sum(r["status"] == "created" for r in results),
                "matched_count": sum(r["status"] == "matched" for r in results),
                "refused_count": sum(
                    r["status"] in ("refused", "not_imported") for r in results
                ),
            }
        )
        self.summary = self._summary()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

    def _summary(self):
        return Markup("<p>%s</p>") % self.env._(
            "%(created)s referral(s) created, %(matched)s row(s) already imported, "
            "%(refused)s row(s) not imported.",
            created=self.created_count,
            matched=self.matched_count,
            refused=self.refused_count,
        )

    def _import_row_safely(self, number, values):
        result = {"row": number, "name": values.get("name", "")}
        try:
            with self.env.cr.savepoint():
                # The importing user does not follow every person and case
                # file created, nor get a "created" message on each: the
                # import's own report says what each row became.
                result.update(
                    self.with_context(
                        mail_create_nosubscribe=True, mail_create_nolog=True
                    )._import_row(values)
                )
        except (_RowRefused, ValidationError, UserError) as error:
            message = error.args[0] if error.args else str(error)
            result.update(status="refused", message=message)
        return result

    def _import_key(self, values, document_number):
        basis = "|".join(
            [
                values.get("timestamp", ""),
                document_number or fold(values.get("name")),
                str(self.receiving_office_id.id),
            ]
        )
        return hashlib.sha1(basis.encode()).hexdigest()

    def _import_row(self, values):
        """Import one row: {status, message, partner_id, referral_id}."""
        if not values.get("name"):
            raise _RowRefused(self.env._("The row has no name."))
        warnings = []
        kind, number, expiry = pilot_form.parse_document(values.get("document"))
        number = normalize_document_number(number) if number else None
        key = self._import_key(values, number)
        existing = self.env["omiopi.referral"].search(
            [("import_key", "=", key)], limit=1
        )
        if existing:
            return {
                "status": "matched",
                "message": self.env._(
                    "Imported already as %(number)s.", number=existing.name
                ),
                "partner_id": existing.partner_id.id,
                "referral_id": existing.id,
            }
        office = self._referring_office(values.get("referrer"))
        partner, matched = self._find_or_create_person(
            values, kind, number, expiry, office, warnings
        )
        case = self.env["omiopi.case"].search(
            [
                ("partner_id", "=", partner.id),
                ("office_id", "=", office.id),
                ("state", "!=", "closed"),
            ],
            limit=1,
        ) or self.env["omiopi.case"].create(
            {
                "partner_id": partner.id,
                "office_id": office.id,
                "user_id": self.env.user.id
                if office in self.env.user.omiopi_office_ids
                else False,
            }
        )
        observations = [values.get("observations", "")]
        referral = self.env["omiopi.referral"].create(
            {
                "partner_id": partner.id,
                "case_id": case.id,
                "receiving_office_id": self.receiving_office_id.id,
                "program_id": self.program_id.id,
                "reason_ids": [Command.set(self.reason_ids.ids)],
                "referrer_email": pilot_form.parse_email(values.get("referrer"))
                or self.env.user.email,
                "observations": "\n".join(o for o in observations if o) or False,
            }
        )
        # sudo: the import key is protected; set on the referral the user just created
        referral.sudo().import_key = key
        message = (
            self.env._("Person found by document number.")
            if matched
            else self.env._("New person.")
        )
        return {
            "status": "created",
            "message": " ".join([message, *warnings]),
            "partner_id": partner.id,
            "referral_id": referral.id,
        }

    def _referring_office(self, referrer_text):
        """The office named in "Persona que rellena este formulario" (its
        name, its name without "Agencia de Zona" or "Oficina", or its code,
        as whole words), or the wizard's default office."""
        folded = fold(referrer_text)
        if folded:
            for office in self.env["omiopi.office"].search([("active", "=", True)]):
                name = fold(office.name)
                short = re.sub(r"^(agencia de zona|oficina)\s+", "", name)
                for phrase in {name, short, fold(office.code)}:
                    if len(phrase) > 2 and re.search(
                        rf"\b{re.escape(phrase)}\b", folded
                    ):
                        return office
        return self.referring_office_id

    def _find_or_create_person(self, values, kind, number, expiry, office, warnings):
        Partner = self.env["res.partner"]
        category = self._category(kind)
        if number:
            # The document first, then its person: a domain on
            # "id_numbers.name" becomes a subquery PostgreSQL answers by
            # reading every person at regional scale.
            holders = (
                self.env["res.partner.id_number"]
                .search([("name", "=", number)])
                .partner_id
            )
            found = Partner.search(
                [("id", "in", holders.ids), ("omiopi_is_person", "=", True)], limit=1
            )
            if found:
                return found, True
        person = self._person_values(values, office, warnings)
        if number and category:
            person["id_numbers"] = [
                Command.create(
                    {"category_id": category.id, "name": number, "valid_until": expiry}
                )
            ]
        elif values.get("document"):
            warnings.append(
                self.env._(
                    "Document not recognised: %(text)s.", text=values["document"]
                )
            )
        return Partner.create(person), False

    def _category(self, kind):
        if not kind:
            return self.env["res.partner.id_category"]
        return self.env.ref(f"omiopi_case.id_category_{kind}", raise_if_not_found=False)

    def _person_values(self, values, office, warnings):
        """Values of a new person from the row; what cannot be read is kept
        in the warnings (and the original text stays in the notes)."""
        vals = {
            "name": values["name"],
            "omiopi_is_person": True,
            "omiopi_office_id": office.id,
            "street": values.get("address"),
            "omiopi_interests": values.get("interests"),
            "omiopi_education_notes": values.get("education"),
            "omiopi_benefit_notes": values.get("benefit_notes"),
        }
        phones = pilot_form.parse_phones(values.get("phones"))
        country = self.env.ref("base.es")
        for fname, phone in zip(("mobile", "phone"), phones, strict=False):
            if self.env["res.partner"]._phone_format(number=phone, country=country):
                vals[fname] = phone
            else:
                warnings.append(
                    self.env._("Phone %(phone)s not valid, not kept.", phone=phone)
                )
        email = pilot_form.parse_email(values.get("email"))
        if values.get("email") and not email:
            warnings.append(
                self.env._(
                    "Email %(email)s not valid, not kept.", email=values["email"]
                )
            )
        vals["email"] = email
        code = pilot_form.parse_country_code(values.get("nationality"))
        country = (
            self.env["res.country"].search([("code", "=", code)], limit=1)
            if code
            else False
        )
        if not country and values.get("nationality"):
            country = (
                self.env["res.country"]
                .with_context(lang="es_ES")
                .search([("name", "=ilike", values["nationality"].strip())], limit=1)
            )
        if country:
            vals["nationality_id"] = country.id
        elif values.get("nationality"):
            warnings.append(
                self.env._(
                    "Nationality %(text)s not recognised.", text=values["nationality"]
                )
            )
        level = pilot_form.parse_education_level(values.get("education"))
        if level:
            vals["omiopi_education_level_id"] = self.env.ref(
                f"omiopi_case.education_level_{level}"
            ).id
        simple = {
            "omiopi_education_homologation": pilot_form.parse_homologation(
                values.get("homologation")
            ),
            "omiopi_computer_level": pilot_form.parse_computer_level(
                values.get("computer")
            ),
            "omiopi_employment_status": pilot_form.parse_employment(
                values.get("employment")
            ),
            "omiopi_benefit": pilot_form.parse_benefit(values.get("benefit")),
            "gender": pilot_form.parse_gender(values.get("gender")),
            "birthdate_date": pilot_form.parse_date(values.get("birthdate")),
        }
        vals.update({k: v for k, v in simple.items() if v})
        disability, degree = pilot_form.parse_disability(values.get("disability"))
        if disability:
            vals.update(omiopi_disability=True, omiopi_disability_degree=degree or 0)
        licences = self.env["omiopi.driving.licence"].search(
            [
                (
                    "code",
                    "in",
                    [
                        c.lower()
                        for c in pilot_form.parse_licences(values.get("licences"))
                    ],
                )
            ]
        )
        permits = self.env["omiopi.permit"].search(
            [
                (
                    "code",
                    "in",
                    pilot_form.match_keywords(
                        values.get("permits"), pilot_form.PERMITS
                    ),
                )
            ]
        )
        vals["omiopi_driving_licence_ids"] = [Command.set(licences.ids)]
        vals["omiopi_permit_ids"] = [Command.set(permits.ids)]
        vals["omiopi_language_ids"] = self._language_commands(values.get("languages"))
        vals["omiopi_experience_ids"] = [
            Command.create({"name": position, "company": company})
            for position, company in pilot_form.parse_experience(
                values.get("experience")
            )
        ]
        vals["omiopi_training_ids"] = [
            Command.create({"name": name, "hours": hours, "has_diploma": True})
            for name, hours in pilot_form.parse_training(values.get("training"))
        ]
        return vals

    def _language_commands(self, text):
        Language = self.env["omiopi.language"]
        commands, seen = [], set()
        for code, level in pilot_form.parse_languages(text):
            language = Language.search([("code", "=", code)], limit=1)
            if language and language not in seen:
                seen.add(language)
                commands.append(
                    Command.create({"language_id": language.id, "level": level})
                )
        return commands

    @api.model
    def action_new(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Import referrals"),
            "res_model": self._name,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }
