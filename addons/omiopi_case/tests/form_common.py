class FormReadMixin:
    """Read a record as the web client opens it: its form's whole field
    specification, sub-lists included, as the user. A read of a few fields
    misses every list the user cannot read (TESTING.md)."""

    def _view_spec(self, model, user, view_type="form"):
        views = self.env[model].with_user(user).get_views([(False, view_type)])
        described = views["models"]

        def spec(model_name, depth):
            result = {}
            for name, field in described[model_name]["fields"].items():
                relation = field.get("relation")
                if field["type"] == "many2one":
                    result[name] = {"fields": {"display_name": {}}}
                elif relation and relation in described and depth < 2:
                    result[name] = {"fields": spec(relation, depth + 1)}
                elif relation:
                    result[name] = {"fields": {"display_name": {}}}
                else:
                    result[name] = {}
            return result

        return spec(model, 0)

    def open_form(self, record, user):
        """What the form of `record` shows to `user` (raises AccessError
        where the web client would show an access error)."""
        record = record.with_user(user)
        record.invalidate_recordset()
        return record.web_read(self._view_spec(record._name, user))[0]
