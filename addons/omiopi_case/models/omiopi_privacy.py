from odoo import api, models
from odoo.osv import expression
from odoo.tools.sql import create_index

from ..tools.privacy import CLEAR, UNLINK, PrivacyEntry

# Dates the age and time-in-Spain figures are computed from: erased with the
# person, while the figures already stored on the person's records are kept.
PERSON_DATES = ("birthdate_date", "omiopi_arrival_date")


class OmiopiPrivacy(models.AbstractModel):
    """What the suite holds about a person, in one registry: each add-on
    declares, in its own `models/omiopi_privacy.py`, the records it keeps
    about a person (a `PrivacyEntry` each), and from that one declaration

    - the right-of-access export (GDPR art. 15) shows them, a sheet each;
    - anonymisation (GDPR art. 17, retention) removes them or empties their
      free texts and files, and leaves the statistics they declare as they
      were; then their messages, activities, attachments, appointments,
      followers and change-log values go.

    The person's own side (who may export or erase, the scheduled retention,
    the values erased on the person) is in res_partner_privacy.py. Records
    are erased a batch of persons at a time, with a number of queries that
    does not depend on the number of persons."""

    _name = "omiopi.privacy"
    _description = "What is exported and erased of a person"

    def init(self):
        res = super().init()
        # The erasure looks up the change log of a batch of records of each
        # model: auditlog indexes the model only, and its log grows with
        # every save of a person, case file, consent or referral.
        create_index(
            self.env.cr,
            "auditlog_log_omiopi_model_res_id_index",
            "auditlog_log",
            ["model_id", "res_id"],
        )
        return res

    # ------------------------------------------------------------------
    # The registry (extended by each add-on, with super())
    # ------------------------------------------------------------------

    @api.model
    def _entries(self):
        """The records omiopi_case keeps about a person, in the order of the
        export."""
        figures = ("gender", "nationality_id", "age_band")
        return [
            PrivacyEntry(
                self.env._("Identity documents"), "res.partner.id_number", erase=UNLINK
            ),
            PrivacyEntry(self.env._("Consents"), "omiopi.consent"),
            PrivacyEntry(self.env._("Languages"), "omiopi.person.language"),
            PrivacyEntry(
                self.env._("Complementary training"),
                "omiopi.person.training",
                erase=UNLINK,
            ),
            PrivacyEntry(
                self.env._("Work experience"), "omiopi.person.experience", erase=UNLINK
            ),
            PrivacyEntry(
                self.env._("Case files"),
                "omiopi.case",
                statistics=(
                    *figures,
                    "age_at_open",
                    "spain_band",
                    "education_level_id",
                    "legal_situation_id",
                ),
            ),
            PrivacyEntry(
                self.env._("Attentions"),
                "omiopi.attention",
                "case_id.partner_id",
                replace={"summary": self.env._("Attention")},
                statistics=figures,
            ),
            PrivacyEntry(
                self.env._("Itinerary"), "omiopi.itinerary.step", "case_id.partner_id"
            ),
            PrivacyEntry(
                self.env._("Needs assessment"), "omiopi.case.need", "case_id.partner_id"
            ),
            PrivacyEntry(
                self.env._("Household"),
                "omiopi.case.household",
                "case_id.partner_id",
                erase=UNLINK,
            ),
            PrivacyEntry(
                self.env._("Employability checklist"),
                "omiopi.case.checklist.line",
                "case_id.partner_id",
            ),
            # The name, phone and consent taken at a field point.
            PrivacyEntry(
                self.env._("Field registrations"),
                "omiopi.field.registration",
                replace={
                    "name": self.env._("Anonymised"),
                    "request": self.env._("Anonymised"),
                },
            ),
            PrivacyEntry(
                self.env._("Translations and interpreting"),
                "omiopi.language.service",
                replace={"name": self.env._("Translation or interpretation")},
            ),
        ]

    # ------------------------------------------------------------------
    # Right of access
    # ------------------------------------------------------------------

    @api.model
    def _sections(self, person):
        """[(title, records)] of `person`, read with the user's rights."""
        return [
            (
                entry.title,
                self.env[entry.model].search([(entry.person_path, "=", person.id)]),
            )
            for entry in self._entries()
        ]

    # ------------------------------------------------------------------
    # Erasure
    # ------------------------------------------------------------------

    @api.model
    def _records_of(self, persons):
        """{model: (records, entries)} of `persons`: one search per entry."""
        found = {}
        for entry in self._entries():
            Model = self.env[entry.model].with_context(active_test=False)
            records = Model.search([(entry.person_path, "in", persons.ids)])
            previous, entries = found.get(entry.model, (Model.browse(), []))
            found[entry.model] = (previous | records, [*entries, entry])
        return found

    @api.model
    def _erase_values(self, model, entries):
        """UNLINK, or the values written on the records of `model`."""
        modes = {entry.erase for entry in entries}
        if len(modes) > 1:
            raise ValueError(f"{model}: its entries erase it in different ways")
        mode = modes.pop()
        if mode != CLEAR:
            return mode
        values = cleared_values(self.env[model])
        for entry in entries:
            values.update(entry.replace)
        return values

    @api.model
    def _protected(self, persons, found):
        """(fields, records) kept as they are while the persons are erased:
        the figures computed from the person's dates and those declared as
        statistics."""
        Partner = self.env["res.partner"]
        protected = []
        for name in PERSON_DATES:
            for field in self.pool.get_dependent_fields(Partner._fields[name]):
                if not field.store:
                    continue
                if field.model_name == Partner._name:
                    protected.append(([field], persons))
                elif field.model_name in found:
                    protected.append(([field], found[field.model_name][0]))
        for records, entries in found.values():
            for entry in entries:
                stats = [records._fields[name] for name in entry.statistics]
                protected.append((stats, records))
        return protected

    @api.model
    def _erase(self, persons, reason):
        """Anonymise `persons` (checked by the caller, in an environment that
        reaches every record about them) and their records: one write or
        unlink per model for the whole batch, one search and unlink per model
        for what surrounds them."""
        found = self._records_of(persons)
        logged = {"write": {persons._name: persons.ids}, "unlink": {}}
        with self.env.protecting(self._protected(persons, found)):
            _unlogged(persons, "write", persons._omiopi_anonymised_values())
            persons._omiopi_name_anonymised()
            self._erase_files(persons)
            for model, (records, entries) in found.items():
                values = self._erase_values(model, entries)
                if not records:
                    continue
                if values == UNLINK:
                    _unlogged(records, "unlink")
                    logged["unlink"][model] = records.ids
                else:
                    self._erase_files(records)
                    written = self._holding(records, values)
                    _unlogged(written, "write", values)
                    logged["write"][model] = written.ids
            self.env.flush_all()
        # Ids of removed records too: their messages and change log remain.
        traced = {model: records.ids for model, (records, _e) in found.items()}
        traced[persons._name] = persons.ids
        self._erase_traces(persons, traced)
        self._log_erasure(logged)
        body = self.env._("Personal data anonymised (%s).", reason)
        persons._message_log_batch(dict.fromkeys(persons.ids, body))
        return True

    @api.model
    def _holding(self, records, values):
        """Those of `records` the values would change: all of them when a
        required text is replaced, else those with a text to empty (most
        needs and steps have none), found in one query."""
        if not values or any(values.values()):
            return records if values else records.browse()
        return records.search(
            [("id", "in", records.ids)]
            + expression.OR([[(name, "!=", False)] for name in values])
        )

    @api.model
    def _erase_files(self, records):
        """The files of `records` kept as attachments (a photo and its
        sizes, a signed consent, a CV): their attachments removed for the
        whole batch, where writing False would replace the sizes of each
        photo one by one."""
        names = attached_files(records)
        if names:
            self.env["ir.attachment"].search(
                [
                    ("res_model", "=", records._name),
                    ("res_field", "in", names),
                    ("res_id", "in", records.ids),
                ]
            ).unlink()
            records.invalidate_recordset(names)

    @api.model
    def _log_erasure(self, ids_by_method):
        """The change log's entry for what the erasure wrote or removed, as
        the change log's rules ask ({method: {model: ids}}): one entry per
        model and method for the whole batch, naming its records (`res_ids`,
        as auditlog logs an export), without values. A thousand entries a
        batch would cost as much as the erasure itself; each person keeps
        the note of their anonymisation in the chatter."""
        names = {model for ids in ids_by_method.values() for model in ids}
        rules = self.env["auditlog.rule"].search(
            [("state", "=", "subscribed"), ("model_id.model", "in", list(names))]
        )
        request = self.env["auditlog.http.request"].current_http_request()
        session = self.env["auditlog.http.session"].current_http_session()
        values = []
        for rule in rules:
            if self.env.user in rule.users_to_exclude_ids:
                continue
            for method, ids_by_model in ids_by_method.items():
                ids = ids_by_model.get(rule.model_id.model)
                if ids and rule[f"log_{method}"]:
                    values.append(
                        {
                            "name": self.env._("Anonymised"),
                            "model_id": rule.model_id.id,
                            "res_ids": str(ids),
                            "method": method,
                            "user_id": self.env.uid,
                            "log_type": rule.log_type,
                            "http_request_id": request,
                            "http_session_id": session,
                        }
                    )
        self.env["auditlog.log"].create(values)

    @api.model
    def _erase_traces(self, persons, ids_by_model):
        """Messages, activities, attachments, appointments, followers and the
        values kept by the change log of the given records ({model: ids}),
        and what names the persons elsewhere (messages they wrote, meetings
        they attend, documents they follow)."""
        env = self.env
        Message = env["mail.message"]
        Event = env["calendar.event"].with_context(active_test=False)
        messages = Message.search([("author_id", "in", persons.ids)])
        events = Event.search([("partner_ids", "in", persons.ids)])
        followers = env["mail.followers"].search([("partner_id", "in", persons.ids)])
        logs = env["auditlog.log"]
        for model, ids in ids_by_model.items():
            if not ids:
                continue
            where = [("res_model", "=", model), ("res_id", "in", ids)]
            messages |= Message.search([("model", "=", model), ("res_id", "in", ids)])
            events |= Event.search(where)
            followers |= env["mail.followers"].search(where)
            env["mail.activity"].search(where).unlink()
            env["ir.attachment"].search(where).unlink()
            logs |= logs.search([("model_id.model", "=", model), ("res_id", "in", ids)])
        messages.unlink()
        events.unlink()
        followers.unlink()
        logs.line_ids.unlink()
        logs.write({"name": self.env._("Anonymised")})


def cleared_values(records, keep=frozenset()):
    """Values erasing the free texts and files of `records`: every stored,
    user-entered text, HTML or binary field that is not required, but the
    files kept as attachments (see attached_files)."""
    return {
        name: False
        for name, field in records._fields.items()
        if field.type in ("char", "text", "html", "binary")
        and field.store
        and not field.compute
        and not field.related
        and not field.required
        and name not in keep
        and name not in attached_files(records)
    }


def attached_files(records):
    """Binary fields of `records` kept as attachments, the sizes computed
    from a photo included."""
    return [
        name
        for name, field in records._fields.items()
        if field.type == "binary" and field.attachment and field.store
    ]


def _unlogged(records, method, *args):
    """`records`' own write or unlink, without the per-record wrapper the
    change log (OCA auditlog) puts around it, which creates a log per record
    and reads each one's name: thousands of statements for a batch of
    persons, whose values the erasure then removes. The erasure writes its
    own entries instead (OmiopiPrivacy._log_erasure), one statement for
    all. `origin` is where auditlog keeps the method it wraps."""
    function = getattr(type(records), method)
    return getattr(function, "origin", function)(records, *args)
