from odoo import api, models

# One page: the sheet pinned on the association's board.
SHEET_OFFERS = 12


class FieldVacancies(models.AbstractModel):
    """The open job offers of the moment, on one page for the board of a
    field point's association (seed 004: vacancies handed to association
    leaders to post). Offers are no personal data and every technician
    reads them; the employer is left out, the office is the way in."""

    _name = "report.omiopi_employer.report_field_vacancies"
    _description = "Vacancies sheet of a field point"

    @api.model
    def _offers_for(self, point):
        """The open offers with places left, those of the point's district
        first, the most recent next."""
        offers = self.env["omiopi.job.offer"].search(
            [("state", "=", "open")], order="date_open desc, id desc"
        )
        offers = offers.filtered(lambda offer: offer.vacancies_left > 0)
        near = offers.filtered(
            lambda offer: point.district_id and offer.district_id == point.district_id
        )
        return (near + (offers - near))[:SHEET_OFFERS]

    @api.model
    def _get_report_values(self, docids, data=None):
        points = self.env["omiopi.field.point"].browse(docids)
        points.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": "omiopi.field.point",
            "docs": points,
            "offers_for": self._offers_for,
        }
