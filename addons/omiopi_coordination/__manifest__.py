{
    "name": "Migrant Integration: Coordination tables",
    "summary": "Coordination tables of programme, projects and cases, their "
    "meetings in the calendar, and agreements followed up as activities",
    "version": "18.0.1.0.0",
    "category": "Services/Migrant Integration",
    "license": "AGPL-3",
    "author": "omiopi",
    "website": "https://github.com/omiopi/omiopi",
    "maintainers": ["omiopi"],
    "development_status": "Alpha",
    "depends": ["omiopi_case"],
    "data": [
        "security/omiopi_coordination_security.xml",
        "security/ir.model.access.csv",
        "views/omiopi_coordination_table_views.xml",
        "views/omiopi_coordination_meeting_views.xml",
        "views/omiopi_coordination_agreement_views.xml",
        "views/omiopi_coordination_menus.xml",
        # After the menus: the charts link to them.
        "data/spreadsheet_dashboard_data.xml",
    ],
    "demo": ["demo/omiopi_coordination_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "omiopi_coordination/static/tests/tours/*.js",
        ],
    },
}
