class StoredFigureChecks:
    """Stored figures counted or summed over lines (a one2many or many2many
    in their dependencies) are the same whoever triggers their computation:
    the cache of a one2many holds what the user who read it may read, so a
    figure computed from it would hold only that user's share.

    Each add-on lists its figures in STORED_FIGURES, {"model.field": "the
    test that triggers it as a user of another office"}; the registry is
    walked so that a new figure fails until it is listed and tested."""

    FIGURES_MODULE = None
    STORED_FIGURES = {}
    allow_inherited_tests_method = True

    def _depends_on_lines(self, field):
        registry = self.env.registry
        for path in registry.field_depends.get(field, ()):
            model = self.env[field.model_name]
            for name in path.split("."):
                step = model._fields.get(name)
                if step is None:
                    break
                if step.type in ("one2many", "many2many"):
                    return True
                if not step.relational:
                    break
                model = self.env[step.comodel_name]
        return False

    def test_stored_figures_over_lines_are_all_checked(self):
        found = set()
        for model_name in self.env.registry:
            for name, field in self.env[model_name]._fields.items():
                if (
                    field.store
                    and field.compute
                    and not field.related
                    and self.FIGURES_MODULE in (field._modules or ())
                    and self._depends_on_lines(field)
                ):
                    found.add(f"{model_name}.{name}")
        self.assertEqual(found, set(self.STORED_FIGURES))
        for test in self.STORED_FIGURES.values():
            self.assertTrue(callable(getattr(self, test, None)), test)

    def assert_figures_as_recomputed(self, records, *names):
        """The stored values of `names` equal what the superuser computes
        from scratch, with an empty cache."""
        self.env.flush_all()
        records = records.sudo()
        self.env.invalidate_all()
        stored = {name: [records.browse(r.id)[name] for r in records] for name in names}
        self.env.invalidate_all()
        for name in names:
            self.env.add_to_compute(records._fields[name], records)
        records.flush_recordset(list(names))
        self.env.invalidate_all()
        recomputed = {
            name: [records.browse(r.id)[name] for r in records] for name in names
        }
        self.assertEqual(stored, recomputed)
        return stored
