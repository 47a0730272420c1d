import base64
import csv
import io
import logging
from unittest.mock import patch

from odoo.tests import tagged

from odoo.addons.omiopi_referral.wizard import omiopi_referral_import_wizard as module

from .common import ReferralCommon
from .test_import import SAMPLE

_logger = logging.getLogger(__name__)
NIE_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


class _Interruption(Exception):
    """What stops an import half-way: a worker killed, the database gone."""


def nie(number):
    digits = f"{number:07d}"
    return f"X{digits}{NIE_LETTERS[int(digits) % 23]}"


@tagged("post_install", "-at_install")
class TestImportBatches(ReferralCommon):
    """The import reads the whole file first, then creates a batch of rows
    at a time, committed with their report: interrupted, it goes on from
    where it stopped."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Wizard = type(cls.env["omiopi.referral.import.wizard"])

    def _wizard(self, content=None, **values):
        return (
            self.env["omiopi.referral.import.wizard"]
            .with_user(self.coordinator)
            .create(
                {
                    "file": base64.b64encode(content or SAMPLE.read_bytes()),
                    "filename": "pilot.csv",
                    "referring_office_id": self.agency.id,
                    "receiving_office_id": self.omiopi.id,
                    "reason_ids": [(6, 0, self.reason_arraigo.ids)],
                    **values,
                }
            )
        )

    def _statuses(self, wizard):
        return {line.row: line.status for line in wizard.line_ids}

    def _rows(self, first, count, timestamp="01/10/2025 09:00:00"):
        """A form's export of `count` persons with NIEs, numbered from
        `first`, filled in at `timestamp`."""
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(
            [
                "Marca temporal",
                "1. Nombre",
                "7. Tipo de Documento, número y fecha de caducidad",
                "17. Nacionalidad",
                "18. Persona que rellena este formulario",
            ]
        )
        for n in range(first, first + count):
            writer.writerow(
                [
                    timestamp,
                    f"Persona Lote {n}",
                    f"NIE {nie(8_100_000 + n)} caduca 12/03/2030",
                    "Marruecos",
                    "Técnica, Ref agency, tecnica@example.org",
                ]
            )
        return out.getvalue().encode()

    def _interrupted_import(self, wizard, at_batch):
        """Run the import one row a batch, stopped in the middle of batch
        `at_batch` (after its persons were created)."""
        calls = []
        open_cases = self.Wizard._open_cases

        def stopping(importer, rows):
            calls.append(rows)
            if len(calls) == at_batch:
                raise _Interruption
            return open_cases(importer, rows)

        # Not assertRaises(), which rolls back what its block did: what was
        # done before the interruption is what is looked at.
        interrupted = False
        with (
            patch.object(module, "BATCH_SIZE", 1),
            patch.object(self.Wizard, "_open_cases", stopping),
        ):
            try:
                wizard.action_import()
            except _Interruption:
                interrupted = True
        self.assertTrue(interrupted)
        self.assertEqual(len(calls), at_batch)

    def test_rows_are_created_and_committed_a_batch_at_a_time(self):
        wizard = self._wizard()
        batches, commits = [], []
        create_rows = self.Wizard._create_rows
        commit_progress = self.Wizard._commit_progress

        def creating(importer, rows, created):
            batches.append([row["row"] for row in rows])
            return create_rows(importer, rows, created)

        def committing(importer):
            commits.append(sorted(importer.line_ids.mapped("row")))
            return commit_progress(importer)

        with (
            patch.object(module, "BATCH_SIZE", 2),
            patch.object(self.Wizard, "_create_rows", creating),
            patch.object(self.Wizard, "_commit_progress", committing),
        ):
            wizard.action_import()
        # the refused rows (4: control letter, 5: no name) are reported before
        # anything is created; then two batches, each committed with its report
        self.assertEqual(batches, [[2, 3], [6]])
        self.assertEqual(commits, [[4, 5], [2, 3, 4, 5], [2, 3, 4, 5, 6]])
        self.assertEqual(
            [wizard.line_ids.sorted("row").mapped("status")],
            [["created", "created", "refused", "refused", "created"]],
        )
        lines = {line.row: line for line in wizard.line_ids}
        # the fifth row's person (same NIE) was created by the first batch
        self.assertEqual(lines[6].partner_id, lines[2].partner_id)
        self.assertIn("found by document", lines[6].message)
        self.assertEqual(
            (wizard.created_count, wizard.matched_count, wizard.refused_count),
            (3, 0, 2),
        )

    def test_an_interrupted_import_goes_on_where_it_stopped(self):
        wizard = self._wizard()
        self._interrupted_import(wizard, at_batch=2)
        # the first batch (row 2) and the refused rows are kept with their
        # report; the batch interrupted (row 3, Juan Pablo Rojas) left nothing
        self.assertEqual(wizard.state, "running")
        self.assertEqual(
            self._statuses(wizard), {2: "created", 4: "refused", 5: "refused"}
        )
        first_referral = wizard.line_ids.filtered(
            lambda line: line.row == 2
        ).referral_id
        self.assertTrue(first_referral.exists())
        self.assertFalse(
            self.env["res.partner"].search([("name", "=", "Juan Pablo Rojas")])
        )

        wizard.action_import()
        self.assertEqual(wizard.state, "done")
        self.assertEqual(
            self._statuses(wizard),
            {2: "created", 3: "created", 4: "refused", 5: "refused", 6: "created"},
        )
        lines = {line.row: line for line in wizard.line_ids}
        self.assertEqual(lines[2].referral_id, first_referral)
        self.assertEqual(lines[6].partner_id, first_referral.partner_id)
        self.assertEqual(
            (wizard.created_count, wizard.matched_count, wizard.refused_count),
            (3, 0, 2),
        )
        self.assertIn("3 referral(s) created", wizard.summary)
        self.assertEqual(
            self.env["res.partner"].search_count(
                [("id_numbers.name", "=", "X1234567L")]
            ),
            1,
        )
        self.assertEqual(
            len(wizard.line_ids.referral_id), 3, "one referral for each row imported"
        )

    def test_a_new_import_of_the_file_skips_the_rows_imported(self):
        self._interrupted_import(self._wizard(), at_batch=2)
        wizard = self._wizard()
        wizard.action_import()
        self.assertEqual(
            self._statuses(wizard),
            {2: "matched", 3: "created", 4: "refused", 5: "refused", 6: "created"},
        )
        self.assertIn(
            "Imported already", wizard.line_ids.filtered(lambda l: l.row == 2).message
        )

    def test_a_row_twice_in_the_file_is_imported_once(self):
        rows = SAMPLE.read_bytes().decode().splitlines()
        content = "\n".join([*rows, rows[1]]).encode()
        with patch.object(module, "BATCH_SIZE", 3):
            wizard = self._wizard(content)
            wizard.action_import()
        lines = {line.row: line for line in wizard.line_ids}
        self.assertEqual(lines[7].status, "matched")
        self.assertEqual(lines[7].referral_id, lines[2].referral_id)
        self.assertIn("Imported already", lines[7].message)
        self.assertEqual(
            (wizard.created_count, wizard.matched_count, wizard.refused_count),
            (3, 1, 2),
        )

    def test_a_row_refused_when_created_does_not_stop_its_batch(self):
        # The person holding the first row's NIE is archived: the import does
        # not find them, and the NIE cannot be recorded for a second person.
        archived = self.env["res.partner"].create(
            {
                "name": "Archivada",
                "omiopi_is_person": True,
                "omiopi_office_id": self.agency.id,
                "id_numbers": [
                    (
                        0,
                        0,
                        {
                            "category_id": self.ref("omiopi_case.id_category_nie").id,
                            "name": "X1234567L",
                        },
                    )
                ],
            }
        )
        archived.active = False
        wizard = self._wizard()
        wizard.action_import()
        statuses = self._statuses(wizard)
        self.assertEqual(statuses[3], "created")
        self.assertEqual((statuses[2], statuses[6]), ("refused", "refused"))
        self.assertIn(
            "already recorded", wizard.line_ids.filtered(lambda l: l.row == 2).message
        )

    def test_persons_and_imported_rows_are_looked_up_once_for_the_file(self):
        """Reading the file and looking its persons up takes as many queries
        for 50 rows as for 10, persons found or new."""

        def parse_queries(content):
            wizard = self._wizard(content)
            rows = wizard._read_rows()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            parsed = wizard._parse_rows(rows)
            self.assertEqual({row["status"] for row in parsed}, {"new"})
            return self.cr.sql_log_count - before, parsed

        parse_queries(self._rows(0, 5))  # the registry's caches warm
        # new persons
        few, _parsed = parse_queries(self._rows(0, 10))
        many, _parsed = parse_queries(self._rows(100, 50))
        self.assertEqual(few, many)
        # persons found by their NIE
        self._wizard(self._rows(200, 50)).action_import()
        # the same persons referred again a day later
        later = "02/10/2025 09:00:00"
        parse_queries(self._rows(200, 5, later))
        few, parsed = parse_queries(self._rows(200, 10, later))
        self.assertTrue(all(row["partner"] for row in parsed))
        many, parsed = parse_queries(self._rows(200, 50, later))
        self.assertTrue(all(row["partner"] for row in parsed))
        self.assertEqual(few, many)

    def test_creating_takes_a_few_queries_a_row(self):
        """Persons, case files and referrals are created a batch at a time:
        a few queries a row (numbering, followers, the change log), where
        creating each row on its own took about 60."""

        def import_queries(content):
            wizard = self._wizard(content)
            before = self.cr.sql_log_count
            wizard.action_import()
            self.assertEqual(wizard.created_count, len(wizard.line_ids))
            return self.cr.sql_log_count - before

        import_queries(self._rows(300, 5))  # the registry's caches warm
        few = import_queries(self._rows(400, 10))
        many = import_queries(self._rows(500, 50))
        per_row = (many - few) / 40
        _logger.info("Import: %s queries for 10 rows, %s for 50", few, many)
        self.assertLess(per_row, 10)
