from odoo import models
from odoo.exceptions import UserError
from odoo.tools import SQL


class OmiopiWorkflowMixin(models.AbstractModel):
    """A record that moves through states by its own buttons: case files,
    job offers and candidacies, enrolments, field sessions, coordination
    meetings and agreements. Built on the guard: `state` is a procedure field
    (no user sets it by hand), so it changes only through `_omiopi_move()`
    or the model's own methods, and every write of it is checked against the
    model's table.

    - `_omiopi_transitions`, {state: states it may go to}: one table per
      model, checked on every write of `state` (write() is callable over
      RPC), refused with the states as the user reads them;
    - `_omiopi_move()`: the buttons' way to move records, as the user may
      write them, with the procedure fields that go with the move;
    - `_omiopi_lock()`: the row lock that makes two users acting on the same
      record at once produce one change.

    Models whose steps are configurable records (the referral's stages) use
    the lock only."""

    _name = "omiopi.workflow.mixin"
    _inherit = ["omiopi.guard.mixin"]
    _description = "States, allowed moves and row lock"
    # {state: set of states it may go to}; empty: no table (moves are
    # checked by the callers of _omiopi_move).
    _omiopi_transitions = {}

    def _omiopi_state_labels(self):
        return dict(self._fields["state"]._description_selection(self.env))

    def _omiopi_check_transition(self, new_state, allowed_from=None):
        """Refuse moving to `new_state` a record whose state does not allow
        it (staying where it is is no move). Without `allowed_from` nor a
        table of transitions, every move is allowed."""
        if allowed_from is None and not self._omiopi_transitions:
            return
        labels = self._omiopi_state_labels()
        for record in self:
            old = record.state
            if old == new_state and allowed_from is None:
                continue
            allowed = (
                old in allowed_from
                if allowed_from is not None
                else new_state in self._omiopi_transitions.get(old, ())
            )
            if not allowed:
                raise UserError(
                    self.env._(
                        "%(record)s cannot go from %(old)s to %(new)s.",
                        record=record.display_name,
                        old=labels.get(old, old),
                        new=labels.get(new_state, new_state),
                    )
                )

    def _omiopi_lock(self):
        """Lock the records' rows until the transaction ends, then read them
        again: two users changing the same record at once make one change.
        The second waits for nothing (NOWAIT): its request fails with a
        concurrency error, Odoo retries it, and the retry sees the change."""
        if not self:
            return
        self.flush_recordset()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE id IN %s FOR NO KEY UPDATE NOWAIT",
                SQL.identifier(self._table),
                tuple(self.ids),
            ),
            # a lock conflict is expected and retried, not an error to log
            log_exceptions=False,
        )
        self.invalidate_recordset()

    def _omiopi_move(self, state, allowed_from=None, **values):
        """Set `state` (and the procedure fields in `values`) on records whose
        state allows it (`allowed_from`, or the model's transitions), as the
        user may write them; otherwise refuse, naming the states as the user
        reads them."""
        self.check_access("write")
        self._omiopi_check_transition(state, allowed_from)
        self._omiopi_procedure("state", *values).write({"state": state, **values})

    def _omiopi_check_write(self, vals):
        # The move is checked on every write of the state, not only in the
        # buttons: write() is callable over RPC, and administrators (whom the
        # guard lets set the state) follow the same table.
        result = super()._omiopi_check_write(vals)
        if "state" in vals and self._omiopi_transitions:
            self._omiopi_check_transition(vals["state"])
        return result
