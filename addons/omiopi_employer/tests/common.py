from odoo.addons.omiopi_case.tests.common import OmiopiTestCase


class EmployerCommon(OmiopiTestCase):
    """A prospector of an employment agency office (AE), the technicians of
    the office whose persons are referred to it (B) and of an unrelated
    office (C), a company with an open offer asking for Spanish B1, a B
    driving licence and six months of experience, and persons who meet all,
    part or none of it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Office = cls.env["omiopi.office"]
        cls.agency = Office.create({"name": "Employment agency", "code": "EMA"})
        cls.office = Office.create({"name": "Persons office", "code": "EMB"})
        cls.other = Office.create({"name": "Other office", "code": "EMC"})
        group = "omiopi_case.group_omiopi_"
        cls.prospector = cls._user(
            "em_prospector", "omiopi_employer.group_omiopi_prospector", cls.agency
        )
        cls.other_prospector = cls._user(
            "em_prospector_c", "omiopi_employer.group_omiopi_prospector", cls.other
        )
        cls.tech = cls._user("em_tech", group + "technician", cls.office)
        cls.other_tech = cls._user("em_other", group + "technician", cls.other)
        cls.coordinator = cls._user("em_coordinator", group + "coordinator")
        cls.manager = cls._user("em_manager", group + "manager")
        cls.internal = cls._user("em_internal", "base.group_user")

        ref = cls.env.ref
        cls.spanish = ref("omiopi_case.language_es")
        cls.licence_b = ref("omiopi_case.driving_licence_b")
        cls.employment = ref("omiopi_case.area_employment")
        can_work = ref("omiopi_case.legal_situation_residence_work")
        irregular = ref("omiopi_case.legal_situation_irregular")
        cls.company = cls.env["res.partner"].create(
            {"name": "Test Logistics SL", "is_company": True}
        )
        cls.offer = cls.env["omiopi.job.offer"].create(
            {
                "name": "Warehouse operative",
                "partner_id": cls.company.id,
                "office_id": cls.agency.id,
                "user_id": cls.prospector.id,
                "vacancies": 1,
                "contract_type": "temporary",
                "duration_months": 6,
                "experience_months": 6,
                "language_ids": [
                    (0, 0, {"language_id": cls.spanish.id, "level": "b1"})
                ],
                "driving_licence_ids": [(6, 0, cls.licence_b.ids)],
                "state": "open",
            }
        )

        def person(name, office, legal, spanish=None, licence=False, months=0):
            values = {
                "name": name,
                "omiopi_is_person": True,
                "omiopi_office_id": office.id,
                "omiopi_legal_situation_id": legal.id,
                "gender": "female",
                "birthdate_date": "1990-05-01",
            }
            if spanish:
                values["omiopi_language_ids"] = [
                    (0, 0, {"language_id": cls.spanish.id, "level": spanish})
                ]
            if licence:
                values["omiopi_driving_licence_ids"] = [(6, 0, cls.licence_b.ids)]
            if months:
                values["omiopi_experience_ids"] = [
                    (
                        0,
                        0,
                        {
                            "name": "Warehouse",
                            "date_start": "2020-01-01",
                            "date_end": f"2020-{1 + months:02d}-01",
                        },
                    )
                ]
            partner = cls.env["res.partner"].create(values)
            case = cls.env["omiopi.case"].create(
                {
                    "partner_id": partner.id,
                    "office_id": office.id,
                    "user_id": (
                        cls.tech if office == cls.office else cls.other_tech
                    ).id,
                }
            )
            return partner, case

        cls.fit, cls.fit_case = person(
            "Full Match", cls.office, can_work, "c1", True, 8
        )
        cls.partial, cls.partial_case = person(
            "Partial Match", cls.office, can_work, "a1", True
        )
        cls.unfit, cls.unfit_case = person("No Match", cls.office, can_work, "a1")
        cls.irregular, cls.irregular_case = person(
            "No Permit", cls.office, irregular, "b2", True, 8
        )
        cls.closed, cls.closed_case = person("Closed Case", cls.office, can_work, "b2")
        cls.closed_case.write(
            {
                "state": "closed",
                "date_closed": cls.closed_case.date_open,
                "close_reason_id": ref("omiopi_case.close_reason_objectives").id,
            }
        )
        cls.elsewhere, cls.elsewhere_case = person(
            "Other Office", cls.other, can_work, "b2", True, 8
        )
        # Referred to the employment agency: its prospectors see them.
        (cls.fit_case | cls.partial_case | cls.irregular_case)._grant_office_access(
            cls.agency
        )
        cls.fit_case.step_ids = [
            (0, 0, {"name": "Look for a job", "area_id": cls.employment.id}),
        ]

    def _propose(self, person, user=None, offer=None):
        return (
            self.env["omiopi.job.candidacy"]
            .with_user(user or self.prospector)
            .create({"offer_id": (offer or self.offer).id, "partner_id": person.id})
        )
