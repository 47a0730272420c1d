from odoo.tests import new_test_user

# The roles of omiopi_case, with the group that makes each. An add-on that
# brings a role of its own adds its column (ROLES of its test class).
ROLES = {
    "none": "base.group_user",  # an internal user without an omiopi group
    "tech": "omiopi_case.group_omiopi_technician",
    "head": "omiopi_case.group_omiopi_section_head",
    "coord": "omiopi_case.group_omiopi_coordinator",
    "admin": "omiopi_case.group_omiopi_manager",
    "portal": "base.group_portal",
}
# Roles bound to an office: their user belongs to the matrix's office.
OFFICE_ROLES = ("tech", "head", "prosp")
OPERATIONS = (("r", "read"), ("w", "write"), ("c", "create"), ("d", "unlink"))


class AccessMatrixChecks:
    """What each role may do on each model of one add-on (access rights):
    r read, w write, c create, d delete, - nothing. The record rules narrow
    this down to records (each add-on's access tests).

    A test class mixes this in with TransactionCase and sets:

    - ACCESS_MODULE, the add-on whose models must all be in the table (None
      for a table about other add-ons' models, e.g. a role's column);
    - ROLES, the columns, {role: group xml id} (default: omiopi_case's);
    - ACCESS_MATRIX, {model: "r rw ..."}: a row per model, a column per role;
    - ACCESS_DEFAULT, the expected rights of a model of ACCESS_DEFAULT_MODULES
      missing from the table (a role's column that must stay closed).

    A model of the add-on missing from its table fails: a new model needs its
    row."""

    ACCESS_MODULE = None
    ROLES = ROLES
    ACCESS_MATRIX = {}
    ACCESS_DEFAULT = None
    ACCESS_DEFAULT_MODULES = ()
    # Odoo collects only the test methods a class defines itself, unless told.
    allow_inherited_tests_method = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        module = cls.ACCESS_MODULE or "roles"
        cls.matrix_office = cls.env["omiopi.office"].create(
            {"name": f"Matrix office {module}", "code": f"MX{module[-3:].upper()}"}
        )
        cls.matrix_users = {}
        for role, group in cls.ROLES.items():
            user = new_test_user(cls.env, login=f"matrix_{module}_{role}", groups=group)
            if role in OFFICE_ROLES:
                user.omiopi_office_ids = cls.matrix_office
            cls.matrix_users[role] = user

    def _matrix_models_of(self, modules):
        """The concrete models first defined by `modules`."""
        return {
            name
            for name in self.env.registry
            if self.env[name]._original_module in modules
            and not self.env[name]._abstract
        }

    def _matrix_rows(self):
        rows = dict(self.ACCESS_MATRIX)
        if self.ACCESS_DEFAULT:
            default = " ".join([self.ACCESS_DEFAULT] * len(self.ROLES))
            for model in self._matrix_models_of(self.ACCESS_DEFAULT_MODULES):
                rows.setdefault(model, default)
        return rows

    def test_every_model_of_the_addon_is_in_the_table(self):
        if not self.ACCESS_MODULE:
            return
        models = self._matrix_models_of({self.ACCESS_MODULE})
        self.assertTrue(models)
        self.assertFalse(
            sorted(models - set(self.ACCESS_MATRIX)),
            f"models of {self.ACCESS_MODULE} missing from its ACCESS_MATRIX",
        )

    def test_access_rights_of_every_role_on_every_model(self):
        wrong = []
        for model, row in self._matrix_rows().items():
            expected_row = dict(zip(self.ROLES, row.split(), strict=True))
            for role, expected in expected_row.items():
                Model = self.env[model].with_user(self.matrix_users[role])
                actual = "".join(
                    letter for letter, op in OPERATIONS if Model.has_access(op)
                )
                if (actual or "-") != expected:
                    wrong.append(
                        f"{model} / {role}: expected {expected}, got {actual or '-'}"
                    )
        self.assertFalse(wrong, "\n".join(wrong))

    def test_no_access_right_of_the_addon_is_left_without_a_group(self):
        if not self.ACCESS_MODULE:
            return
        models = self._matrix_models_of({self.ACCESS_MODULE})
        rows = self.env["ir.model.access"].search(
            [("model_id.model", "in", list(models)), ("group_id", "=", False)]
        )
        self.assertFalse(rows.mapped("name"))

    def test_wizards_are_private_to_their_creator(self):
        # Odoo 18 does not keep transient records private by itself: a
        # wizard holding figures, spreadsheet rows or ranked persons would be
        # readable (and printable by URL) by any user with the access right.
        if not self.ACCESS_MODULE:
            return
        for name in self._matrix_models_of({self.ACCESS_MODULE}):
            if not self.env[name]._transient:
                continue
            rules = self.env["ir.rule"].search(
                [("model_id.model", "=", name), ("global", "=", True)]
            )
            self.assertIn(
                "[('create_uid', '=', user.id)]",
                rules.mapped("domain_force"),
                f"{name} has no rule keeping it to its creator",
            )
