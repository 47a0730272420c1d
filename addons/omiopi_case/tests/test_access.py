import base64
from itertools import count

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import OmiopiCaseCommon

ROLES = ("internal", "portal", "tech_a", "head_a", "tech_b", "coordinator", "manager")

# What each role may do on a record that belongs to office A:
# r read, w write, c create, u unlink ("" = nothing).
# tech_a / head_a work in office A, tech_b in office B; "internal" is an Odoo
# user with no omiopi group. Every cell is checked by test_access_matrix.
MATRIX = {
    #                            internal portal tech_a  head_a  tech_b  coord   manager
    "res.partner":              ("",     "",    "rwc",  "rwc",  "",     "rwc",  "rwcu"),
    "res.partner.id_number":    ("",     "",    "rwc",  "rwc",  "",     "rwc",  "rwcu"),
    "omiopi.person.language":   ("",     "",    "rwcu", "rwcu", "",     "rwcu", "rwcu"),
    "omiopi.person.training":   ("",     "",    "rwcu", "rwcu", "",     "rwcu", "rwcu"),
    "omiopi.person.experience": ("",     "",    "rwcu", "rwcu", "",     "rwcu", "rwcu"),
    "omiopi.consent":           ("",     "",    "rwc",  "rwc",  "",     "rwc",  "rwcu"),
    "omiopi.case":              ("",     "",    "rwc",  "rwc",  "",     "rwc",  "rwcu"),
    "omiopi.case.need":         ("",     "",    "rwcu", "rwcu", "",     "rwcu", "rwcu"),
    "omiopi.case.checklist.line": ("",   "",    "rwc",  "rwc",  "",     "rwc",  "rwcu"),
    "omiopi.case.household":    ("",     "",    "rwcu", "rwcu", "",     "rwcu", "rwcu"),
    "omiopi.itinerary.step":    ("",     "",    "rwc",  "rwc",  "",     "rwc",  "rwcu"),
    "omiopi.attention":         ("",     "",    "rwc",  "rwc",  "",     "rwc",  "rwcu"),
    "omiopi.language.service":  ("",     "",    "rwc",  "rwc",  "",     "rwc",  "rwcu"),
    "omiopi.field.point":       ("",     "",    "rwc",  "rwc",  "",     "rwc",  "rwcu"),
    "omiopi.field.session":     ("",     "",    "rwc",  "rwc",  "",     "rwc",  "rwcu"),
    "omiopi.field.registration": ("",    "",    "rwc",  "rwc",  "",     "rwc",  "rwcu"),
    "omiopi.office":            ("",     "",    "r",    "r",    "r",    "r",    "rwcu"),
    "omiopi.area":              ("",     "",    "r",    "r",    "r",    "r",    "rwcu"),
    "omiopi.checklist.item":    ("",     "",    "r",    "r",    "r",    "r",    "rwcu"),
    "omiopi.legal.situation":   ("",     "",    "r",    "r",    "r",    "r",    "rwcu"),
}  # fmt: skip


class _Rollback(Exception):
    pass


