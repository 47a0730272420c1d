from contextlib import suppress

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import OmiopiCaseCommon
from .figures_common import StoredFigureChecks

# Values a caller may type in a search box, or send over RPC, that are not
# what a search expects.
BAD_SEARCH_VALUES = ("abc", 10**30, -5, 3.5, [1, "x"], {"a": 1}, None, True)
SEARCH_OPERATORS = ("=", "!=", ">=", "<", "in", "ilike")


def _is_suite_field(field):
    """A field this suite defines (not one of Odoo's on a model of ours)."""
    if not any(module.startswith("omiopi") for module in field._modules or ()):
        return False
    return field.model_name.startswith("omiopi.") or field.name.startswith("omiopi_")


@tagged("post_install", "-at_install")
class TestIntegrity(OmiopiCaseCommon):
    """Properties of the suite's fields, walked from the registry so that a
    new model or field is covered: derived data inherits the groups of what
    it derives from, custom searches refuse bad input with a clear message,
    and a person is never named to a user who may not read them."""

    def _users_allowed(self, groups):
        """The groups (records) whose members may read a field of `groups`
        (a negated group, "!xmlid", restricts nothing more here)."""
        return self.env["res.groups"].union(
            *(
                self.env.ref(xmlid.strip(), raise_if_not_found=False)
                or self.env["res.groups"]
                for xmlid in groups.split(",")
                if not xmlid.strip().startswith("!")
            )
        )

    def _implies(self, groups, required):
        """Every member of one of `groups` is a member of one of `required`."""
        return all((group | group.trans_implied_ids) & required for group in groups)

    def test_fields_derived_from_restricted_data_carry_its_groups(self):
        registry = self.env.registry
        checked = 0
        for model_name in registry:
            for field in registry[model_name]._fields.values():
                if not field.groups or field.groups == "base.group_no_one":
                    continue
                if not any(
                    _is_suite_field(dependent)
                    for dependent in registry.get_dependent_fields(field)
                ) and not _is_suite_field(field):
                    continue
                required = self._users_allowed(field.groups)
                todo, seen = [field], set()
                while todo:
                    source = todo.pop()
                    for dependent in registry.get_dependent_fields(source):
                        if dependent in seen:
                            continue
                        seen.add(dependent)
                        todo.append(dependent)
                        if not _is_suite_field(dependent):
                            continue
                        checked += 1
                        with self.subTest(field=str(field), dependent=str(dependent)):
                            self.assertTrue(
                                dependent.groups,
                                f"{dependent} derives from {field} "
                                f"({field.groups}) and has no groups",
                            )
                            self.assertTrue(
                                self._implies(
                                    self._users_allowed(dependent.groups), required
                                ),
                                f"{dependent} ({dependent.groups}) is readable "
                                f"beyond {field} ({field.groups})",
                            )
        self.assertTrue(checked, "no derived field was checked")

    def test_custom_searches_refuse_bad_input_clearly(self):
        registry = self.env.registry
        checked = 0
        for model_name in registry:
            Model = self.env[model_name].with_user(self.coordinator)
            if Model._abstract or not Model.has_access("read"):
                continue
            for name, field in Model._fields.items():
                if field.store or field.related or not isinstance(field.search, str):
                    continue
                # the suite's own search methods, not Odoo's
                method = getattr(type(Model), field.search, None)
                if not getattr(method, "__module__", "").startswith(
                    "odoo.addons.omiopi"
                ):
                    continue
                for operator in SEARCH_OPERATORS:
                    for value in BAD_SEARCH_VALUES:
                        checked += 1
                        # a result or a clear refusal; any other error fails
                        with (
                            self.subTest(
                                model=model_name, field=name, op=operator, value=value
                            ),
                            suppress(UserError, ValidationError),
                            self.env.cr.savepoint(),
                        ):
                            Model.search([(name, operator, value)], limit=1)
        self.assertTrue(checked, "no custom search was tried")

    def test_months_in_spain_search_says_what_it_expects(self):
        Partner = self.env["res.partner"].with_user(self.tech_a)
        for value in ("seis", 10**12, -1):
            with self.subTest(value=value), self.assertRaises(UserError):
                Partner.search([("omiopi_months_in_spain", ">=", value)])
        self.assertIn(
            self.person_a,
            Partner.search([("omiopi_months_in_spain", ">=", 0)])
            | Partner.search([("omiopi_arrival_date", "=", False)]),
        )

    def test_a_person_is_never_named_to_who_may_not_read_them(self):
        """Odoo shows a linked record's name as superuser (a many2one's
        label, a follower, an attendee): a person the user may not read is
        shown without their name."""
        person_b = self._person("Persona Oculta", self.office_b)
        label = person_b.with_user(self.tech_a).sudo().display_name
        self.assertNotIn("Oculta", label)
        self.assertIn(
            "Oculta", person_b.with_user(self.coordinator).sudo().display_name
        )
        self.assertIn("Amina", self.person_a.with_user(self.tech_a).sudo().display_name)
        # Through the label of a many2one read by the web client.
        event = (
            self.env["calendar.event"]
            .with_user(self.tech_a)
            .create({"name": "Cita", "partner_ids": [(4, person_b.id)]})
        )
        values = event.with_user(self.tech_a).web_read(
            {
                "attendee_ids": {
                    "fields": {"partner_id": {"fields": {"display_name": {}}}}
                }
            }
        )
        names = [a["partner_id"]["display_name"] for a in values[0]["attendee_ids"]]
        self.assertTrue(names)
        self.assertFalse([n for n in names if "Oculta" in n], names)

    def test_sharing_a_case_file_gives_reading_only(self):
        self.case_a._grant_office_access(self.office_b)
        person = self.person_a.with_user(self.tech_b)
        person.invalidate_recordset()
        self.assertEqual(person.read(["name"])[0]["name"], "Amina Test")
        with self.assertRaises(AccessError):
            person.write({"email": "changed@example.org"})
        language = self.env["omiopi.person.language"].create(
            {
                "partner_id": self.person_a.id,
                "language_id": self.env.ref("omiopi_case.language_fr").id,
            }
        )
        language.with_user(self.tech_b).read(["level"])
        with self.assertRaises(AccessError):
            language.with_user(self.tech_b).write({"level": "c2"})
        with self.assertRaises(AccessError):
            language.with_user(self.tech_b).unlink()
        with self.assertRaises(AccessError):
            self.env["omiopi.consent"].with_user(self.tech_b).create(
                {"partner_id": self.person_a.id}
            )
        with self.assertRaises(AccessError):
            self.case_a.with_user(self.tech_b).write({"description": "Mine now"})


