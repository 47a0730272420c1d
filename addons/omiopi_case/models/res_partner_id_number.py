from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date, split_every

from ..tools.names import normalize_document_number
from ..tools.search_index import create_trigram_index

OPEN_CASE_STATES = ("intake", "active", "follow_up")
# Numbers looked up a query at a time: past a few hundred, PostgreSQL takes
# the trigram index (made to find part of a number) for the list instead of
# the numbers' own index, and 5,000 numbers took 12 s instead of 10 ms.
NUMBER_CHUNK = 200


# partner_identification's states, and the suite's words for them.
STATUS_VALIDITY = {
    "draft": "new",
    "open": "valid",
    "pending": "to_renew",
    "close": "expired",
}


class ResPartnerIdNumber(models.Model):
    """An identity document of a person: special-category data, so every
    read of its number is logged."""

    _name = "res.partner.id_number"
    _inherit = [
        "res.partner.id_number",
        "omiopi.read.audit.mixin",
        "omiopi.guard.mixin",
    ]

    # Persons are found by their document number (imports, duplicates): an
    # index, or every lookup reads the whole table; a trigram one too for the
    # "contains" search of the document number field.
    name = fields.Char(index=True)
    # The document's validity in the suite's own words: Odoo's Spanish for
    # partner_identification's "Running" is "Ejecutándose", and its
    # translation of the shared selection wins over ours. Kept in step with
    # `status`, which other modules read.
    omiopi_validity = fields.Selection(
        [
            ("new", "New"),
            ("valid", "Valid"),
            ("to_renew", "To renew"),
            ("expired", "Expired"),
        ],
        string="Validity",
        compute="_compute_omiopi_validity",
        inverse="_inverse_omiopi_validity",
        store=True,
        readonly=False,
    )

    def init(self):
        res = super().init()
        create_trigram_index(self.env.cr, self._table, "name")
        return res

    @api.depends("status")
    def _compute_omiopi_validity(self):
        for number in self:
            number.omiopi_validity = STATUS_VALIDITY.get(number.status, "new")

    def _inverse_omiopi_validity(self):
        validity_status = {value: key for key, value in STATUS_VALIDITY.items()}
        for number in self:
            status = validity_status.get(number.omiopi_validity, "draft")
            if number.status != status:
                number.status = status

    def _omiopi_user_fields(self):
        return super()._omiopi_user_fields() | {"omiopi_validity"}

    omiopi_expiry_notified_until = fields.Date(
        string="Expiry alert sent for",
        readonly=True,
        copy=False,
        help="Expiry date for which the case owners were alerted: a renewed "
        "document with a new expiry date is alerted again.",
    )
    omiopi_expiry_pending = fields.Boolean(
        string="Expiry alert pending",
        compute="_compute_omiopi_expiry_pending",
        store=True,
        index=True,
    )

    def _omiopi_sensitive_fields(self):
        return super()._omiopi_sensitive_fields() | {"name"}

    def _omiopi_audited_records(self):
        return self.filtered("partner_id.omiopi_is_person")

    @api.depends("valid_until", "omiopi_expiry_notified_until")
    def _compute_omiopi_expiry_pending(self):
        for number in self:
            number.omiopi_expiry_pending = bool(
                number.valid_until
                and number.valid_until != number.omiopi_expiry_notified_until
            )

    @api.model
    def _omiopi_with_numbers(self, numbers):
        """The active documents with these numbers (exactly), as the user
        finds them."""
        found = self.browse()
        for chunk in split_every(NUMBER_CHUNK, sorted(set(numbers))):
            found |= self.search([("name", "in", list(chunk))])
        return found

    @api.constrains("name", "category_id", "partner_id", "active")
    def _check_omiopi_unique_number(self):
        """A Spanish document number (DNI, NIE, TIE) belongs to one person of
        the network: a second person with it is a duplicate record."""
        numbers = self.filtered(
            lambda n: n.active and n.name and n.category_id.omiopi_validation
        )
        if not numbers:
            return
        # The numbers first (their index), then their categories and
        # holders: a domain through partner_id lets PostgreSQL plan a join
        # over every person, seconds a query at regional scale. One search
        # for all the numbers checked (an import creates hundreds at once).
        recorded = (
            # sudo: the person holding the number may be served by another
            # office; the message names nobody
            self.sudo()
            ._omiopi_with_numbers(numbers.mapped("name"))
            .filtered(
                lambda other: (
                    other.category_id.omiopi_validation
                    and other.partner_id.omiopi_is_person
                )
            )
        )
        holders = {}
        for other in recorded:
            holders.setdefault(other.name, []).append(other)
        for number in numbers:
            others = [
                other
                for other in holders.get(number.name, ())
                if other.id != number.id and other.partner_id != number.partner_id
            ]
            # sudo: whether the number's own holder is a person served
            if others and number.sudo().partner_id.omiopi_is_person:
                raise ValidationError(
                    self.env._(
                        "The document number %(number)s is already recorded for "
                        "another person of the network: look the person up by "
                        "this number instead of registering them again (if "
                        "another office serves them, it can refer them to "
                        "yours).",
                        number=number.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._omiopi_normalize(vals)
        return super().create(vals_list)

    def write(self, vals):
        if "name" in vals or "category_id" in vals:
            vals = dict(vals)
            self._omiopi_normalize(vals, records=self)
        return super().write(vals)

    def _omiopi_normalize(self, vals, records=None):
        """'12.345.678-z' is stored as '12345678Z' for validated document
        types, so that duplicates and searches find it however it is typed."""
        if not vals.get("name"):
            return
        category = self.env["res.partner.id_category"].browse(vals.get("category_id"))
        if not category and records:
            category = records.category_id
        if any(category.mapped("omiopi_validation")):
            vals["name"] = normalize_document_number(vals["name"])
        else:
            vals["name"] = vals["name"].strip().upper()

    def _omiopi_expiry_domain(self, limit_date):
        return [
            ("active", "=", True),
            ("omiopi_expiry_pending", "=", True),
            ("valid_until", "<=", limit_date),
            ("category_id.omiopi_expiry_alert", "=", True),
            ("partner_id.omiopi_case_ids.state", "in", OPEN_CASE_STATES),
        ]

    @api.model
    def _cron_omiopi_notify_expiry(self, batch_size=500):
        """Schedule one activity per open case file of each person whose
        document expires within the configured number of days. Each document
        is alerted once per expiry date; a batch at a time, the cron runner
        committing and calling again while documents remain."""
        days = int(
            self.env["ir.config_parameter"]
            # sudo: reading a configuration parameter
            .sudo()
            .get_param("omiopi_case.document_expiry_days", 60)
        )
        today = fields.Date.context_today(self)
        domain = self._omiopi_expiry_domain(today + timedelta(days=days))
        numbers = self.search(domain, limit=batch_size, order="valid_until, id")
        cases = self.env["omiopi.case"].search(
            [
                ("partner_id", "in", numbers.partner_id.ids),
                ("state", "in", OPEN_CASE_STATES),
            ]
        )
        activity_type = self.env.ref("omiopi_case.mail_activity_type_document_expiry")
        for number in numbers:
            for case in cases.filtered(
                lambda c, n=number: c.partner_id == n.partner_id
            ):
                user = case.user_id or case.create_uid
                # In the words and date format of the technician who reads it.
                env = self.with_context(lang=user.lang).env
                case.activity_schedule(
                    activity_type_id=activity_type.id,
                    date_deadline=max(today, number.valid_until - timedelta(days=15)),
                    summary=env._(
                        "%(document)s %(number)s expires on %(date)s",
                        document=number.category_id.with_env(env).name,
                        number=number.name,
                        date=format_date(env, number.valid_until),
                    ),
                    user_id=user.id,
                )
            number.omiopi_expiry_notified_until = number.valid_until
        remaining = self.search_count(domain) if numbers else 0
        self.env["ir.cron"]._notify_progress(done=len(numbers), remaining=remaining)
        return numbers
