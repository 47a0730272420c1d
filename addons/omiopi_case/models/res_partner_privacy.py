from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from .omiopi_privacy import PERSON_DATES, cleared_values


# The person is split by concern (see README.md, "Where each concern lives").
class ResPartner(models.Model):
    """The person's side of privacy: who may export (right of access) or
    erase (erasure request) a person's data, the scheduled retention, the
    values erased on the person, and the person's part in the read audit.
    What each add-on exports and erases is declared in `omiopi.privacy`."""

    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    # Free-text, contact and identity fields of the person that are kept
    # anyway (technical or needed to keep the record consistent); the name
    # is replaced by "Anonymised person <id>".
    _OMIOPI_ANONYMISE_KEEP = frozenset({"name", "lang", "tz", "type"})
    # Persons anonymised by one call of the scheduled action.
    _OMIOPI_ANONYMISE_BATCH = 1000

    # ------------------------------------------------------------------
    # Right of access
    # ------------------------------------------------------------------

    def _omiopi_personal_data_sections(self):
        """Everything the suite holds about the person besides the person's
        own fields, as [(title, records)], read with the user's rights (see
        omiopi.privacy's entries)."""
        self.ensure_one()
        return self.env["omiopi.privacy"]._sections(self)

    def _omiopi_check_personal_data_export(self):
        """Checked by the button and by the report itself, which can be
        reached by its URL."""
        if not self.env.user.has_group("omiopi_case.group_omiopi_coordinator"):
            raise AccessError(
                self.env._(
                    "Only coordinators export a person's data (right of access)."
                )
            )
        if not all(self.mapped("omiopi_is_person")):
            raise UserError(self.env._("Only a person served has personal data here."))
        self.check_access("read")

    def action_omiopi_export_personal_data(self):
        """One workbook with everything held about the person, for a request
        of access. Coordinators only: they read every office's records, so
        the export is complete; the export is noted on the person."""
        self.ensure_one()
        self._omiopi_check_personal_data_export()
        self.env["omiopi.access.log"]._log(self, "export")
        self.message_post(
            body=self.env._(
                "Personal data exported by %(user)s (right of access).",
                user=self.env.user.name,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return self.env.ref("omiopi_case.personal_data_xlsx").report_action(self)

    # ------------------------------------------------------------------
    # Retention and erasure
    # ------------------------------------------------------------------

    @api.model
    def _omiopi_retention_due(self, limit):
        """Up to `limit` persons whose case files are all closed since longer
        than the retention period; none when the period is 0 (no automatic
        erasure). One grouped query over the case files: a domain with
        "not any" becomes NOT IN (subquery), which PostgreSQL cannot hash at
        regional scale and answers in quadratic time."""
        # sudo: reads one setting, returned to nobody.
        months = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("omiopi_case.retention_months", 60)
            or 0
        )
        if months <= 0:
            return self.browse()
        before = fields.Date.context_today(self) - relativedelta(months=months)
        self.env["omiopi.case"].flush_model(["partner_id", "state", "date_closed"])
        self.flush_model(["omiopi_is_person", "omiopi_anonymised"])
        rows = self.env.execute_query(
            SQL(
                """
                SELECT c.partner_id
                  FROM omiopi_case c
                  JOIN res_partner p ON p.id = c.partner_id
                 WHERE p.omiopi_is_person AND p.omiopi_anonymised IS NOT TRUE
              GROUP BY c.partner_id
                HAVING bool_and(c.state = 'closed') AND max(c.date_closed) <= %s
              ORDER BY c.partner_id
                 LIMIT %s
                """,
                before,
                limit,
            )
        )
        return self.browse([partner_id for (partner_id,) in rows])

    @api.model
    def _cron_omiopi_anonymise_expired(self):
        """Anonymise the persons whose retention period is over, a batch per
        call: the scheduler commits and calls again while some remain."""
        persons = self._omiopi_retention_due(self._OMIOPI_ANONYMISE_BATCH + 1)
        batch = persons[: self._OMIOPI_ANONYMISE_BATCH]
        batch._omiopi_anonymise(reason=self.env._("retention period over"))
        self.env["ir.cron"]._notify_progress(
            done=len(batch), remaining=len(persons) - len(batch)
        )

    def _omiopi_check_can_anonymise(self):
        if not self.env.su and not self.env.user.has_group(
            "omiopi_case.group_omiopi_manager"
        ):
            raise AccessError(
                self.env._("Only administrators anonymise a person's data.")
            )
        for person in self:
            if not person.omiopi_is_person:
                raise UserError(
                    self.env._("%s is not a person served.", person.display_name)
                )
            if person.omiopi_anonymised:
                raise UserError(self.env._("This person is already anonymised."))
            if person.omiopi_case_ids.filtered(lambda case: case.state != "closed"):
                raise UserError(
                    self.env._(
                        "%s has an open case file: close it before erasing "
                        "the person's data.",
                        person.display_name,
                    )
                )

    def _omiopi_anonymise(self, reason):
        """Erase what identifies the persons (names, documents, contact data,
        dates, free texts, attachments, messages, appointments) from them
        and every record the suite keeps about them, keeping what the
        activity report counts (the records themselves, their office, dates,
        states, gender, nationality and the age bands already computed).
        The whole recordset at once (see omiopi.privacy._erase)."""
        persons = self.with_context(active_test=False)
        persons._omiopi_check_can_anonymise()
        if not persons:
            return True
        # sudo: administrators and the scheduler only (checked above); the
        # erasure must reach every record about the person, whoever owns it.
        persons = persons.sudo().with_context(
            tracking_disable=True, mail_notrack=True, omiopi_anonymising=True
        )
        return persons.env["omiopi.privacy"]._erase(persons, reason)

    def _omiopi_anonymised_values(self):
        """The values written on every anonymised person (the same for all:
        one write for a batch); the name is set by _omiopi_name_anonymised."""
        values = cleared_values(self, keep=self._OMIOPI_ANONYMISE_KEEP)
        values.update(dict.fromkeys(PERSON_DATES, False))
        values.update(
            {
                "omiopi_anonymised": True,
                "omiopi_anonymised_date": fields.Date.context_today(self),
                "active": False,
            }
        )
        return values

    def _omiopi_name_anonymised(self):
        """Each person's name becomes "Anonymised person <id>", in one
        statement for the batch; what depends on the name (display names,
        search columns) is recomputed with the next flush."""
        self.flush_recordset(["name"])
        self.env.execute_query(
            SQL(
                "UPDATE res_partner SET name = replace(%s, %s, id::text) "
                "WHERE id IN %s",
                self.env._("Anonymised person %s"),
                "%s",
                tuple(self.ids),
            )
        )
        self.invalidate_recordset(["name"])
        self.modified(["name"])

    def action_omiopi_anonymise(self):
        """Open the confirmation of an erasure request."""
        self._omiopi_check_can_anonymise()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Anonymise personal data"),
            "res_model": "omiopi.anonymise.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_ids": self.ids},
        }

    # ------------------------------------------------------------------
    # Read audit
    # ------------------------------------------------------------------

    def _omiopi_audited_records(self):
        return self.filtered("omiopi_is_person")

    def _omiopi_access_error_message(self, operation):
        # sudo: whether the records are persons served, to word the message
        if not any(self.sudo().mapped("omiopi_is_person")):
            return False  # an ordinary contact: Odoo's message
        return super()._omiopi_access_error_message(operation)
