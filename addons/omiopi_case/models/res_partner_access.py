"""Who may read and who may edit a person: one definition every record rule
about a person uses, and the names hidden from those who may not read them."""

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression


# The person is split by concern (see README.md, "Where each concern lives").
class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    omiopi_in_my_offices = fields.Boolean(
        string="In my offices",
        compute="_compute_omiopi_in_my_offices",
        search="_search_omiopi_in_my_offices",
    )

    # Who may read and who may edit the person: one definition that every
    # record rule about a person uses (see _omiopi_readable_branches).
    omiopi_readable = fields.Boolean(
        string="You may read the person",
        compute="_compute_omiopi_readable",
        search="_search_omiopi_readable",
    )

    omiopi_editable = fields.Boolean(
        string="You may edit the person",
        compute="_compute_omiopi_editable",
        search="_search_omiopi_editable",
    )

    @api.depends_context("uid")
    def _compute_omiopi_in_my_offices(self):
        offices = self.env.user.omiopi_office_ids
        for partner in self:
            partner.omiopi_in_my_offices = bool(
                (partner.omiopi_office_id | partner.omiopi_case_ids.access_office_ids)
                & offices
            )

    def _search_omiopi_in_my_offices(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on 'In my offices'."))
        # the same test as the technicians' record rule on persons
        domain = [
            "|",
            ("omiopi_office_id.is_my_office", "=", True),
            ("omiopi_case_ids.access_office_ids.is_my_office", "=", True),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.depends("omiopi_is_person")
    @api.depends_context("uid")
    def _compute_display_name(self):
        res = super()._compute_display_name()
        self._omiopi_hide_unreadable_names()
        return res

    def _omiopi_hide_unreadable_names(self):
        """Odoo shows the name of a linked record as superuser (the label of
        a many2one, a follower, an attendee): a person served the user may
        not read is shown without their name, whatever links to them."""
        if not self.env.su or self.env.uid == SUPERUSER_ID:
            return
        persons = self.filtered(lambda p: p.id and p.omiopi_is_person)
        if not persons:
            return
        readable = persons.with_env(self.env(su=False))._filtered_access("read")
        for person in persons - readable:
            person.display_name = self.env._("Protected person")

    # Two computes, one query each: a record rule asks for one of the two
    # (creating persons checks only who may edit them).
    @api.depends_context("uid")
    def _compute_omiopi_readable(self):
        self._omiopi_compute_access_flag("omiopi_readable")

    @api.depends_context("uid")
    def _compute_omiopi_editable(self):
        self._omiopi_compute_access_flag("omiopi_editable")

    def _omiopi_compute_access_flag(self, fname):
        # Searched by id: the persons' order would write their pending names
        # first.
        granted = self.search([("id", "in", self.ids), (fname, "=", True)], order="id")
        for partner in self:
            partner[fname] = partner in granted

    @api.model
    def _omiopi_editable_branches(self, offices):
        """Domains (ORed) of the persons the members of `offices` edit: those
        their offices registered or keep a case file of. Sharing never gives
        more than reading."""
        return [
            [("omiopi_office_id", "in", offices.ids)],
            [("omiopi_case_ids.office_id", "in", offices.ids)],
        ]

    @api.model
    def _omiopi_readable_branches(self, offices):
        """Domains (ORed) of the persons the members of `offices` read:
        those they edit and those whose case file is shared with them. Each
        add-on adds the persons its records bring to an office (a referral
        received, a learner of its course, a candidate to its offers)."""
        return self._omiopi_editable_branches(offices) + [
            [("omiopi_case_ids.access_office_ids", "in", offices.ids)],
        ]

    def _omiopi_access_search(self, branches, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the access to persons."))
        offices = self.env.user.omiopi_office_ids
        domain = (
            expression.OR(branches(offices)) if offices else expression.FALSE_DOMAIN
        )
        domain = expression.AND([[("omiopi_is_person", "=", True)], domain])
        return domain if (operator == "=") == value else ["!", *domain]

    def _search_omiopi_readable(self, operator, value):
        return self._omiopi_access_search(
            self._omiopi_readable_branches, operator, value
        )

    def _search_omiopi_editable(self, operator, value):
        return self._omiopi_access_search(
            self._omiopi_editable_branches, operator, value
        )
