from itertools import count

from odoo.tests import tagged

from odoo.addons.omiopi_case.tests.query_common import QueryCountMixin

from .common import TrainingCommon


@tagged("post_install", "-at_install")
class TestTrainingQueryCounts(QueryCountMixin, TrainingCommon):
    """The enrolments' list and kanban load with a number of SQL queries
    that does not grow with the enrolments behind them (no N+1)."""

    def test_list_and_kanban_do_not_grow_with_the_enrolments(self):
        serial = count()

        def add_enrolments(number):
            for _index in range(number):
                person = self.env["res.partner"].create(
                    {
                        "name": f"Query learner {next(serial)}",
                        "omiopi_is_person": True,
                        "omiopi_office_id": self.organiser.id,
                    }
                )
                self.env["omiopi.training.enrolment"].create(
                    {"edition_id": self.edition.id, "partner_id": person.id}
                )

        self.assert_views_do_not_grow(
            "omiopi.training.enrolment", self.trainer_tech, add_enrolments
        )
