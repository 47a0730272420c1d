from itertools import count

from odoo.tests import tagged

from odoo.addons.omiopi_case.tests.query_common import QueryCountMixin

from .common import EmployerCommon


@tagged("post_install", "-at_install")
class TestEmployerQueryCounts(QueryCountMixin, EmployerCommon):
    """The candidacies' list and kanban load with a number of SQL queries
    that does not grow with the candidacies behind them (no N+1)."""

    def test_list_and_kanban_do_not_grow_with_the_candidacies(self):
        serial = count()
        can_work = self.env.ref("omiopi_case.legal_situation_residence_work")

        def add_candidacies(number):
            for _index in range(number):
                person = self.env["res.partner"].create(
                    {
                        "name": f"Query candidate {next(serial)}",
                        "omiopi_is_person": True,
                        "omiopi_office_id": self.office.id,
                        "omiopi_legal_situation_id": can_work.id,
                    }
                )
                case = self.env["omiopi.case"].create(
                    {"partner_id": person.id, "office_id": self.office.id}
                )
                # Referred to the agency: its prospector may propose them.
                case._grant_office_access(self.agency)
                self._propose(person)

        self.assert_views_do_not_grow(
            "omiopi.job.candidacy", self.prospector, add_candidacies
        )
