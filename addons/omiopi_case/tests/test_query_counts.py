from odoo.tests import tagged

from .common import OmiopiCaseCommon


@tagged("post_install", "-at_install")
class TestQueryCounts(OmiopiCaseCommon):
    """The case files' list, kanban and form load with a number of SQL
    queries that does not grow with the records behind them (no N+1)."""

    def _spec(self, model, view_type):
        """The web client's read specification for a view of `model`."""
        views = self.env[model].with_user(self.tech_a).get_views([(False, view_type)])
        fields = views["models"][model]["fields"]
        spec = {}
        for name, description in fields.items():
            if description["type"] in ("many2one", "one2many", "many2many"):
                spec[name] = {"fields": {"display_name": {}}}
            else:
                spec[name] = {}
        return spec

    def _count(self, call):
        """Queries of `call` with an empty record cache, once the
        registry-level caches (rules, views...) are warm."""
        counts = []
        for _attempt in range(3):
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            call()
            counts.append(self.cr.sql_log_count - before)
        return min(counts)

    def _new_cases(self, count):
        for index in range(count):
            person = self._person(f"Query person {index}", self.office_a)
            case = self._case(person, self.office_a, self.tech_a)
            self.env["omiopi.attention"].create(
                {"case_id": case.id, "area_id": self.area_legal.id, "summary": "First"}
            )

    def _list_queries(self, view_type):
        Case = self.env["omiopi.case"].with_user(self.tech_a)
        spec = self._spec("omiopi.case", view_type)
        return self._count(lambda: Case.web_search_read([], spec, limit=80))

    def test_list_and_kanban_do_not_grow_with_the_records(self):
        for view_type in ("list", "kanban"):
            self._new_cases(3)
            few = self._list_queries(view_type)
            self._new_cases(12)
            many = self._list_queries(view_type)
            self.assertEqual(few, many, view_type)

    def test_form_does_not_grow_with_the_attentions(self):
        case = self.case_a.with_user(self.tech_a)
        spec = self._spec("omiopi.case", "form")

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
