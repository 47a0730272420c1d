{
    "name": "Migrant Integration: Referrals to Training",
    "summary": "A referral accepted for the training area becomes an "
    "application to a training edition",
    "version": "18.0.1.0.0",
    "category": "Services/Migrant Integration",
    "license": "AGPL-3",
    "author": "omiopi",
    "website": "https://github.com/omiopi/omiopi",
    "maintainers": ["omiopi"],
    "development_status": "Alpha",
    "depends": ["omiopi_referral", "omiopi_training"],
    "auto_install": True,
    "data": [
        "views/omiopi_referral_views.xml",
        "views/omiopi_training_enrolment_views.xml",
    ],
}
