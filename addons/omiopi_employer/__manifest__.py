{
    "name": "Migrant Integration: Employers",
    "summary": "Employer prospection on Odoo CRM, job offers, matching of "
    "persons to offers, candidacies and job insertions",
    "version": "18.0.1.0.0",
    "category": "Services/Migrant Integration",
    "license": "AGPL-3",
    "author": "omiopi",
    "website": "https://github.com/omiopi/omiopi",
    "maintainers": ["omiopi"],
    "development_status": "Alpha",
    "depends": ["omiopi_case", "crm", "crm_iap_enrich"],
    "data": [
        "security/omiopi_employer_security.xml",
        "security/ir.model.access.csv",
        "data/crm_team_data.xml",
        "data/omiopi_employer_sector_data.xml",
        "data/omiopi_job_candidacy_reason_data.xml",
        "views/omiopi_employer_sector_views.xml",
        "views/omiopi_job_candidacy_reason_views.xml",
        "views/crm_lead_views.xml",
        "views/omiopi_job_offer_views.xml",
        "views/omiopi_job_candidacy_views.xml",
        "views/omiopi_job_insertion_views.xml",
        "views/res_partner_views.xml",
        "views/omiopi_case_views.xml",
        "wizard/omiopi_job_offer_match_views.xml",
        "views/omiopi_employer_menus.xml",
        "data/res_users_data.xml",
        "data/crm_data.xml",
        # After the menus: the charts link to them.
        "data/spreadsheet_dashboard_data.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/omiopi_employer_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "omiopi_employer/static/tests/tours/*.js",
        ],
    },
}