@tagged("post_install", "-at_install")
class TestStoredFigures(StoredFigureChecks, OmiopiCaseCommon):
    """The figures of case files and persons are the same whoever triggers
    their computation (a technician of another office reads only what
    the rules let them)."""

    FIGURES_MODULE = "omiopi_case"
    STORED_FIGURES = {
        "omiopi.case.attention_count": "test_case_figures",
        "omiopi.case.last_attention_date": "test_case_figures",
        "omiopi.case.intervention_done_count": "test_case_figures",
        "omiopi.case.readiness": "test_case_figures",
        "res.partner.omiopi_experience_spain_months": "test_person_figures",
        "res.partner.omiopi_consent_state": "test_person_figures",
        "res.partner.omiopi_consent_date": "test_person_figures",
        "res.partner.omiopi_search_text": "test_person_figures",
        "res.partner.omiopi_to_complete": "test_to_complete_flag",
    }

    def _prime(self, records, user, *names):
        """Fill the shared cache with what `user` reads of `names`."""
        for name in names:
            records.with_user(user).mapped(name)

    def test_case_figures(self):
        self.case_a._grant_office_access(self.office_b)
        self._prime(
            self.case_a,
            self.tech_b,
            "attention_ids",
            "step_ids",
            "checklist_line_ids",
        )
        case = self.case_a.with_user(self.tech_a)
        self.env["omiopi.attention"].with_user(self.tech_a).create(
            [
                {"case_id": case.id, "area_id": self.area_legal.id, "summary": s}
                for s in ("Primera", "Segunda")
            ]
        )
        self.env["omiopi.itinerary.step"].with_user(self.tech_a).create(
            {
                "case_id": case.id,
                "name": "CV",
                "area_id": self.area_employment.id,
                "state": "done",
            }
        )
        case.checklist_line_ids[:2].write({"status": "yes"})
        stored = self.assert_figures_as_recomputed(
            self.case_a,
            "attention_count",
            "last_attention_date",
            "intervention_done_count",
            "readiness",
        )
        self.assertEqual(stored["attention_count"], [2])
        self.assertEqual(stored["intervention_done_count"], [1])
        self.assertGreater(stored["readiness"][0], 0)

    def test_person_figures(self):
        self.case_a._grant_office_access(self.office_b)
        self._prime(
            self.person_a,
            self.tech_b,
            "omiopi_experience_ids",
            "omiopi_consent_ids",
            "id_numbers",
        )
        person = self.person_a.with_user(self.tech_a)
        person.write(
            {
                "omiopi_experience_ids": [
                    (0, 0, {"name": "Limpieza", "months": 10, "in_spain": True})
                ],
                "omiopi_consent_ids": [(0, 0, {"scope": "network"})],
                "id_numbers": [
                    (0, 0, {"category_id": self.cat_nie.id, "name": "X7777777M"})
                ],
            }
        )
        stored = self.assert_figures_as_recomputed(
            self.person_a,
            "omiopi_experience_spain_months",
            "omiopi_consent_state",
            "omiopi_consent_date",
            "omiopi_search_text",
        )
        self.assertEqual(stored["omiopi_experience_spain_months"], [10])
        self.assertEqual(stored["omiopi_consent_state"], ["given"])
        self.assertIn("X7777777M", stored["omiopi_search_text"][0])

    def test_to_complete_flag(self):
        registration = self._field_registration(self.office_a, "Registrada")
        person = registration.partner_id
        case = self._case(person, self.office_a, self.tech_a)
        case._grant_office_access(self.office_b)
        person.write(
            {
                "gender": "female",
                "birthdate_date": "1990-01-01",
                "nationality_id": self.env.ref("base.ma").id,
            }
        )
        registration.with_user(self.tech_a).action_complete()
        self.assertFalse(person.omiopi_to_complete)
        # Office B reads the person, not the registration made at A's point:
        # the flag computed while its cache holds B's view stays right.
        self._prime(person, self.tech_b, "omiopi_field_registration_ids")
        registration._omiopi_procedure("state").write({"state": "to_complete"})
        stored = self.assert_figures_as_recomputed(person, "omiopi_to_complete")
        self.assertEqual(stored["omiopi_to_complete"], [True])
