from functools import partial


class QueryCountMixin:
    """Checks that what the web client loads takes a number of SQL queries
    that does not grow with the records behind it (no N+1): the same call is
    counted with few records, then with many."""

    def _spec(self, model, view_type, user):
        """The web client's read specification for a view of `model`."""
        views = self.env[model].with_user(user).get_views([(False, view_type)])
        spec = {}
        for name, description in views["models"][model]["fields"].items():
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

    def assert_views_do_not_grow(self, model, user, add_records, view_types=None):
        """`add_records(count)` creates records `user` sees in `model`."""
        Model = self.env[model].with_user(user)
        for view_type in view_types or ("list", "kanban"):
            spec = self._spec(model, view_type, user)
            first_page = partial(Model.web_search_read, [], spec, limit=80)
            add_records(3)
            few = self._count(first_page)
            add_records(12)
            many = self._count(first_page)
            self.assertEqual(few, many, f"{model} {view_type}: {few} then {many}")
