import base64
from datetime import date, datetime
from functools import partial

from odoo.exceptions import AccessError

GUARD_MIXIN = "omiopi.guard.mixin"
# Models with fields of the suite that the guard does not cover, and why.
GUARD_EXEMPT = {
    # Only Odoo administrators change users and settings (Odoo's own rights).
    "res.users": "users are changed by Odoo and omiopi administrators only",
    "res.config.settings": "settings are for administrators only",
    # Only its access-error message is the suite's: no field, no record.
    "ir.rule": "record rules are Odoo's; the suite words their error only",
    "ir.module.module": "the suite only reloads its terms with its add-ons",
    # Configuration of the pipeline and of document types: administrators.
    "crm.team": "sales teams are configured by administrators only",
    "crm.lost.reason": "lost reasons are configured by administrators only",
    "crm.stage": "pipeline stages are configured by administrators only",
    "res.partner.id_category": "document types are configured by administrators",
    # OCA auditlog's change log: the suite only writes a batch's logs together.
    "auditlog.rule": "the change log's rules are configured by administrators",
    "auditlog.log": "the change log is written by auditlog, never by users",
}


class GuardChecks:
    """Checks of omiopi.guard.mixin generated from the registry, for the
    models one add-on defines or adds fields to (each add-on tests its own
    rows). A test class mixes this in and provides:

    - GUARD_MODULE, the add-on;
    - _guard_owner(model), a user who may change the fixture of `model`;
    - _guard_fixtures(), {model: record}: a record of each model of the
      add-on (a model without one fails the test: a new model needs one);
    - _guard_roles(), {name: user}: every role but administrators;
    - _guard_targets(), records of the kinds fields point at (persons, case
      files, referrals... of several offices), among which, for each role,
      some the role may not read.

    A field users may not set (not declared editable) is refused to every
    role, at creation and later; a link to a record the role may not read is
    refused. The checks fail when the guard is taken away."""

    GUARD_MODULE = None
    # Odoo collects only the test methods a class defines itself, unless told.
    allow_inherited_tests_method = True

    # ------------------------------------------------------------------
    # What is checked
    # ------------------------------------------------------------------

    def _guard_module_models(self):
        """Models the add-on defines, and models it adds stored fields to."""
        Data = self.env["ir.model.data"].sudo()
        models = set(
            self.env["ir.model"]
            .browse(
                Data.search(
                    [("module", "=", self.GUARD_MODULE), ("model", "=", "ir.model")]
                ).mapped("res_id")
            )
            .mapped("model")
        )
        fields = self.env["ir.model.fields"].browse(
            Data.search(
                [("module", "=", self.GUARD_MODULE), ("model", "=", "ir.model.fields")]
            ).mapped("res_id")
        )
        models |= set(fields.filtered("store").mapped("model"))
        return sorted(
            name
            for name in models
            if name in self.env
            and not self.env[name]._abstract
            and self.env[name]._auto
            and name not in GUARD_EXEMPT
        )

    def _guard_models(self):
        return [
            name
            for name in self._guard_module_models()
            if hasattr(self.env[name], "_omiopi_check_values")
        ]

    @staticmethod
    def _guard_declared(model, creating):
        declared = model._omiopi_user_fields()
        if creating:
            declared |= model._omiopi_create_fields()
        return declared

    def _guard_upstream(self):
        """The add-on and every add-on it depends on."""
        modules = (
            self.env["ir.module.module"]
            .sudo()
            .search([("name", "=", self.GUARD_MODULE)])
        )
        todo, names = modules, set()
        while todo:
            names |= set(todo.mapped("name"))
            todo = todo.dependencies_id.depend_id.filtered(
                lambda m, seen=frozenset(names): m.name not in seen
            )
        return names

    def _guard_procedure_fields(self, model, creating):
        """Guarded fields users may not set, among those of this add-on:
        the fields it adds, and on the models it defines the fields of the
        mixins it builds them from (not those its dependents add)."""
        own = model._original_module == self.GUARD_MODULE
        upstream = self._guard_upstream()
        return sorted(
            name
            for name in model._omiopi_guarded_fields()
            - self._guard_declared(model, creating)
            if self.GUARD_MODULE in (model._fields[name]._modules or ())
            or (own and set(model._fields[name]._modules or ()) <= upstream)
        )

    # ------------------------------------------------------------------
    # Values
    # ------------------------------------------------------------------

    def _guard_value(self, record, name):
        """A value of field `name` that differs from `record`'s (a record
        being created has none)."""
        field = record._fields[name]
        current = record.sudo()[name]  # the null value on an empty record
        kind = field.type
        if kind == "boolean":
            return not current
        if kind in ("integer", "many2one_reference"):
            return (current or 0) + 7
        if kind in ("float", "monetary"):
            return (current or 0.0) + 7.5
        if kind in ("char", "text", "html"):
            return "Set by a test"
        if kind == "binary":
            return base64.b64encode(b"set by a test")
        if kind == "date":
            return date(2001, 2, 3) if current != date(2001, 2, 3) else date(2002, 2, 3)
        if kind == "datetime":
            return datetime(2001, 2, 3, 10, 0)
        if kind == "selection":
            options = [
                key
                for key, _label in record._fields[name]._description_selection(self.env)
                if key != current
            ]
            return options[0]
        if kind in ("many2one", "many2many", "one2many"):
            comodel = (
                self.env[field.comodel_name].sudo().with_context(active_test=False)
            )
            other = comodel.search([("id", "not in", current.ids)], limit=1)
            if kind == "many2one":
                return other.id
            if kind == "one2many" and current:
                return [(5, 0, 0)]
            return [(6, 0, other.ids)]
        raise AssertionError(f"no test value for {record._name}.{name} ({kind})")

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------

    def _guard_refused(self, call):
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            call()

    def test_guard_every_model_is_guarded(self):
        """Every model of the add-on checks what users set (a model added
        without the guard fails here)."""
        unguarded = set(self._guard_module_models()) - set(self._guard_models())
        self.assertFalse(unguarded, f"models without {GUARD_MIXIN}")

    def test_guard_procedure_fields_are_readonly(self):
        """A field users may not set is shown read-only: the web client then
        never sends it."""
        for name in self._guard_models():
            model = self.env[name]
            for fname in self._guard_procedure_fields(model, creating=True):
                with self.subTest(model=name, field=fname):
                    self.assertTrue(model._fields[fname].readonly)

    def test_guard_procedure_fields_are_refused(self):
        fixtures = self._guard_fixtures()
        roles = {**self._guard_roles()}
        checked = 0
        for name in self._guard_models():
            model = self.env[name]
            if model._transient:
                continue
            self.assertIn(name, fixtures, f"{name} needs a fixture in the guard test")
            record = fixtures[name]
            users = {"owner": self._guard_owner(name), **roles}
            for fname in self._guard_procedure_fields(model, creating=False):
                value = self._guard_value(record, fname)
                for role, user in users.items():
                    with self.subTest(model=name, field=fname, role=role):
                        checked += 1
                        self._guard_refused(
                            partial(record.with_user(user).write, {fname: value})
                        )
            for fname in self._guard_procedure_fields(model, creating=True):
                value = self._guard_value(model.browse(), fname)
                for role, user in users.items():
                    with self.subTest(model=name, field=fname, role=role, create=1):
                        checked += 1
                        self._guard_refused(
                            partial(model.with_user(user).create, {fname: value})
                        )
        self.assertTrue(checked or not self._guard_models())

    def test_guard_references_are_checked(self):
        """Setting a link to a record the user may not read is refused, at
        creation and later, for every relational field and every role."""
        fixtures = self._guard_fixtures()
        targets = self._guard_targets()
        roles = self._guard_roles()
        checked = 0
        for name in self._guard_models():
            model = self.env[name]
            for fname in sorted(model._omiopi_reference_fields()):
                field = model._fields[fname]
                candidates = targets.get(
                    field.comodel_name, self.env[field.comodel_name]
                )
                for role, user in {"owner": self._guard_owner(name), **roles}.items():
                    hidden = candidates - candidates.with_user(user)._filtered_access(
                        "read"
                    )
                    if not hidden:
                        continue
                    value = (
                        hidden[0].id
                        if field.type == "many2one"
                        else [(6, 0, hidden[:1].ids)]
                    )
                    checked += 1
                    with self.subTest(model=name, field=fname, role=role):
                        self._guard_refused(
                            partial(model.with_user(user).create, {fname: value})
                        )
                        # a change: a link to another record than the current one
                        others = (
                            hidden - fixtures[name].sudo()[fname]
                            if name in fixtures
                            else hidden.browse()
                        )
                        if others:
                            record = fixtures[name].with_user(user)
                            new = (
                                others[0].id
                                if field.type == "many2one"
                                else [(4, others[0].id)]
                            )
                            self._guard_refused(partial(record.write, {fname: new}))
        self.assertTrue(checked, "no link to an unreadable record was tried")
