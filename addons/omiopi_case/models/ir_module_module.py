from odoo import api, models

BASE_MODULE = "omiopi_case"


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    @api.model
    def _load_module_terms(
        self, modules, langs, overwrite=False, imported_module=False
    ):
        """Load this add-on's terms again with the add-ons built on it.

        The fields of this add-on's mixins (age band, gender...) are defined
        here, so their selection labels are this add-on's terms; but the
        labels of a model that inherits them only exist once the add-on of
        that model is installed, after this add-on's terms were loaded. Without
        this, "55 or more" stays English on a candidacy or an enrolment."""
        modules = list(modules)
        if BASE_MODULE not in modules:
            dependents = self.search([("name", "in", modules)]).filtered(
                lambda module: (
                    BASE_MODULE
                    in module.upstream_dependencies(
                        exclude_states=("uninstallable",)
                    ).mapped("name")
                )
            )
            if dependents:
                modules.insert(0, BASE_MODULE)
        return super()._load_module_terms(
            modules, langs, overwrite=overwrite, imported_module=imported_module
        )
