from odoo import Command, api, models, tools
from odoo.exceptions import AccessError

from ..tools.bulk import insert_rows

MANAGER_GROUP = "omiopi_case.group_omiopi_manager"
# Columns every model has, written by the ORM itself.
MAGIC_FIELDS = frozenset(models.MAGIC_COLUMNS) | {"display_name"}
RELATIONAL_TYPES = ("many2one", "many2many")


class Procedure:
    """Marks the environment in which a model's own method sets some of its
    procedure fields (see OmiopiGuardMixin._omiopi_procedure).

    An object, not a string: a context sent over RPC is JSON and cannot hold
    one, so no caller can claim to be a procedure."""

    __slots__ = ("fields", "model")

    def __init__(self, model, fields):
        self.model = model
        self.fields = frozenset(fields)


class OmiopiGuardMixin(models.AbstractModel):
    """What a user may set on a record of the suite, checked in create() and
    write() for every caller who is not an administrator (web client, RPC,
    import), in one place for every model of the suite.

    - References are checked: a relational field the suite defines may only
      point at records the user may already read, read as that user. Record
      rules open records through links (a person is readable when one of
      their case files is), so a link made to an unreadable record would
      open it.
    - Procedure fields are declared: each model lists the fields a user
      edits by hand (`_omiopi_user_fields`, and `_omiopi_create_fields` for
      those set only when the record is created); every other stored field
      the suite defines is set by the model's own methods, through
      `_omiopi_procedure()`, after their own checks. Context defaults of
      those fields (`default_<field>`) are ignored.

    The fields guarded are derived from the model: a new field is guarded
    without anyone remembering to. On a model inherited from Odoo (the person
    is a contact) the guard covers the fields the suite adds, named
    `omiopi_*`; what Odoo's own mechanisms write is left as in Odoo."""

    _name = "omiopi.guard.mixin"
    _description = "Checked references and procedure fields"
    # A configuration model (catalogues, offices, stages, courses): whoever
    # its access rights let change it (administrators) edits its fields by
    # hand, but for those shown read-only (computed, numbering...).
    _omiopi_configuration = False

    # ------------------------------------------------------------------
    # Declarations (extended by each model and add-on, with super())
    # ------------------------------------------------------------------

    def _omiopi_user_fields(self):
        """Fields a user edits by hand, at creation and later. A wizard is
        nothing but what its user types: all of it, references checked."""
        if self._transient:
            return self._omiopi_guarded_fields()
        if self._omiopi_configuration:
            return {
                name
                for name in self._omiopi_guarded_fields()
                if not self._fields[name].readonly
            }
        return set()

    def _omiopi_create_fields(self):
        """Fields a user sets when creating the record, never afterwards."""
        return set()

    # ------------------------------------------------------------------
    # What is guarded
    # ------------------------------------------------------------------

    @api.model
    def _omiopi_is_suite_field(self, field):
        if self._name.startswith("omiopi."):
            return any(module.startswith("omiopi") for module in field._modules or ())
        return field.name.startswith("omiopi_")

    # The two sets below depend on the model's fields only, and are read
    # for every record created or written: kept with the registry.
    @api.model
    @tools.ormcache()
    def _omiopi_guarded_fields(self):
        """Stored fields of the suite that only the model's methods set,
        unless declared editable."""
        return frozenset(
            name
            for name, field in self._fields.items()
            if field.store
            and name not in MAGIC_FIELDS
            and self._omiopi_is_suite_field(field)
        )

    @api.model
    @tools.ormcache()
    def _omiopi_reference_fields(self):
        """Relational fields of the suite whose targets are checked."""
        return frozenset(
            name
            for name, field in self._fields.items()
            if field.type in RELATIONAL_TYPES
            and name not in MAGIC_FIELDS
            and self._omiopi_is_suite_field(field)
        )

    @api.model
    def _omiopi_guard_applies(self):
        return not self.env.su and not self.env.user.has_group(MANAGER_GROUP)

    @api.model
    def _omiopi_procedure_fields(self):
        procedure = self.env.context.get("omiopi_procedure")
        if isinstance(procedure, Procedure) and procedure.model == self._name:
            return procedure.fields
        return frozenset()

    def _omiopi_procedure(self, *field_names):
        """These records, in the environment where the model's own method
        sets `field_names`, fields users do not set by hand. The caller has
        checked who acts and where the record stands."""
        return self.with_context(omiopi_procedure=Procedure(self._name, field_names))

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------

    def _omiopi_settable_fields(self, creating):
        """(the guarded fields the user may not set, the fields whose links
        are checked) in this environment."""
        procedure = self._omiopi_procedure_fields()
        allowed = self._omiopi_user_fields() | procedure
        if creating:
            allowed |= self._omiopi_create_fields()
        return (
            self._omiopi_guarded_fields() - allowed,
            self._omiopi_reference_fields() - procedure,
        )

    def _omiopi_check_values(self, vals, creating, targets=None, settable=None):
        """Refuse what `vals` sets that the user may not set. A value that
        changes nothing (a client sending a field as it is, an empty list of
        commands) is no setting. `targets`: {field name: ids} where to add
        the records linked, to check them later with those of other values.
        `settable`: _omiopi_settable_fields(), for values checked by the
        thousand."""
        forbidden, referencing = settable or self._omiopi_settable_fields(creating)
        refused = {
            name
            for name in forbidden & vals.keys()
            if not self._omiopi_is_no_change(name, vals[name], creating)
        }
        if refused:
            raise AccessError(
                self.env._(
                    "%(fields)s of %(model)s cannot be set by hand: the record's "
                    "own actions set them.",
                    fields=", ".join(
                        sorted(
                            self._fields[name]._description_string(self.env)
                            for name in refused
                        )
                    ),
                    model=self._omiopi_kind(),
                )
            )
        # What a procedure links is the procedure's business (it may link what
        # the user cannot read: a prospector's hire links the case file).
        for name in referencing & vals.keys():
            if targets is not None:
                targets.setdefault(name, {}).update(
                    dict.fromkeys(_linked_ids(self._fields[name], vals[name]))
                )
            elif creating or not self._omiopi_is_no_change(name, vals[name], False):
                self._omiopi_check_targets(self._fields[name], vals[name])

    def _omiopi_is_no_change(self, name, value, creating):
        field = self._fields[name]
        if field.type in ("one2many", "many2many"):
            commands = value or []
            if not commands:
                return True
            # Clearing the lines of a record being created changes nothing.
            return creating and all(
                isinstance(command, (list, tuple))
                and command
                and (
                    command[0] == Command.CLEAR
                    or (command[0] == Command.SET and not command[2])
                )
                for command in commands
            )
        if creating:
            return not value
        # sudo: compares the value sent with the value stored, to tell a
        # client re-sending a field from a change; nothing is returned
        records = self.sudo()
        try:
            new = field.convert_to_record(
                field.convert_to_cache(value, records), records
            )
        except (ValueError, TypeError):
            return False
        return all(record[name] == new for record in records)

    def _omiopi_check_targets(self, field, value):
        """The records `value` links through `field` are all readable by the user."""
        self._omiopi_check_target_ids(field, _linked_ids(field, value))

    def _omiopi_check_target_ids(self, field, ids):
        ids = list(dict.fromkeys(ids))
        if not ids:
            return
        targets = (
            self.env[field.comodel_name].with_context(active_test=False).browse(ids)
        )
        readable = targets._filtered_access("read")
        if len(readable) != len(targets):
            raise AccessError(
                self.env._(
                    "%(field)s of %(model)s can only point at records you may "
                    "read: you may not read %(target)s %(ids)s.",
                    field=field._description_string(self.env),
                    model=self._omiopi_kind(),
                    target=self._omiopi_kind(field.comodel_name),
                    ids=", ".join(str(i) for i in (targets - readable).ids),
                )
            )

    @api.model
    def _omiopi_without_guarded_defaults(self):
        """The model without the context defaults of fields users may not
        set at creation: a context comes from the caller too."""
        allowed = (
            self._omiopi_user_fields()
            | self._omiopi_create_fields()
            | self._omiopi_procedure_fields()
        )
        guarded = self._omiopi_guarded_fields() - allowed
        context = {
            key: value
            for key, value in self.env.context.items()
            if not (key.startswith("default_") and key[8:] in guarded)
        }
        if len(context) == len(self.env.context):
            return self
        # with_context() merges: these keys are to be dropped
        return self.with_env(self.env(context=context))

    # ------------------------------------------------------------------
    # Access errors in plain words
    # ------------------------------------------------------------------

    # Links followed, in order, to the record an office owns when a record
    # has no office of its own (a model that hangs from another sets its own).
    _omiopi_owner_links = ("case_id", "partner_id")

    def _omiopi_owner_office(self):
        """The office a record belongs to (its office, its case file's, its
        person's registering office), for access error messages."""
        # sudo: only the office's name is told, to say how access is obtained
        record = self[:1].sudo()
        for name in ("office_id", "omiopi_office_id"):
            field = record._fields.get(name)
            if (
                field is not None
                and field.comodel_name == "omiopi.office"
                and record[name]
            ):
                return record[name]
        for name in self._omiopi_owner_links:
            linked = record[name] if name in record._fields else None
            if linked and hasattr(linked, "_omiopi_owner_office"):
                return linked._omiopi_owner_office()
        return self.env["omiopi.office"]

    @api.model
    def _omiopi_kind(self, model_name=None):
        """A model's name in the user's language (its description is the
        English one); this model's by default."""
        model_name = model_name or self._name
        # sudo: the model's name only, read from the model registry
        model = self.env["ir.model"].sudo()._get(model_name)
        return (
            model.with_context(lang=self.env.lang).name
            or self.env[model_name]._description
        )

    def _omiopi_access_error_message(self, operation):
        """What a user who may not `operation` these records is told."""
        office = self._omiopi_owner_office()
        kind = self._omiopi_kind()
        if not office:
            return self.env._(
                "%(kind)s: your office has no access to it. Ask your coordinator "
                "if you need it.",
                kind=kind,
            )
        if operation == "read":
            return self.env._(
                "%(kind)s of %(office)s: your office has no access to it. An "
                "office reads the persons and case files of another office "
                "while it handles a referral of them; the coordinators read "
                "them all.",
                kind=kind,
                office=office.name,
            )
        return self.env._(
            "%(kind)s of %(office)s: only %(office)s changes it; your office may "
            "at most read it (a referral received, a case file shared).",
            kind=kind,
            office=office.name,
        )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model
    def _omiopi_check_create(self, vals_list):
        """Check what a user asks to create, and return the model to create
        it with (without the context defaults the user may not set). A
        model whose create() adds procedure values calls it first, on the
        values as the caller gave them."""
        if not self._omiopi_guard_applies():
            return self
        model = self._omiopi_without_guarded_defaults()
        targets = {}
        settable = model._omiopi_settable_fields(creating=True)
        for vals in vals_list:
            model._omiopi_check_values(
                vals, creating=True, targets=targets, settable=settable
            )
        # The records linked by all the values, checked together: a query
        # per field, not per record created (imports create thousands).
        for name, ids in targets.items():
            model._omiopi_check_target_ids(model._fields[name], ids)
        return model

    @api.model
    def _omiopi_create_lines(self, vals_list):
        """create() for the lines a model's own method makes by the dozen
        for a record (a case file's needs and checklist): checked as
        create() checks them, the model's defaults read once for all the
        lines, the rows written by the thousand (tools.bulk), then what
        create() does after: the record rules, the Python constraints, the
        fields computed from the lines (on their parents too). For models
        whose create() adds nothing to this mixin's, with column values only
        (no x2many, no parent model, no translated field)."""
        if not vals_list:
            return self.browse()
        model = self._omiopi_check_create(vals_list)
        model.check_access("create")
        given = set().union(*vals_list)
        defaults = {
            name: value
            for name, value in model.default_get(
                [name for name in model._fields if name not in given]
            ).items()
            if model._fields[name].store
        }
        lines = model.browse(
            insert_rows(model, [{**defaults, **vals} for vals in vals_list])
        )
        lines.check_access("create")
        lines._validate_fields(given | defaults.keys())
        for field in model._fields.values():
            if field.store and field.compute and field.name not in given:
                model.env.add_to_compute(field, lines)
        # The parents' lines changed: their cached lists are out of date,
        # and what they compute from their lines is to be computed again.
        for name in given:
            field = model._fields[name]
            inverses = (
                model.pool.field_inverses[field] if field.type == "many2one" else ()
            )
            for inverse in inverses:
                parents = model.env[field.comodel_name].browse(
                    {vals[name] for vals in vals_list if vals.get(name)}
                )
                parents.invalidate_recordset([inverse.name])
                parents.modified([inverse.name])
        return lines

    def _omiopi_check_write(self, vals):
        if self._omiopi_guard_applies():
            self._omiopi_check_values(vals, creating=False)

    @api.model_create_multi
    def create(self, vals_list):
        model = self._omiopi_check_create(vals_list)
        return super(OmiopiGuardMixin, model).create(vals_list)

    def write(self, vals):
        self._omiopi_check_write(vals)
        return super().write(vals)

    def copy(self, default=None):
        """What the copy takes from the original is the record's own data;
        what the caller asks to change (`default`) is checked as user input."""
        if not self._omiopi_guard_applies():
            return super().copy(default=default)
        if default:
            self._omiopi_check_values(default, creating=True)
        procedure = self._omiopi_procedure(*self._omiopi_guarded_fields())
        copies = super(OmiopiGuardMixin, procedure).copy(default=default)
        return copies.with_env(self.env)


def _linked_ids(field, value):
    """Ids of the existing records a many2one or many2many value links."""
    if field.type == "many2one":
        if isinstance(value, models.BaseModel):
            return value.ids
        return [value] if value else []
    if isinstance(value, models.BaseModel):
        return value.ids
    ids = []
    for command in value or ():
        if isinstance(command, int):
            ids.append(command)
        elif isinstance(command, (list, tuple)) and command:
            if command[0] == 4:
                ids.append(command[1])
            elif command[0] == 6:
                ids.extend(command[2] or ())
    return ids
