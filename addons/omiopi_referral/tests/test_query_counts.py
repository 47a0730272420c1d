from itertools import count

from odoo.tests import tagged

from odoo.addons.omiopi_case.tests.query_common import QueryCountMixin

from .common import ReferralCommon


@tagged("post_install", "-at_install")
class TestReferralQueryCounts(QueryCountMixin, ReferralCommon):
    """The referrals' list and kanban load with a number of SQL queries that
    does not grow with the referrals behind them (no N+1)."""

    def test_list_and_kanban_do_not_grow_with_the_referrals(self):
        serial = count()

        def add_referrals(number):
            for _index in range(number):
                person = self._person(f"Query referral {next(serial)}", self.agency)
                case = self.env["omiopi.case"].create(
                    {
                        "partner_id": person.id,
                        "office_id": self.agency.id,
                        "user_id": self.ae_tech.id,
                    }
                )
                self._referral(case=case)

        self.assert_views_do_not_grow("omiopi.referral", self.ae_tech, add_referrals)
