import { registry } from "@web/core/registry";
import "@web/webclient/user_menu/user_menu_items";

// The user menu of a public service: no links to Odoo's documentation,
// support or odoo.com account, which its users have nothing to do with.
const userMenuItems = registry.category("user_menuitems");
for (const key of ["documentation", "support", "odoo_account"]) {
    if (userMenuItems.contains(key)) {
        userMenuItems.remove(key);
    }
}
