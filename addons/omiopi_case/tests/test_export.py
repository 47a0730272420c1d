from unittest.mock import patch

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import OmiopiCaseCommon

CASE_FIELDS = ["id", "name", "partner_id", "office_id", "state", "date_open"]


@tagged("post_install", "-at_install")
class TestExportInBatches(OmiopiCaseCommon):
    """Odoo's list export of the suite's large models reads a batch of
    records at a time (omiopi.export.mixin): the same rows as Odoo's own
    export, with the user's access, and no more than a batch in the cache."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        export = cls.env.ref("base.group_allow_export")
        for user in (cls.tech_a, cls.coordinator):
            user.groups_id |= export
        for index in range(6):
            for office, user in (
                (cls.office_a, cls.tech_a),
                (cls.office_b, cls.tech_b),
            ):
                person = cls._person(f"Export {office.code} {index}", office)
                person.id_numbers = [
                    (0, 0, {"category_id": cls.cat_passport.id, "name": f"P{index}A"}),
                    (0, 0, {"category_id": cls.cat_passport.id, "name": f"P{index}B"}),
                ]
                cls.env["omiopi.case"].create(
                    {
                        "partner_id": person.id,
                        "office_id": office.id,
                        "user_id": user.id,
                    }
                )

    def _export(self, records, fields, batch):
        model = type(records)
        with patch.object(model, "_omiopi_export_batch", batch):
            self.env.invalidate_all()
            return records.export_data(fields)["datas"]

    def test_rows_are_those_of_odoos_export(self):
        cases = self.env["omiopi.case"].with_user(self.coordinator).search([])
        self.assertGreater(len(cases), 10)
        # a batch larger than the export: Odoo's own export, unchanged
        whole = self._export(cases, CASE_FIELDS, 10_000)
        self.assertEqual(self._export(cases, CASE_FIELDS, 4), whole)
        self.assertEqual(len(whole), len(cases))
        self.assertEqual([row[1] for row in whole], cases.mapped("name"))
        # export not meant for import (labels), and a one2many path: a row
        # per document under the person's row
        persons = (
            self.env["res.partner"]
            .with_user(self.coordinator)
            .search([("name", "=like", "Export %")])
        )
        fields = ["name", "omiopi_office_id", "id_numbers/name"]
        labels = persons.with_context(import_compat=False)
        whole = self._export(labels, fields, 10_000)
        self.assertEqual(self._export(labels, fields, 5), whole)
        self.assertEqual(len(whole), 2 * len(persons))

    def test_the_cache_holds_one_batch(self):
        cases = self.env["omiopi.case"].with_user(self.coordinator).search([])
        self._export(cases, CASE_FIELDS, 4)
        cached = self.env.cache.get_records(cases, cases._fields["name"])
        self.assertLessEqual(len(cached), 4)

    def test_a_technician_exports_what_their_office_may_read(self):
        Case = self.env["omiopi.case"].with_user(self.tech_a)
        cases = Case.search([])
        rows = self._export(cases, ["name", "office_id"], 3)
        self.assertEqual(len(rows), len(cases))
        self.assertEqual([row[0] for row in rows], cases.mapped("name"))
        self.assertIn(self.office_a.display_name, {row[1] for row in rows})
        self.assertNotIn(self.office_b.display_name, {row[1] for row in rows})
        others = self.env["omiopi.case"].search([("office_id", "=", self.office_b.id)])
        with self.assertRaises(AccessError):
            self._export(Case.browse((cases | others).ids), ["name"], 3)

    def test_the_large_models_export_in_batches(self):
        mixin = type(self.env["omiopi.export.mixin"])
        for model in ("omiopi.case", "res.partner", "omiopi.attention"):
            self.assertTrue(issubclass(type(self.env[model]), mixin), model)
