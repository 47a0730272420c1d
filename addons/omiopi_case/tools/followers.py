"""Who follows a record of the suite."""

from odoo.exceptions import AccessError

from .bulk import insert_rows, link_rows


def follow_responsibles(records):
    """Make each record's responsible user (`user_id`) follow it: one
    subscription per user for all their records, not one per record (an
    import creates hundreds)."""
    for user in records.user_id:
        subscribe(
            records.filtered(lambda record, user=user: record.user_id == user),
            user.partner_id,
        )


def subscribe(records, partner):
    """`partner` follows `records`, as mail's message_subscribe() makes
    it follow them: the access checked the same way, an archived partner
    left out, the model's default subtypes, existing followers left as
    they are. The followers are written with COPY: mail.followers'
    create() costs a third of a millisecond a follower, and an import of
    10,000 rows makes 20,000 of them."""
    if not records or not partner:
        return
    env = records.env
    adding_current = partner == env.user.partner_id
    if adding_current:
        # as message_subscribe(): following what one may read, or nothing
        try:
            records.check_access("read")
        except AccessError:
            return
    else:
        records.check_access("write")
    # sudo: as message_subscribe() and mail.followers' own create(); the
    # access to the records is checked above
    partner = partner.sudo().filtered("active")
    if not partner:
        return
    Followers = env["mail.followers"].sudo()
    # Followers already there are left as they are. Searched here: mail's
    # own lookup writes the pending values of every partner first (an
    # import's persons, then written twice).
    followed = set(
        Followers.search(
            [
                ("res_model", "=", records._name),
                ("res_id", "in", records.ids),
                ("partner_id", "in", partner.ids),
            ]
        ).mapped("res_id")
    )
    todo = [record_id for record_id in records.ids if record_id not in followed]
    if not todo:  # mail would read an empty list as the model itself (id 0)
        return
    new, _existing = Followers._add_default_followers(
        records._name,
        todo,
        partner.ids,
        customer_ids=[] if adding_current else None,
        check_existing=False,
    )
    rows = [
        dict(values, res_id=res_id)
        for res_id, values_list in new.items()
        for values in values_list
    ]
    subtypes = [values.pop("subtype_ids")[0][2] for values in rows]
    follower_ids = insert_rows(Followers, rows)
    link_rows(
        Followers,
        "subtype_ids",
        [
            (follower_id, subtype_id)
            for follower_id, subtype_ids in zip(follower_ids, subtypes, strict=True)
            for subtype_id in subtype_ids
        ],
    )
    records.invalidate_recordset(
        ["message_follower_ids", "message_partner_ids", "message_is_follower"]
    )