@tagged("post_install", "-at_install")
class TestAccess(OmiopiCaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.serial = count()

    # -- fresh records of office A, made as superuser -------------------------

    def _fresh_person(self):
        return self._person(f"Matrix {next(self.serial)}", self.office_a)

    def _fresh_case(self):
        return self._case(self._fresh_person(), self.office_a, self.tech_a)

    def _new_values(self, model):
        """Values to create a record of `model` for office A."""
        n = next(self.serial)
        env = self.env
        if model == "res.partner":
            return {
                "name": f"New {n}",
                "omiopi_is_person": True,
                "omiopi_office_id": self.office_a.id,
            }
        if model == "res.partner.id_number":
            return {
                "partner_id": self._fresh_person().id,
                "category_id": self.cat_passport.id,
                "name": f"PA{n}",
            }
        if model == "omiopi.person.language":
            return {
                "partner_id": self._fresh_person().id,
                "language_id": env.ref("omiopi_case.language_es").id,
            }
        if model in ("omiopi.person.training", "omiopi.person.experience"):
            return {"partner_id": self._fresh_person().id, "name": f"Line {n}"}
        if model == "omiopi.consent":
            return {"partner_id": self._fresh_person().id}
        if model == "omiopi.case":
            return {
                "partner_id": self._fresh_person().id,
                "office_id": self.office_a.id,
                "user_id": self.tech_a.id,
            }
        if model == "omiopi.case.need":
            dimension = env["omiopi.need.dimension"].create({"name": f"Dimension {n}"})
            return {"case_id": self.case_a.id, "dimension_id": dimension.id}
        if model == "omiopi.case.checklist.line":
            item = env["omiopi.checklist.item"].create({"name": f"Item {n}"})
            return {"case_id": self.case_a.id, "item_id": item.id}
        if model == "omiopi.case.household":
            relative = env["res.partner"].create({"name": f"Relative {n}"})
            return {"case_id": self.case_a.id, "partner_id": relative.id}
        if model == "omiopi.itinerary.step":
            return {
                "case_id": self.case_a.id,
                "name": f"Step {n}",
                "area_id": self.area_legal.id,
            }
        if model == "omiopi.attention":
            return {
                "case_id": self.case_a.id,
                "area_id": self.area_legal.id,
                "summary": f"Attention {n}",
            }
        if model == "omiopi.language.service":
            return {
                "name": f"Letter {n}",
                "office_id": self.office_a.id,
                "language_id": env.ref("omiopi_case.language_ar").id,
                "words": 100,
            }
        if model.startswith("omiopi.field."):
            return self._new_field_values(model, n)
        if model == "omiopi.office":
            return {"name": f"Office {n}", "code": f"O{n}"}
        return {"name": f"Entry {n}"}

    def _new_field_values(self, model, n):
        """A field point, session or registration of office A."""
        env = self.env
        if model == "omiopi.field.point":
            return {"name": f"Point {n}", "office_id": self.office_a.id}
        point = env["omiopi.field.point"].create(
            {"name": f"Point {n}", "office_id": self.office_a.id}
        )
        if model == "omiopi.field.session":
            return {"point_id": point.id, "start": "2026-10-06 08:00:00"}
        session = env["omiopi.field.session"].create(
            {"point_id": point.id, "start": "2026-10-06 08:00:00"}
        )
        return {
            "session_id": session.id,
            "name": f"Registered {n}",
            "request": "Trabajo",
            "consent_given": True,
        }

    def _fresh(self, model):
        if model == "omiopi.case.need":
            return self.case_a.need_ids[:1]
        if model == "omiopi.case.checklist.line":
            return self.case_a.checklist_line_ids[:1]
        return self.env[model].create(self._new_values(model))

    @staticmethod
    def _write_values(model):
        return {
            "res.partner": {"comment": "changed"},
            "res.partner.id_number": {"comment": "changed"},
            "omiopi.person.language": {"level": "b1"},
            "omiopi.consent": {"note": "changed"},
            "omiopi.case": {"description": "changed"},
            "omiopi.case.need": {"note": "changed"},
            "omiopi.case.checklist.line": {"status": "yes"},
            "omiopi.case.household": {"note": "changed"},
            "omiopi.itinerary.step": {"note": "changed"},
            "omiopi.attention": {"note": "changed"},
            "omiopi.language.service": {"note": "changed"},
            "omiopi.field.session": {"note": "changed"},
            "omiopi.field.registration": {"request": "changed"},
        }.get(model, {"name": "changed"})

    # -- one operation, rolled back -------------------------------------------

    def _allowed(self, user, model, operation):
        env = self.env
        try:
            with env.cr.savepoint():
                if operation == "c":
                    env[model].with_user(user).create(self._new_values(model))
                else:
                    record = self._fresh(model).with_user(user)
                    record.invalidate_recordset()
                    if operation == "r":
                        record.read(["display_name"])
                        if not record.search([("id", "=", record.id)]):
                            return False
                    elif operation == "w":
                        record.write(self._write_values(model))
                    else:
                        record.unlink()
                raise _Rollback
        except _Rollback:
            return True
        except AccessError:
            return False
        finally:
            env.invalidate_all()

    def test_access_matrix(self):
        users = {role: getattr(self, role) for role in ROLES}
        mismatches = []
        for model, expected_row in MATRIX.items():
            for role, expected in zip(ROLES, expected_row, strict=True):
                for operation in "rwcu":
                    allowed = self._allowed(users[role], model, operation)
                    if allowed != (operation in expected):
                        mismatches.append(
                            f"{model} {role} {operation}: "
                            f"{'allowed' if allowed else 'refused'}"
                        )
        self.assertFalse(mismatches, "\n".join(mismatches))

    def test_every_omiopi_model_is_in_the_matrix(self):
        # the models this add-on creates; other add-ons check their own
        created = self.env["ir.model.data"].search(
            [("module", "=", "omiopi_case"), ("model", "=", "ir.model")]
        )
        models = (
            self.env["ir.model"]
            .browse(created.mapped("res_id"))
            .filtered(lambda m: m.model.startswith("omiopi.") and not m.transient)
        )
        config = {
            "omiopi.education.level",
            "omiopi.language",
            "omiopi.driving.licence",
            "omiopi.permit",
            "omiopi.district",
            "omiopi.need.dimension",
            "omiopi.case.close.reason",
            "omiopi.mediator",
        }
        abstract = {m for m in models.mapped("model") if self.env[m]._abstract}
        # append-only, written by code: its rights are in test_access_matrix,
        # its behaviour in test_audit
        audit = {"omiopi.access.log"}
        # configuration lists share omiopi.area's access, checked above
        for model in config:
            access = self.env["ir.model.access"]
            self.assertTrue(access.with_user(self.tech_b).check(model, "read", False))
            self.assertFalse(access.with_user(self.tech_b).check(model, "write", False))
            self.assertTrue(
                access.with_user(self.manager).check(model, "unlink", False)
            )
        missing = set(models.mapped("model")) - set(MATRIX) - config - abstract - audit
        self.assertFalse(missing, f"models missing from the access matrix: {missing}")

    # -- the cases the matrix cannot say -------------------------------------

    def test_technician_of_office_b_cannot_read_office_a(self):
        case = self.case_a.with_user(self.tech_b)
        with self.assertRaises(AccessError):
            case.read(["name"])
        with self.assertRaises(AccessError):
            self.person_a.with_user(self.tech_b).read(["name"])
        Case = self.env["omiopi.case"].with_user(self.tech_b)
        self.assertFalse(Case.search([("partner_id.name", "=", self.person_a.name)]))
        self.assertFalse(
            self.env["res.partner"]
            .with_user(self.tech_b)
            .search([("id", "=", self.person_a.id)])
        )

    def test_consent_document_follows_the_person(self):
        consent = self.env["omiopi.consent"].create(
            {
                "partner_id": self.person_a.id,
                "document": base64.b64encode(b"%PDF-1.4 signed"),
                "document_name": "consent.pdf",
            }
        )
        attachment = self.env["ir.attachment"].search(
            [
                ("res_model", "=", "omiopi.consent"),
                ("res_id", "=", consent.id),
                ("res_field", "=", "document"),
            ]
        )
        self.assertEqual(len(attachment), 1)
        self.assertFalse(attachment.public)
        attachment.with_user(self.tech_a).read(["datas"])
        for user in (self.tech_b, self.internal, self.portal):
            with self.assertRaises(AccessError):
                attachment.with_user(user).read(["datas"])

    def test_users_without_omiopi_group_see_contacts_but_no_person(self):
        company = self.env["res.partner"].create(
            {"name": "Some Company", "is_company": True}
        )
        Partner = self.env["res.partner"].with_user(self.internal)
        found = Partner.search([("id", "in", (company | self.person_a).ids)])
        self.assertEqual(found, company)
        self.assertFalse(Partner.search_count([("omiopi_is_person", "=", True)]))

    def test_sensitive_fields_are_limited_to_case_work_roles(self):
        self.person_a.write(
            {"omiopi_legal_notes": "Appeal pending", "omiopi_disability": True}
        )
        self.assertEqual(
            self.person_a.with_user(self.tech_a).omiopi_legal_notes, "Appeal pending"
        )
        company = self.env["res.partner"].create(
            {"name": "Visible Co", "is_company": True}
        )
        for fname in (
            "omiopi_legal_notes",
            "omiopi_disability",
            "omiopi_legal_situation_id",
        ):
            with self.assertRaises(AccessError):
                company.with_user(self.internal).read([fname])
        with self.assertRaises(AccessError):
            self.case_a.with_user(self.internal).read(["legal_notes"])

    def test_joining_an_office_grants_access_at_once(self):
        case = self.case_a.with_user(self.tech_b)
        with self.assertRaises(AccessError):
            case.read(["name"])
        self.office_a.member_ids |= self.tech_b
        case.invalidate_recordset()
        self.assertEqual(case.read(["name"])[0]["name"], self.case_a.name)
        self.office_a.member_ids -= self.tech_b
        case.invalidate_recordset()
        with self.assertRaises(AccessError):
            case.read(["name"])

    def test_coordinator_sees_every_office(self):
        person_b = self._person("Person B", self.office_b)
        case_b = self._case(person_b, self.office_b, self.tech_b)
        Case = self.env["omiopi.case"].with_user(self.coordinator)
        self.assertEqual(
            Case.search([("id", "in", (self.case_a | case_b).ids)]),
            self.case_a | case_b,
        )

    def test_technician_cannot_delete_a_person_or_a_case(self):
        with self.assertRaises(AccessError):
            self.person_a.with_user(self.tech_a).unlink()
        with self.assertRaises(AccessError):
            self.case_a.with_user(self.tech_a).unlink()
