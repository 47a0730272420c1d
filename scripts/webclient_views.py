"""What Odoo's web client derives from a view's XML, without Odoo.

Shared by the benchmark (scripts/bench.py, inside Odoo) and the load test
(scripts/load/, over HTTP): the field specification the client sends to
``web_search_read`` and ``web_read`` for a list, kanban or form view, and the
domains of a search view (what typing in its search box searches, a named
filter). The standard library only: the load test runs outside Odoo's
virtual environment.
"""

import ast
import xml.etree.ElementTree as ET


def spec_from_arch(arch, field_types):
    """The field specification the web client sends for a view: its
    top-level fields (those of x2many sub-views belong to the sub-records),
    many2one with their display name, x2many with theirs and at most 40.

    `field_types` maps each field name of the model to its type (from
    ``env[model]._fields`` or from ``get_views``' ``models``)."""
    spec = {}

    def visit(node):
        for child in node:
            if child.tag == "field":
                add(child.get("name"))
                continue  # its sub-views describe the sub-records
            visit(child)

    def add(name):
        kind = field_types.get(name)
        if kind is None:
            return
        if kind == "many2one":
            spec[name] = {"fields": {"display_name": {}}}
        elif kind in ("one2many", "many2many"):
            spec[name] = {"fields": {"display_name": {}}, "limit": 40}
        else:
            spec[name] = {}

    visit(ET.fromstring(arch))
    return spec


def eval_domain(text, **names):
    """A domain written in a view (a Python literal with free names such as
    ``self`` or ``uid``), with those names replaced by the given values."""
    tree = ast.parse(text.strip(), mode="eval")

    class Replace(ast.NodeTransformer):
        def visit_Name(self, node):
            if node.id not in names:
                raise ValueError(f"unknown name {node.id!r} in domain {text!r}")
            return ast.copy_location(ast.Constant(names[node.id]), node)

    return ast.literal_eval(ast.fix_missing_locations(Replace().visit(tree)))


def search_box_domain(search_arch, text):
    """What typing `text` in a search view's box searches: its first field,
    with the field's filter_domain."""
    field = ET.fromstring(search_arch).find(".//field")
    searched = field.get("filter_domain") or f"[('{field.get('name')}', 'ilike', self)]"
    return eval_domain(searched, self=text)


def search_filter_domain(search_arch, name, uid):
    """The domain of the search view's filter `name` (``search_default_*``)."""
    for node in ET.fromstring(search_arch).iter("filter"):
        if node.get("name") == name:
            return eval_domain(node.get("domain") or "[]", uid=uid)
    raise KeyError(f"no filter {name!r} in the search view")
