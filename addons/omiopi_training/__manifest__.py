{
    "name": "Migrant Integration: Training",
    "summary": "Training catalogue, editions, enrolment with selection and waiting "
    "list, attendance and certificates",
    "version": "18.0.1.0.0",
    "category": "Services/Migrant Integration",
    "license": "AGPL-3",
    "author": "omiopi",
    "website": "https://github.com/omiopi/omiopi",
    "maintainers": ["omiopi"],
    "development_status": "Alpha",
    "depends": ["omiopi_case"],
    "data": [
        "security/omiopi_training_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/omiopi_training_reason_data.xml",
        "data/mail_template_data.xml",
        "report/omiopi_training_certificate_report.xml",
        "report/person_cv_report.xml",
        "views/omiopi_training_course_views.xml",
        "views/omiopi_training_edition_views.xml",
        "views/omiopi_training_enrolment_views.xml",
        "views/omiopi_case_views.xml",
        "wizard/omiopi_training_enrolment_wizard_views.xml",
        "views/omiopi_training_menus.xml",
        # After the menus: the charts link to them.
        "data/spreadsheet_dashboard_data.xml",
    ],
    "demo": ["demo/omiopi_training_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "omiopi_training/static/tests/tours/*.js",
        ],
    },
}
