import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// A technician, in Spanish, enrols two persons in a one-seat edition (the
// second goes to the waiting list), takes attendance, completes the first
// enrolment (a certificate is issued) and opens the learners report.

function newEnrolment(person) {
    return [
        {
            content: "New enrolment",
            trigger: ".o_control_panel_main_buttons .o_list_button_add",
            run: "click",
        },
        {
            content: `Person: ${person}`,
            trigger: ".o_field_widget[name=partner_id] input",
            run: `edit ${person}`,
        },
        {
            content: "Choose the person",
            trigger: `.o-autocomplete--dropdown-item:contains('${person}')`,
            run: "click",
        },
        ...stepUtils.saveForm(),
    ];
}

registry.category("web_tour.tours").add("omiopi_training_tour", {
    steps: () => [
        {
            content: "Open the enrolments of the edition",
            trigger: "button[name=action_view_enrolments]",
            run: "click",
        },
        ...newEnrolment("Persona Uno"),
        {
            content: "Select the person",
            trigger: "button[name=action_select]:contains('Seleccionar')",
            run: "click",
        },
        {
            content: "Selected",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Seleccionada')",
        },
        {
            content: "Back to the enrolments",
            trigger: ".o_breadcrumb .breadcrumb-item:nth-last-child(1) a",
            run: "click",
        },
        ...newEnrolment("Persona Dos"),
        {
            content: "The edition is full: waiting list",
            trigger: "button[name=action_waitlist]:contains('Lista de espera')",
            run: "click",
        },
        {
            content: "On the waiting list",
            trigger: ".o_field_widget[name=waiting_position]:contains('1')",
        },
        {
            content: "Back to the edition",
            trigger: ".o_breadcrumb a:contains('Taller de prueba - edición')",
            run: "click",
        },
        {
            content: "Sessions",
            trigger: ".o_notebook .nav-link:contains('Sesiones')",
            run: "click",
        },
        {
            content: "Take attendance of the session",
            trigger: "button[name=action_take_attendance]",
            run: "click",
        },
        {
            content: "Persona Uno was there",
            trigger: ".modal .o_data_row:contains('Persona Uno') .o_field_boolean_toggle input",
            run: "click",
        },
        {
            content: "Save the attendance",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The dialog closes",
            trigger: "body:not(:has(.modal))",
        },
        {
            content: "Open the enrolments again",
            trigger: "button[name=action_view_enrolments]",
            run: "click",
        },
        {
            content: "Open Persona Uno's enrolment",
            trigger: ".o_data_row:contains('Persona Uno') td[name=partner_id]",
            run: "click",
        },
        {
            content: "Complete",
            trigger: "button[name=action_complete]:contains('Completar')",
            run: "click",
        },
        {
            content: "Completed with a certificate",
            trigger: ".o_field_widget[name=certificate_id]:contains('CERT/')",
        },
        {
            content: "The enrolment is completed",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Completada')",
        },
        {
            content: "Open the reports",
            trigger: ".o_menu_sections button:contains('Informes')",
            run: "click",
        },
        {
            content: "Learners per month",
            trigger: ".dropdown-item:contains('Personas en formación por mes')",
            run: "click",
        },
        {
            content: "Not only Spanish classes: remove the default filter",
            trigger: ".o_searchview_facet .o_facet_remove",
            run: "click",
        },
        {
            content: "The workshop's learner is counted",
            trigger: ".o_pivot .o_pivot_cell_value:contains('1')",
        },
    ],
});
