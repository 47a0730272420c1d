{
    "name": "Migrant Integration: Employers and Training",
    "summary": "Prospectors see the training and certificates of the persons "
    "they may propose for a job",
    "version": "18.0.1.0.0",
    "category": "Services/Migrant Integration",
    "license": "AGPL-3",
    "author": "omiopi",
    "website": "https://github.com/omiopi/omiopi",
    "maintainers": ["omiopi"],
    "development_status": "Alpha",
    "depends": ["omiopi_employer", "omiopi_training"],
    "auto_install": True,
    "data": [
        "security/omiopi_employer_training_security.xml",
        "security/ir.model.access.csv",
        "views/res_partner_views.xml",
    ],
}
