import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";
import { guideShot } from "@omiopi_case/../tests/tours/omiopi_guide";
import { pick } from "@omiopi_case/../tests/tours/omiopi_tour_utils";

const tours = registry.category("web_tour.tours");

// On a phone a many-to-one opens a search screen of cards.
function pickOnPhone(field, text, scope = "") {
    return [
        {
            content: `Open ${field}`,
            trigger: `${scope} .o_field_widget[name=${field}] input`,
            run: "click",
        },
        {
            content: `Choose ${text}`,
            trigger: `.modal .o_kanban_record:contains('${text}')`,
            run: "click",
        },
    ];
}

// 6. The omiopi administrator gives a new technician her role and office,
// without being an Odoo administrator and without Odoo's own users.
tours.add("omiopi_journey_administrator", {
    steps: () => [
        {
            content: "The administrator lands on the offices",
            trigger: ".o_list_view .o_data_row:contains('Oficina Norte')",
        },
        guideShot("administracion-01-oficinas"),
        {
            content: "Configuration menu",
            trigger: ".o_main_navbar [data-menu-xmlid='omiopi_case.menu_omiopi_config']",
            run: "click",
        },
        {
            content: "Users",
            trigger: ".dropdown-item[data-menu-xmlid='omiopi_case.menu_omiopi_users']",
            run: "click",
        },
        {
            content: "The suite's users, not Odoo's",
            trigger: ".o_list_view .o_data_row:contains('Lucía Romero')",
        },
        {
            content: "New user",
            trigger: ".o_control_panel_main_buttons button.o_list_button_add",
            run: "click",
        },
        {
            content: "Name",
            trigger: ".o_field_widget[name=name] input",
            run: "edit Inés Navarro Gil",
        },
        {
            content: "Login",
            trigger: ".o_field_widget[name=login] input",
            run: "edit ines.navarro@example.org",
        },
        {
            content: "Role",
            trigger: ".o_field_widget[name=omiopi_role] select",
            run: 'select "technician"',
        },
        ...pick("omiopi_office_ids", "Oficina Norte"),
        ...stepUtils.saveForm(),
        guideShot("administracion-02-usuaria"),
        {
            content: "Back to the users",
            trigger: ".o_breadcrumb li.breadcrumb-item:not(.active) a",
            run: "click",
        },
        {
            content: "The new technician is listed with her role",
            trigger: ".o_data_row:contains('Inés Navarro Gil'):contains('Técnico')",
        },
    ],
});

// 7. On a phone (390 px), in a neighbourhood: a technician registers a
// person, opens her case file and logs the attention.
tours.add("omiopi_journey_phone", {
    steps: () => [
        {
            content: "The persons",
            trigger: ".o_control_panel",
        },
        {
            content: "New person",
            trigger: ".o_control_panel button.o_list_button_add, .o_control_panel button.o-kanban-button-new",
            run: "click",
        },
        {
            content: "Name",
            trigger: ".o_field_widget[name=name] input",
            run: "edit FÁTIMA ZAHRA OUALI",
        },
        {
            content: "Mobile",
            trigger: ".o_field_widget[name=mobile] input",
            run: "edit 622334455",
        },
        ...stepUtils.saveForm(),
        guideShot("movil-01-persona"),
        {
            content: "The smart buttons, behind the bolt on a phone",
            trigger: ".o-form-buttonbox .o_button_more",
            run: "click",
        },
        {
            content: "Open a case file",
            trigger: ".o-form-buttonbox-small button[name=action_omiopi_open_case]",
            run: "click",
        },
        ...stepUtils.saveForm(),
        {
            content: "Attentions",
            trigger: ".o_notebook .nav-link[name=attentions]",
            run: "click",
        },
        {
            content: "Add an attention",
            trigger: ".o_field_widget[name=attention_ids] .o-kanban-button-new, .o_field_widget[name=attention_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        ...pickOnPhone("area_id", "Acogida", ".modal"),
        {
            content: "What was done",
            trigger: ".modal .o_field_widget[name=summary] input",
            run: "edit Registro en el punto del barrio",
        },
        {
            content: "Save the attention",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The attention is a card",
            trigger: ".o_field_widget[name=attention_ids] .o_kanban_record:contains('Registro en el punto del barrio')",
        },
        ...stepUtils.saveForm(),
        guideShot("movil-02-expediente"),
    ],
});

// A technician makes the CV of a person with work experience and languages,
// from the person's data, and keeps it on the person.
tours.add("omiopi_journey_cv", {
    steps: () => [
        {
            content: "Open the person",
            trigger: ".o_data_row:contains('Yoselin Gómez Páez') td.o_data_cell",
            run: "click",
        },
        {
            content: "The person's work experience is there",
            trigger: ".o_form_view .o_notebook .nav-link[name=omiopi_experience]",
        },
        {
            content: "Attach the CV made from her data",
            trigger: ".o_form_view button[name=action_omiopi_attach_cv]",
            run: "click",
        },
        {
            content: "The CV is in the chatter",
            trigger: ".o-mail-Chatter .o-mail-AttachmentCard:contains('CV Yoselin Gómez Páez')",
        },
    ],
});

// A technician books an Arabic mediator for a person's appointment: the
// person's language and a mediator who speaks it are proposed.
tours.add("omiopi_journey_mediation", {
    steps: () => [
        {
            content: "New translation, interpretation or mediation",
            trigger: ".o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            content: "A cultural mediation",
            trigger: ".o_field_widget[name=service_type] input[data-value=mediation]",
            run: "click",
        },
        {
            content: "What it is for",
            trigger: ".o_field_widget[name=name] input",
            run: "edit Cita con la trabajadora social",
        },
        ...pick("partner_id", "Fátima Zahra Bennani"),
        {
            content: "Her language is proposed",
            trigger: ".o_field_widget[name=language_id] input:value('Árabe')",
        },
        {
            content: "And a mediator who speaks it",
            trigger: ".o_field_widget[name=mediator_id] input:value('Amina Belhaj')",
        },
        {
            content: "The time of the appointment",
            trigger: ".o_field_widget[name=appointment] input",
            run: "edit 15/12/2026 10:00:00",
        },
        {
            content: "How long",
            trigger: ".o_field_widget[name=minutes] input",
            run: "edit 45",
        },
        ...stepUtils.saveForm(),
        {
            content: "Book the mediator",
            trigger: ".o_form_view button[name=action_book]",
            run: "click",
        },
        {
            content: "The appointment is in the calendar",
            trigger: ".o_form_view .o_field_widget[name=calendar_event_id]:contains('Mediación')",
        },
    ],
});
