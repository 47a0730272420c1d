import base64
import json

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install", "omiopi_standalone")
class TestDashboards(HttpCase):
    """Every dashboard of the Migrant Integration group (one per installed
    add-on) names fields that exist and opens in the browser."""

    def _dashboards(self):
        return self.env["spreadsheet.dashboard"].search(
            [
                (
                    "dashboard_group_id",
                    "=",
                    self.env.ref("omiopi_case.spreadsheet_dashboard_group_omiopi").id,
                )
            ]
        )

    def test_charts_name_real_fields(self):
        dashboards = self._dashboards()
        self.assertIn(
            self.env.ref("omiopi_case.spreadsheet_dashboard_omiopi_case"), dashboards
        )
        for dashboard in dashboards:
            data = json.loads(base64.b64decode(dashboard.spreadsheet_binary_data))
            for sheet in data["sheets"]:
                for figure in sheet["figures"]:
                    meta = figure["data"]["metaData"]
                    model = self.env[meta["resModel"]]
                    for group_by in meta["groupBy"]:
                        self.assertIn(group_by.split(":")[0], model._fields, group_by)
                    if meta["measure"] != "__count":
                        self.assertIn(meta["measure"], model._fields)
                    # The period filter applies to the chart through a real
                    # date field (a chart of the present state has none).
                    for matching in figure["data"].get("fieldMatching", {}).values():
                        field = model._fields[matching["chain"]]
                        self.assertEqual(field.type, matching["type"])
                    # The chart's query runs.
                    model._read_group(
                        figure["data"]["searchParams"]["domain"],
                        meta["groupBy"],
                        ["__count"],
                    )

    def test_every_dashboard_has_a_period_filter(self):
        for dashboard in self._dashboards():
            data = json.loads(base64.b64decode(dashboard.spreadsheet_binary_data))
            with self.subTest(dashboard=dashboard.name):
                periods = [f for f in data["globalFilters"] if f["type"] == "date"]
                self.assertEqual(len(periods), 1)
                matched = [
                    figure
                    for sheet in data["sheets"]
                    for figure in sheet["figures"]
                    if periods[0]["id"] in figure["data"].get("fieldMatching", {})
                ]
                self.assertTrue(matched)

    def test_dashboards_open_in_the_browser(self):
        user = new_test_user(
            self.env,
            login="dashboard_coordinator",
            groups="omiopi_case.group_omiopi_coordinator",
        )
        self.assertTrue(user)
        for dashboard in self._dashboards():
            with self.subTest(dashboard=dashboard.name):
                self.start_tour(
                    "/odoo/action-spreadsheet_dashboard.ir_actions_dashboard_action"
                    f"?dashboard_id={dashboard.id}",
                    "omiopi_dashboard_tour",
                    login="dashboard_coordinator",
                )
