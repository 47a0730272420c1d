"""The referral activity types lose their default summary: a summary is stored
in the language of whoever schedules the activity (English for the demo's and
the cron's), while the type's name shows in each reader's language."""

from odoo import SUPERUSER_ID, api

TYPES = (
    "omiopi_referral.mail_activity_type_referral_decision",
    "omiopi_referral.mail_activity_type_referral_followup",
)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid in TYPES:
        activity_type = env.ref(xmlid, raise_if_not_found=False)
        if not activity_type:
            continue
        activity_type.summary = False
        env["mail.activity"].search(
            [("activity_type_id", "=", activity_type.id)]
        ).summary = False
