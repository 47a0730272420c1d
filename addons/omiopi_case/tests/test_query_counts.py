from odoo.tests import tagged
from odoo.tools import sql

from ..tools.search_index import trigram_index_name
from .common import OmiopiCaseCommon
from .query_common import QueryCountMixin


@tagged("post_install", "-at_install")
class TestQueryCounts(QueryCountMixin, OmiopiCaseCommon):
    """The case files' list, kanban and form load with a number of SQL
    queries that does not grow with the records behind them (no N+1)."""

    def _new_cases(self, count):
        for index in range(count):
            person = self._person(f"Query person {index}", self.office_a)
            case = self._case(person, self.office_a, self.tech_a)
            self.env["omiopi.attention"].create(
                {"case_id": case.id, "area_id": self.area_legal.id, "summary": "First"}
            )

    def test_list_and_kanban_do_not_grow_with_the_records(self):
        self.assert_views_do_not_grow("omiopi.case", self.tech_a, self._new_cases)

    def test_form_does_not_grow_with_the_attentions(self):
        case = self.case_a.with_user(self.tech_a)
        spec = self._spec("omiopi.case", "form", self.tech_a)

        def attentions(count):
            self.env["omiopi.attention"].create(
                [
                    {
                        "case_id": self.case_a.id,
                        "area_id": self.area_legal.id,
                        "summary": f"Attention {n}",
                    }
                    for n in range(count)
                ]
            )

        attentions(1)
        few = self._count(lambda: case.web_read(spec))
        attentions(20)
        many = self._count(lambda: case.web_read(spec))
        self.assertEqual(few, many)

    def test_name_and_document_searches_are_indexed(self):
        searched = [
            (model._table, "omiopi_search_text")
            for model in (self.env["omiopi.case"], self.env["res.partner"])
        ] + [("res_partner_id_number", "name")]
        for table, column in searched:
            self.assertTrue(
                sql.index_exists(self.cr, trigram_index_name(table, column)),
                f"{table}.{column}",
            )

    def test_the_search_box_finds_by_name_and_document(self):
        self.env["res.partner.id_number"].create(
            {
                "partner_id": self.person_a.id,
                "category_id": self.cat_passport.id,
                "name": "QX7654321",
            }
        )
        Case = self.env["omiopi.case"].with_user(self.tech_a)
        for text in ("amina tes", "QX76543", self.case_a.name):
            self.assertEqual(
                Case.search([("omiopi_search_text", "ilike", text)]), self.case_a, text
            )
        self.person_a.name = "Amina Renamed"
        self.assertEqual(
            Case.search([("omiopi_search_text", "ilike", "renamed")]), self.case_a
        )
