import base64
import contextlib
import csv
import hashlib
import io
import re

from markupsafe import Markup

from odoo import Command, api, fields, models, modules
from odoo.exceptions import UserError, ValidationError
from odoo.tools import split_every

from odoo.addons.omiopi_case.tools.followers import follow_responsibles
from odoo.addons.omiopi_case.tools.names import fold, normalize_document_number

from ..tools import pilot_form

MAX_ROWS = 20000
# Rows created and committed together: an interruption loses one batch.
BATCH_SIZE = 500
# Values looked up with one query (document numbers, import keys).
LOOKUP_CHUNK = 5000
RESULT_KEYS = ("row", "name", "status", "message", "partner_id", "referral_id")


def _given(vals):
    """`vals` without what the row leaves empty (no text, no record, no
    line): a new record has it empty already, and each empty value would
    still cost its field's work in create() and a line in the change log."""
    return {
        name: value
        for name, value in vals.items()
        if value not in (None, False, "", []) and value != [Command.set([])]
    }


def _result(row):
    """What the report keeps of a row."""
    return {key: row[key] for key in RESULT_KEYS if key in row}


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
    state = fields.Selection(
        [("upload", "Upload"), ("running", "Interrupted"), ("done", "Done")],
        default="upload",
        help="Interrupted: the rows reported were imported; importing again "
        "goes on with the others.",
    )
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
        """Import the file: every row is read and checked first (the rows
        refused are reported before anything is created), then the others
        are imported BATCH_SIZE at a time, each batch committed with its
        rows' report. Run again after an interruption, the import goes on
        from the first row not reported (the rows of the batch that was
        interrupted: nothing of it was kept)."""
        self.ensure_one()
        if self.state == "done":
            raise UserError(self.env._("This import was run already: start a new one."))
        reported = set(self.line_ids.mapped("row"))
        rows = [(n, v) for n, v in self._read_rows() if n not in reported]
        # The importing user does not follow every person and case file
        # created, nor get a "created" message on each: the import's own
        # report says what each row became. Without mail's work record by
        # record (tracking_disable, as Odoo's own import): the technicians
        # responsible follow their case files and referrals (_open_cases,
        # the referral's create()).
        importer = self.with_context(
            mail_create_nosubscribe=True, mail_create_nolog=True, tracking_disable=True
        )
        try:
            importer._import_rows(rows)
        finally:
            self.env.cr.cache.pop(("omiopi_import", self.id), None)
        self.state = "done"
        self.summary = self._summary()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

    def _import_rows(self, rows):
        parsed = self._parse_rows(rows)
        if self.all_or_nothing:
            self._report(self._import_all_or_nothing(parsed))
            return
        self._report([row for row in parsed if row["status"] == "refused"])
        self.state = "running"
        self._commit_progress()
        valid = [row for row in parsed if row["status"] != "refused"]
        created = {}
        for batch in split_every(BATCH_SIZE, valid, list):
            self._report(self._import_batch(batch, created))
            self._commit_progress()

    def _import_all_or_nothing(self, parsed):
        """The rows' results: all imported, or none if any row is refused."""
        results = list(parsed)
        if all(row["status"] != "refused" for row in parsed):
            # a refused row rolls the whole import back (the savepoint first)
            with contextlib.suppress(_RowRefused), self.env.cr.savepoint():
                results, created = [], {}
                for batch in split_every(BATCH_SIZE, parsed, list):
                    results += self._import_batch(batch, created)
                if any(r["status"] == "refused" for r in results):
                    raise _RowRefused
        if any(r["status"] == "refused" for r in results):
            for result in results:
                if result["status"] != "refused":
                    result.update(
                        status="not_imported",
                        referral_id=False,
                        partner_id=False,
                        message=self.env._("Not imported: another row was refused."),
                    )
        return results

    def _report(self, results):
        """Add the rows' results to the report, and its counts."""
        # a line per row, written by the thousand
        self.env["omiopi.referral.import.line"]._omiopi_create_lines(
            [dict(_result(result), wizard_id=self.id) for result in results]
        )
        statuses = [r["status"] for r in results]
        self.write(
            {
                "created_count": self.created_count + statuses.count("created"),
                "matched_count": self.matched_count + statuses.count("matched"),
                "refused_count": self.refused_count
                + statuses.count("refused")
                + statuses.count("not_imported"),
            }
        )

    def _commit_progress(self):
        """Commit what was imported so far, with its report: an interruption
        (a worker killed, the database restarted) loses one batch at most,
        and the import goes on from there when run again. Committing in a
        request, as Odoo's scheduled actions do between their batches: the
        rows committed are complete (person, case file, referral and report
        line) and never undone by what follows. Tests cannot commit: their
        batches are kept by the savepoint that each one runs in."""
        self.env.flush_all()
        if not modules.module.current_test:
            self.env.cr.commit()  # pylint: disable=invalid-commit
        # The records of the batch are not needed any more: the cache holds
        # one batch at a time.
        self.env.invalidate_all()

    def _summary(self):
        return Markup("<p>%s</p>") % self.env._(
            "%(created)s referral(s) created, %(matched)s row(s) already imported, "
            "%(refused)s row(s) not imported.",
            created=self.created_count,
            matched=self.matched_count,
            refused=self.refused_count,
        )

    def _import_key(self, values, document_number):
        basis = "|".join(
            [
                values.get("timestamp", ""),
                document_number or fold(values.get("name")),
                str(self.receiving_office_id.id),
            ]
        )
        return hashlib.sha1(basis.encode()).hexdigest()

    # ------------------------------------------------------------------
    # First pass: every row read and checked, nothing created
    # ------------------------------------------------------------------

    def _parse_rows(self, rows):
        """[{row, name, status, ...}]: each row read into the values it
        creates ("new"), or what it is already ("matched"), or refused with
        its reason. Referrals imported before and persons holding the rows'
        document numbers are looked up with one query each for the file."""
        parsed = [self._parse_row(number, values) for number, values in rows]
        valid = [row for row in parsed if row["status"] == "new"]
        imported = self._imported_referrals({row["key"] for row in valid})
        holders = self._document_holders({row["number"] for row in valid} - {None})
        checked = {}  # document number -> the error of its check, or None
        first_of_key = {}  # the first row of each import key in the file
        for row in valid:
            referral = imported.get(row["key"])
            if referral:
                row.update(
                    status="matched",
                    message=self.env._(
                        "Imported already as %(number)s.", number=referral.name
                    ),
                    partner_id=referral.partner_id.id,
                    referral_id=referral.id,
                )
                continue
            if row["key"] in first_of_key:
                # the same row twice in the file: what the first one becomes
                row.update(status="repeated", first=first_of_key[row["key"]])
                continue
            first_of_key[row["key"]] = row
            row["partner"] = holders.get(row["number"])
            if row["partner"] or not row["category"]:
                continue
            if row["number"] not in checked:
                checked[row["number"]] = self._check_document(
                    row["category"], row["number"]
                )
            if checked[row["number"]]:
                row.update(status="refused", message=checked[row["number"]])
        return parsed

    def _parse_row(self, number, values):
        row = {"row": number, "name": values.get("name", "")}
        if not values.get("name"):
            return dict(
                row, status="refused", message=self.env._("The row has no name.")
            )
        kind, document, expiry = pilot_form.parse_document(values.get("document"))
        document = normalize_document_number(document) if document else None
        office = self._referring_office(values.get("referrer"))
        observations = values.get("observations")
        return dict(
            row,
            status="new",
            values=values,
            key=self._import_key(values, document),
            number=document,
            expiry=expiry,
            category=self._category(kind),
            office=office,
            referral=_given(
                {
                    "receiving_office_id": self.receiving_office_id.id,
                    "program_id": self.program_id.id,
                    "reason_ids": [Command.set(self.reason_ids.ids)],
                    "referrer_email": pilot_form.parse_email(values.get("referrer"))
                    or self.env.user.email,
                    "observations": observations,
                }
            ),
        )

    def _imported_referrals(self, keys):
        """{import key: referral} of the keys imported already."""
        referrals = self.env["omiopi.referral"]
        for chunk in split_every(LOOKUP_CHUNK, list(keys)):
            referrals |= referrals.search([("import_key", "in", list(chunk))])
        return {referral.import_key: referral for referral in referrals}

    def _document_holders(self, numbers):
        """{document number: the person holding it} (the first in the
        persons' order, as a search of one number would find)."""
        # The documents first, then their persons: a domain on
        # "id_numbers.name" becomes a subquery PostgreSQL answers by reading
        # every person at regional scale.
        documents = self.env["res.partner.id_number"]._omiopi_with_numbers(numbers)
        numbers_of = {}
        for document in documents:
            numbers_of.setdefault(document.partner_id.id, set()).add(document.name)
        persons = self.env["res.partner"].search(
            [("id", "in", list(numbers_of)), ("omiopi_is_person", "=", True)]
        )
        holders = {}
        for person in persons:
            for number in numbers_of[person.id]:
                holders.setdefault(number, person)
        return holders

    def _check_document(self, category, number):
        """The reason `number` cannot be recorded as a `category` document,
        checked as creating it would check it, or None."""
        document = self.env["res.partner.id_number"].new(
            {"category_id": category.id, "name": number}
        )
        try:
            category.validate_id_number(document)
        except (ValidationError, UserError) as error:
            return error.args[0] if error.args else str(error)
        return None

    # ------------------------------------------------------------------
    # Second pass: a batch of rows created together
    # ------------------------------------------------------------------

    def _import_batch(self, batch, created):
        """The results of a batch of parsed rows: created all together, or,
        if that fails, row by row so that the row at fault is reported and
        the others imported."""
        # a batch refused is rolled back (the savepoint first), then row by row
        with (
            contextlib.suppress(ValidationError, UserError),
            self.env.cr.savepoint(),
        ):
            return self._create_rows(batch, created)
        results = []
        for row in batch:
            try:
                with self.env.cr.savepoint():
                    results += self._create_rows([row], created)
            except (ValidationError, UserError) as error:
                message = error.args[0] if error.args else str(error)
                row.update(status="refused", message=message)
                results.append(_result(row))
        return results

    def _create_rows(self, rows, created):
        """Create the persons, case files and referrals of `rows` (parsed,
        not refused), each kind in one create(); their results. `created`:
        {document number: person} created by the import so far."""
        results = [_result(row) for row in rows if row["status"] == "matched"]
        repeated = [row for row in rows if row["status"] == "repeated"]
        todo = [row for row in rows if row["status"] not in ("matched", "repeated")]
        # The persons: found by their document number (before the import,
        # by an earlier batch, by an earlier row of this batch), or created.
        new_persons, warnings = {}, {}
        for row in todo:
            number = row["number"]
            row["person"] = row["partner"] or created.get(number)
            if row["person"] or (number and number in new_persons):
                continue
            warnings[row["row"]] = []
            new_persons[number or row["row"]] = self._new_person_values(
                row, warnings[row["row"]]
            )
        persons = self.env["res.partner"].create(list(new_persons.values()))
        persons_of = dict(zip(new_persons, persons, strict=True))
        for row in todo:
            row["person"] = row["person"] or persons_of[row["number"] or row["row"]]
        cases = self._open_cases(todo)
        # The import key is set by the import only (its own procedure).
        Referral = self.env["omiopi.referral"]._omiopi_procedure("import_key")
        stage = self._lookup(
            "stage", "draft", lambda: Referral.default_get(["stage_id"]).get("stage_id")
        )
        referrals = Referral.create(
            [
                dict(
                    row["referral"],
                    partner_id=row["person"].id,
                    case_id=cases[row["person"].id, row["office"].id].id,
                    import_key=row["key"],
                    # the default stage, looked up once
                    **({"stage_id": stage} if stage else {}),
                )
                for row in todo
            ]
        ).with_env(self.env)
        self.env.flush_all()  # a constraint that fails fails the batch here
        created.update(
            (number, person)
            for number, person in persons_of.items()
            if isinstance(number, str)
        )
        for row, referral in zip(todo, referrals, strict=True):
            message = (
                self.env._("New person.")
                if row["row"] in warnings
                else self.env._("Person found by document number.")
            )
            row.update(
                status="created",
                message=" ".join([message, *warnings.get(row["row"], [])]),
                partner_id=row["person"].id,
                referral_id=referral.id,
            )
            results.append(_result(row))
        for row in repeated:
            first = row["first"]
            if first["status"] in ("created", "matched"):
                referral = self.env["omiopi.referral"].browse(first["referral_id"])
                row.update(
                    status="matched",
                    message=self.env._(
                        "Imported already as %(number)s.", number=referral.name
                    ),
                    partner_id=first["partner_id"],
                    referral_id=first["referral_id"],
                )
            else:
                row.update(status="refused", message=first.get("message", ""))
            results.append(_result(row))
        return sorted(results, key=lambda result: result["row"])

    def _new_person_values(self, row, warnings):
        """Values of the person a row creates, with their document."""
        vals = self._person_values(row["values"], row["office"], warnings)
        if row["number"] and row["category"]:
            vals["id_numbers"] = [
                Command.create(
                    {
                        "category_id": row["category"].id,
                        "name": row["number"],
                        "valid_until": row["expiry"],
                    }
                )
            ]
        elif row["values"].get("document"):
            warnings.append(
                self.env._(
                    "Document not recognised: %(text)s.",
                    text=row["values"]["document"],
                )
            )
        return vals

    def _open_cases(self, rows):
        """{(person id, office id): open case file}, found (one search for
        the batch) or created (one create)."""
        pairs = {(row["person"].id, row["office"].id) for row in rows}
        found = self.env["omiopi.case"].search(
            [
                ("partner_id", "in", list({p for p, _o in pairs})),
                ("office_id", "in", list({o for _p, o in pairs})),
                ("state", "!=", "closed"),
            ]
        )
        cases = {}
        for case in found:  # in the case files' order: the first one found
            cases.setdefault((case.partner_id.id, case.office_id.id), case)
        missing = [pair for pair in sorted(pairs) if pair not in cases]
        offices = self.env.user.omiopi_office_ids
        created = self.env["omiopi.case"].create(
            [
                {
                    "partner_id": person_id,
                    "office_id": office_id,
                    "user_id": self.env.user.id if office_id in offices.ids else False,
                }
                for person_id, office_id in missing
            ]
        )
        follow_responsibles(created)
        cases.update(zip(missing, created, strict=True))
        return cases

    def _lookup(self, kind, key, compute):
        """compute(), once per import for each (kind, key): the rows of a
        file name the same offices, countries, languages... again and
        again."""
        lookups = self.env.cr.cache.setdefault(("omiopi_import", self.id), {})
        if (kind, key) not in lookups:
            lookups[kind, key] = compute()
        return lookups[kind, key]

    def _referring_office(self, referrer_text):
        """The office named in "Persona que rellena este formulario" (its
        name, its name without "Agencia de Zona" or "Oficina", or its code,
        as whole words), or the wizard's default office."""
        folded = fold(referrer_text)
        if not folded:
            return self.referring_office_id
        return self._lookup("office", folded, lambda: self._office_named(folded))

    def _office_named(self, folded):
        for office in self.env["omiopi.office"].search([("active", "=", True)]):
            name = fold(office.name)
            short = re.sub(r"^(agencia de zona|oficina)\s+", "", name)
            for phrase in {name, short, fold(office.code)}:
                if len(phrase) > 2 and re.search(rf"\b{re.escape(phrase)}\b", folded):
                    return office
        return self.referring_office_id

    def _category(self, kind):
        if not kind:
            return self.env["res.partner.id_category"]
        return self._lookup(
            "category",
            kind,
            lambda: self.env.ref(
                f"omiopi_case.id_category_{kind}", raise_if_not_found=False
            ),
        )

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
        country = self._lookup("country", "base.es", lambda: self.env.ref("base.es"))
        for fname, phone in zip(("mobile", "phone"), phones, strict=False):
            # checked in the format the person's create() writes it: parsed
            # once for both (the result is kept for the transaction)
            if self.env["res.partner"]._phone_format(
                number=phone, country=country, force_format="INTERNATIONAL"
            ):
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
        country = values.get("nationality") and self._lookup(
            "country", values["nationality"], lambda: self._country(values)
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
            vals["omiopi_education_level_id"] = self._lookup(
                "education",
                level,
                lambda: self.env.ref(f"omiopi_case.education_level_{level}").id,
            )
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
        licences = tuple(
            c.lower() for c in pilot_form.parse_licences(values.get("licences"))
        )
        permits = tuple(
            pilot_form.match_keywords(values.get("permits"), pilot_form.PERMITS)
        )
        vals["omiopi_driving_licence_ids"] = [
            Command.set(self._codes("omiopi.driving.licence", licences))
        ]
        vals["omiopi_permit_ids"] = [Command.set(self._codes("omiopi.permit", permits))]
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
        return _given(vals)

    def _country(self, values):
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
        return country

    def _codes(self, model, codes):
        """Ids of the catalogue entries of `model` with these codes."""
        if not codes:
            return []
        return self._lookup(
            model,
            codes,
            lambda: self.env[model].search([("code", "in", list(codes))]).ids,
        )

    def _language_commands(self, text):
        Language = self.env["omiopi.language"]
        commands, seen = [], set()
        for code, level in pilot_form.parse_languages(text):
            language = self._lookup(
                "language",
                code,
                lambda code=code: Language.search([("code", "=", code)], limit=1),
            )
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
