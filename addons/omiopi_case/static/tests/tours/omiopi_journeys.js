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

// At a field session, on a phone: two people registered with a few data
// and their consent, each marked to complete (seed 004, OMIL en Terreno).
function registerAtThePoint(name, phone, country, request) {
    return [
        {
            content: "Register a person",
            trigger: ".o_form_sheet button[name=action_quick_registration]",
            run: "click",
        },
        {
            content: "Name",
            trigger: ".modal .o_field_widget[name=name] input",
            run: `edit ${name}`,
        },
        {
            content: "Phone",
            trigger: ".modal .o_field_widget[name=phone] input",
            run: `edit ${phone}`,
        },
        {
            content: "Nationality",
            trigger: ".modal .o_field_widget[name=nationality_id] input",
            run: "click",
        },
        {
            content: "Open the search (a magnifier on a phone)",
            trigger: ".modal button:has(.fa-search)",
            run: "click",
        },
        {
            content: `Search ${country}`,
            trigger: ".modal .o_searchview_input",
            run: `edit ${country}`,
        },
        {
            content: "Search",
            trigger: ".modal .o_searchview_input",
            run: "press Enter",
        },
        {
            content: `Choose ${country}`,
            trigger: `.modal .o_kanban_record:contains('${country}')`,
            run: "click",
        },
        {
            content: "What the person asks",
            trigger: ".modal .o_field_widget[name=request] textarea",
            run: `edit ${request}`,
        },
        {
            content: "The person consents, on the paper sheet",
            trigger: ".modal .o_field_widget[name=consent_given] input",
            run: "click",
        },
        {
            content: "Save the registration",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The person is on the session's sheet",
            trigger: `.o_field_widget[name=registration_ids] .o_kanban_record:contains('${name}')`,
        },
    ];
}

tours.add("omiopi_journey_field_phone", {
    steps: () => [
        {
            content: "The session at the point",
            trigger: ".o_form_view .o_field_widget[name=point_id]:contains('La Ventilla')",
        },
        ...registerAtThePoint(
            "Fatou Ndiaye Sarr",
            "633 418 207",
            "Senegal",
            "Busca trabajo de ayudante de cocina"
        ),
        guideShot("terreno-01-sesion"),
        ...registerAtThePoint(
            "Jhon Jairo Ríos",
            "644 902 315",
            "Colombia",
            "Quiere sacar el carné de conducir"
        ),
    ],
});

// Back at the office, a registration taken at the point is completed.
tours.add("omiopi_journey_field_complete", {
    steps: () => [
        {
            content: "The registrations to complete",
            trigger: ".o_list_view .o_data_row:contains('Mamadou Diallo')",
        },
        guideShot("terreno-02-por-completar"),
        {
            content: "Complete the person",
            trigger: ".o_data_row:contains('Mamadou Diallo') button[name=action_open_person]",
            run: "click",
        },
        {
            content: "The person is marked to complete",
            trigger: ".o_form_view .alert-info button[name=action_omiopi_complete_registration]",
        },
        {
            content: "Personal information",
            trigger: ".o_notebook .nav-link[name=personal_information_page]",
            run: "click",
        },
        {
            content: "Gender",
            trigger: ".o_field_widget[name=gender] select",
            run: 'select "male"',
        },
        {
            content: "Date of birth",
            trigger: ".o_field_widget[name=birthdate_date] input",
            run: "edit 14/02/1993",
        },
        ...stepUtils.saveForm(),
        {
            content: "Mark the person as completed",
            trigger: ".o_form_view .alert-info button[name=action_omiopi_complete_registration]",
            run: "click",
        },
        {
            content: "No longer to complete",
            trigger: ".o_form_view:not(:has(.alert-info button[name=action_omiopi_complete_registration]))",
        },
    ],
});
