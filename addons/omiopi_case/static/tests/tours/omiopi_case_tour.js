import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// A technician, working in Spanish, registers a person, opens their case
// file and logs a first attention.
registry.category("web_tour.tours").add("omiopi_case_technician_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Migrant Integration app",
            trigger: ".o_app[data-menu-xmlid='omiopi_case.menu_omiopi_root']",
            run: "click",
        },
        {
            content: "The app opens on the persons served",
            trigger: ".o_breadcrumb:contains('Personas')",
        },
        {
            content: "Register a new person",
            trigger: ".o_control_panel_main_buttons .o_list_button_add",
            run: "click",
        },
        {
            content: "Name typed in capitals",
            trigger: ".o_field_widget[name=name] input",
            run: "edit ROSA ELVIRA QUISPE MAMANI",
        },
        {
            content: "Mobile phone",
            trigger: ".o_field_widget[name=mobile] input",
            run: "edit 612345678",
        },
        ...stepUtils.saveForm(),
        {
            content: "The name was normalised",
            trigger: ".o_field_widget[name=name] input:value(Rosa Elvira Quispe Mamani)",
        },
        {
            content: "Open a case file for the person",
            trigger: "button[name=action_omiopi_open_case]:contains('Abrir expediente')",
            run: "click",
        },
        {
            content: "The case file is for the person",
            trigger: ".o_field_widget[name=partner_id] input:value(Rosa Elvira Quispe Mamani)",
        },
        ...stepUtils.saveForm(),
        {
            content: "The case file got its number",
            trigger: ".o_field_widget[name=name]:contains('/')",
        },
        {
            content: "Add an attention",
            trigger: ".o_field_widget[name=attention_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Area of the attention",
            trigger: ".o_field_widget[name=attention_ids] .o_data_row .o_field_widget[name=area_id] input",
            run: "edit Jurídica",
        },
        {
            content: "Choose the legal area",
            trigger: ".o-autocomplete--dropdown-item:contains('Jurídica y extranjería')",
            run: "click",
        },
        {
            content: "Summary of the attention",
            trigger: ".o_field_widget[name=attention_ids] .o_data_row .o_field_widget[name=summary] input",
            run: "edit Primera entrevista",
        },
        ...stepUtils.saveForm(),
        {
            content: "One attention is counted",
            trigger: "button[name=action_view_attentions] .o_stat_value:contains('1')",
        },
    ],
});
