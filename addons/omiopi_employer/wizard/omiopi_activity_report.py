from odoo import models


class OmiopiActivityReport(models.TransientModel):
    """The employment section of the activity report (seed 000: companies
    prospected, itineraries and job insertions)."""

    _inherit = "omiopi.activity.report"

    def _report_sections(self):
        sections = super()._report_sections()
        offers = self._period("date_open") + self._offices("office_id")
        companies = [
            ("omiopi_is_prospection", "=", True),
            ("active", "in", (True, False)),
        ]
        companies += self._period("create_date", is_datetime=True)
        companies += self._offices("omiopi_office_id")
        pipeline = "omiopi_employer.crm_lead_view_list_omiopi_pipeline"
        person = [
            ("age_band", self.env._("Age band")),
            ("nationality_id", self.env._("Nationality")),
        ]
        sections.append(
            {
                "code": "employment",
                "name": self.env._("Employment"),
                "sequence": 40,
                "figures": [
                    {
                        "name": self.env._("Companies prospected"),
                        "model": "crm.lead",
                        "domain": companies,
                        "gender": None,
                        "breakdowns": [
                            ("omiopi_office_id", self.env._("Office")),
                            ("user_id", self.env._("Prospector")),
                            ("stage_id", self.env._("Stage")),
                            ("omiopi_sector_id", self.env._("Sector")),
                        ],
                        "list_view": pipeline,
                    },
                    {
                        # Seed 000: "about 56 companies for each office".
                        "name": self.env._("Companies prospected per office"),
                        "model": "crm.lead",
                        "domain": companies,
                        "gender": None,
                        "average_by": "omiopi_office_id",
                        "breakdowns": [("omiopi_office_id", self.env._("Office"))],
                        "list_view": pipeline,
                    },
                    {
                        "name": self.env._("Job offers"),
                        "model": "omiopi.job.offer",
                        "domain": offers,
                        "gender": None,
                        "breakdowns": [
                            ("sector_id", self.env._("Sector")),
                            ("contract_type", self.env._("Contract type")),
                        ],
                    },
                    {
                        "name": self.env._("Vacancies"),
                        "model": "omiopi.job.offer",
                        "domain": offers,
                        "gender": None,
                        "aggregate": "vacancies:sum",
                        "breakdowns": [("sector_id", self.env._("Sector"))],
                    },
                    {
                        "name": self.env._("Candidacies"),
                        "model": "omiopi.job.candidacy",
                        "domain": self._period("date_proposed")
                        + self._offices("case_office_id"),
                        "gender": "gender",
                        "breakdowns": [("state", self.env._("Status")), *person],
                    },
                    {
                        "name": self.env._("Job insertions"),
                        "model": "omiopi.job.insertion",
                        "domain": self._period("date_start")
                        + self._offices("office_id"),
                        "gender": "gender",
                        "breakdowns": [
                            ("contract_type", self.env._("Contract type")),
                            *person,
                            ("education_level_id", self.env._("Studies")),
                        ],
                    },
                ],
            }
        )
        return sections
