"""Who follows a record of the suite."""


def follow_responsibles(records):
    """Make each record's responsible user (`user_id`) follow it: one
    subscription per user for all their records, not one per record (an
    import creates hundreds)."""
    for user in records.user_id:
        records.filtered(
            lambda record, user=user: record.user_id == user
        ).message_subscribe(partner_ids=user.partner_id.ids)
