from dateutil.relativedelta import relativedelta

from odoo import fields

from odoo.addons.omiopi_case.tests.common import OmiopiTestCase


class ReferralCommon(OmiopiTestCase):
    """An Employment Agency zone agency (with its section head), two OMIOPI
    offices, a user per role, and a person of the agency with a case file and
    a recorded consent. Tests build their own data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Office = cls.env["omiopi.office"]
        cls.agency = Office.create(
            {"name": "Ref agency", "code": "RAG", "office_type": "ae_agency"}
        )
        cls.omiopi = Office.create(
            {"name": "Ref OMIOPI", "code": "ROM", "office_type": "omiopi"}
        )
        cls.other = Office.create(
            {"name": "Ref other", "code": "ROT", "office_type": "omiopi"}
        )
        group = "omiopi_case.group_omiopi_"
        cls.ae_tech = cls._user("ref_ae_tech", group + "technician", cls.agency)
        cls.ae_head = cls._user("ref_ae_head", group + "section_head", cls.agency)
        cls.om_tech = cls._user("ref_om_tech", group + "technician", cls.omiopi)
        cls.other_tech = cls._user("ref_other_tech", group + "technician", cls.other)
        cls.coordinator = cls._user("ref_coordinator", group + "coordinator")
        cls.coordinator_2 = cls._user("ref_coordinator_2", group + "coordinator")
        cls.manager = cls._user("ref_manager", group + "manager")
        cls.agency.manager_id = cls.ae_head

        cls.ref = cls.env.ref
        cls.stage_draft = cls.ref("omiopi_referral.stage_draft")
        cls.stage_head = cls.ref("omiopi_referral.stage_section_head")
        cls.stage_coordinator = cls.ref("omiopi_referral.stage_coordinator")
        cls.stage_acceptance = cls.ref("omiopi_referral.stage_acceptance")
        cls.stage_followup = cls.ref("omiopi_referral.stage_followup")
        cls.stage_closed = cls.ref("omiopi_referral.stage_closed")
        cls.stage_refused = cls.ref("omiopi_referral.stage_refused")
        cls.reason_arraigo = cls.ref("omiopi_referral.reason_arraigo")
        cls.reason_recent = cls.ref("omiopi_referral.reason_first_job_recent")
        cls.area_legal = cls.ref("omiopi_case.area_legal")
        cls.outcome_job = cls.ref("omiopi_referral.outcome_job")
        cls.refuse_profile = cls.ref("omiopi_referral.refuse_reason_profile")

        cls.person = cls._person("Ana Referida", cls.agency, months_in_spain=30)
        cls.case = cls.env["omiopi.case"].create(
            {
                "partner_id": cls.person.id,
                "office_id": cls.agency.id,
                "user_id": cls.ae_tech.id,
            }
        )

    @classmethod
    def _person(
        cls, name, office, months_in_spain=30, situation="residence_work", consent=True
    ):
        today = fields.Date.today()
        person = cls.env["res.partner"].create(
            {
                "name": name,
                "omiopi_is_person": True,
                "omiopi_office_id": office.id,
                "omiopi_arrival_date": today
                - relativedelta(months=months_in_spain, days=2),
                "omiopi_legal_situation_id": cls.env.ref(
                    f"omiopi_case.legal_situation_{situation}"
                ).id,
            }
        )
        if consent:
            cls.env["omiopi.consent"].create(
                {"partner_id": person.id, "scope": "network"}
            )
        return person

    @classmethod
    def _give_dni(cls, person, number="12345678Z"):
        """A Spanish DNI for the person: excluded from the pilot on submission."""
        return cls.env["res.partner.id_number"].create(
            {
                "partner_id": person.id,
                "category_id": cls.env.ref("omiopi_case.id_category_dni").id,
                "name": number,
            }
        )

    def _referral(self, user=None, case=None, receiving=None, reasons=None, **values):
        user = user or self.ae_tech
        case = case or self.case
        return (
            self.env["omiopi.referral"]
            .with_user(user)
            .create(
                {
                    "partner_id": case.partner_id.id,
                    "case_id": case.id,
                    "receiving_office_id": (receiving or self.omiopi).id,
                    "reason_ids": [
                        (
                            6,
                            0,
                            (self.reason_arraigo if reasons is None else reasons).ids,
                        )
                    ],
                    **values,
                }
            )
        )

    def _approve(self, referral, user, area=None, comment="OK"):
        referral.with_user(user)._decide(True, comment, target_area=area)
        referral.invalidate_recordset()

    def _refuse(self, referral, user, reason=None, comment="Not for us"):
        referral.with_user(user)._decide(
            False, comment, refuse_reason=reason or self.refuse_profile
        )
        referral.invalidate_recordset()

    def _accepted_referral(self):
        referral = self._referral()
        referral.with_user(self.ae_tech).action_submit()
        self._approve(referral, self.ae_head)
        self._approve(referral, self.coordinator, area=self.area_legal)
        self._approve(referral, self.om_tech)
        return referral
