import { registry } from "@web/core/registry";

// A dashboard of the Migrant Integration group opens and draws its charts
// (the test opens each one by its id; an error dialog fails the tour).
registry.category("web_tour.tours").add("omiopi_dashboard_tour", {
    steps: () => [
        {
            content: "The dashboard is listed in the Migrant Integration group",
            trigger: ".o_search_panel_category_value.active",
        },
        {
            content: "Its charts are drawn",
            trigger: ".o_spreadsheet_dashboard_action .o-figure canvas",
        },
        {
            content: "No error",
            trigger: "body:not(:has(.o_error_dialog))",
        },
    ],
});
