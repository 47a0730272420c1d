"""Checks shared by every add-on's activity-report tests: each figure opens
exactly the records it counts."""


class FigureChecks:
    def assertFiguresOpenWhatTheyCount(self, report, section=None):
        """For every figure (of `section`, or all), the records its button
        opens, searched as the report's user, give the figure back: their
        number, the sum of the field summed, or their number over the groups
        they fall in (months, offices). The list is read-only and never shows
        sample rows."""
        user = report.create_uid
        lines = report.line_ids.filtered(
            lambda line: not section or line.section_code == section
        )
        self.assertTrue(lines, f"no figure in section {section}")
        for line in lines:
            action = line.action_open_records()
            self.assertIs(action["useSampleModel"], False, line.name)
            self.assertIs(action["context"]["create"], False, line.name)
            records = (
                self.env[action["res_model"]]
                .with_user(user)
                .with_context(**action["context"])
                .search(action["domain"])
            )
            kind, _sep, field = line.measure.partition(":")
            if kind == "sum":
                value = sum(records.mapped(field))
            elif kind == "average_by":
                groups = {record[field] for record in records}
                value = len(records) / len(groups) if groups else 0
            else:
                self.assertEqual(kind, "count", line.name)
                value = len(records)
            self.assertAlmostEqual(value, line.total, places=2, msg=line.name)
            view_id = action["views"][0][0]
            if line.open_view:
                self.assertEqual(view_id, self.env.ref(line.open_view).id, line.name)
