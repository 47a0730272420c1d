import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";
import { guideShot } from "@omiopi_case/../tests/tours/omiopi_guide";
import { pick } from "@omiopi_case/../tests/tours/omiopi_tour_utils";

// The daily journeys of the referral, each as the demo user of its role,
// on the demo data, in Spanish. Each ends on the screen where the work shows.

const tours = registry.category("web_tour.tours");

// A menu item, and (given its screen's title) the wait for that screen: a
// step must not act on the screen being left.
function menu(section, item, title = null) {
    const steps = [
        {
            content: `Menu ${section}`,
            trigger: `.o_main_navbar [data-menu-xmlid='${section}']`,
            run: "click",
        },
        {
            content: `Menu item ${item}`,
            trigger: `.dropdown-item[data-menu-xmlid='${item}']`,
            run: "click",
        },
    ];
    if (title) {
        steps.push({
            content: `The screen ${title}`,
            trigger: `.o_last_breadcrumb_item:contains('${title}')`,
        });
    }
    return steps;
}

function tab(name) {
    return {
        content: `Tab ${name}`,
        trigger: `.o_notebook .nav-link[name=${name}]`,
        run: "click",
    };
}

function stageIs(name) {
    return {
        content: `The referral is in "${name}"`,
        trigger: `.o_statusbar_status button.o_arrow_button_current:contains('${name}')`,
    };
}

function decide(decision, extraSteps = []) {
    return [
        {
            content: `Decision: ${decision}`,
            trigger: `button[name=action_open_decision]:contains('${decision}')`,
            run: "click",
        },
        ...extraSteps,
        {
            content: "Confirm the decision",
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The dialog closes",
            trigger: "body:not(:has(.modal))",
        },
    ];
}

function comment(text) {
    return {
        content: "Leave a comment",
        trigger: ".modal .o_field_widget[name=comment] textarea",
        run: `edit ${text}`,
    };
}

function openRow(text) {
    return {
        content: `Open ${text}`,
        trigger: `.o_data_row:contains('${text}') td.o_data_cell`,
        run: "click",
    };
}

// 1. A technician's intake and referral: a new person (documents,
// languages, consent recorded before the first save), her case file, an
// attention, the checklist from her record, and a referral to the
// Employment Agency, followed under "My referrals".
tours.add("omiopi_journey_technician", {
    steps: () => [
        {
            content: "The technician lands on her case files",
            trigger: ".o_list_view .o_data_row",
        },
        guideShot("tecnico-01-mis-expedientes"),
        ...menu("omiopi_case.menu_omiopi_persons", "omiopi_case.menu_omiopi_persons_all", "Personas"),
        {
            content: "New person",
            trigger: ".o_control_panel_main_buttons button.o_list_button_add, .o_control_panel_main_buttons button.o-kanban-button-new",
            run: "click",
        },
        {
            content: "Name, as typed on the paper form",
            trigger: ".o_field_widget[name=name] input",
            run: "edit NADIA BENALI",
        },
        {
            content: "Mobile",
            trigger: ".o_field_widget[name=mobile] input",
            run: "edit 612345677",
        },
        tab("id_numbers"),
        {
            content: "Add an identity document",
            trigger: ".o_field_widget[name=id_numbers] .o_field_x2many_list_row_add a",
            run: "click",
        },
        ...pick("category_id", "NIE", ".o_field_widget[name=id_numbers] .o_data_row"),
        {
            content: "Document number",
            trigger: ".o_field_widget[name=id_numbers] .o_data_row .o_field_widget[name=name] input",
            run: "edit Y1234567X",
        },
        tab("omiopi_situation"),
        ...pick("omiopi_legal_situation_id", "Autorización de residencia y trabajo"),
        {
            content: "Record the consent, before the person is saved",
            trigger: ".o_field_widget[name=omiopi_consent_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "The consent form opens",
            trigger: ".modal .o_field_widget[name=scope]",
        },
        {
            content: "Save the consent",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The consent is listed",
            trigger: ".o_field_widget[name=omiopi_consent_ids] .o_data_row",
        },
        tab("omiopi_skills"),
        {
            content: "Add a language",
            trigger: ".o_field_widget[name=omiopi_language_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        ...pick("language_id", "Árabe", ".o_field_widget[name=omiopi_language_ids] .o_data_row"),
        ...stepUtils.saveForm(),
        {
            content: "The name was normalised",
            trigger: ".o_field_widget[name=name] input:value(Nadia Benali)",
        },
        guideShot("tecnico-02-persona"),
        {
            content: "Open a case file",
            trigger: ".o-form-buttonbox button[name=action_omiopi_open_case]",
            run: "click",
        },
        {
            content: "The case file is hers",
            trigger: ".o_field_widget[name=partner_id] input:value(Nadia Benali)",
        },
        ...stepUtils.saveForm(),
        tab("checklist"),
        {
            // The case file starts with what her record answers ("Fill from
            // the person's record" does it again after the record changes).
            content: "Her NIE and work authorisation are already marked",
            trigger: ".o_field_widget[name=checklist_line_ids] .o_data_row:first td[name=status]:contains('Sí')",
        },
        tab("attentions"),
        {
            content: "Log an attention",
            trigger: ".o_field_widget[name=attention_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        ...pick("area_id", "Empleo", ".o_field_widget[name=attention_ids] .o_data_row"),
        {
            content: "What was done",
            trigger: ".o_field_widget[name=attention_ids] .o_data_row .o_field_widget[name=summary] input",
            run: "edit Primera entrevista y valoración",
        },
        ...stepUtils.saveForm(),
        tab("checklist"),
        {
            content: "She brings her census certificate: change that item",
            trigger: ".o_field_widget[name=checklist_line_ids] .o_data_row:eq(1) td[name=status]",
            run: "click",
        },
        {
            content: "Yes",
            trigger: ".o_field_widget[name=checklist_line_ids] .o_selected_row .o_selection_badge:contains('Sí')",
            run: "click",
        },
        {
            content: "The item is answered",
            trigger: ".o_field_widget[name=checklist_line_ids] .o_selected_row .o_selection_badge.active:contains('Sí')",
        },
        ...stepUtils.saveForm(),
        guideShot("tecnico-03-expediente"),
        {
            content: "Refer her to the Employment Agency",
            trigger: ".o_statusbar_buttons button:contains('Derivar')",
            run: "click",
        },
        ...pick("receiving_office_id", "Agencia de Zona Tetuán"),
        {
            content: "Enabling situation",
            trigger: ".o_field_widget[name=reason_ids] .form-check:contains('altamente empleables') input",
            run: "click",
        },
        ...stepUtils.saveForm(),
        tab("person"),
        {
            content: "The referral form shows her answers, from her record",
            trigger: ".o_field_widget[name=person_summary]:contains('Y1234567X')",
        },
        {
            content: "Submit",
            trigger: "button[name=action_submit]",
            run: "click",
        },
        stageIs("Decisión de la coordinación"),
        guideShot("tecnico-04-derivacion"),
        ...menu("omiopi_referral.menu_omiopi_referrals", "omiopi_referral.menu_omiopi_referral_mine", "Mis derivaciones"),
        {
            content: "Her referral is followed under My referrals",
            trigger: ".o_data_row:contains('Nadia Benali'):contains('Decisión de la coordinación')",
        },
        guideShot("tecnico-05-mis-derivaciones"),
    ],
});

// 2. The section head validates the referrals of her agency.
tours.add("omiopi_journey_section_head", {
    steps: () => [
        {
            content: "She lands on the referrals waiting for her decision",
            trigger: ".o_list_view .o_data_row:contains('Wilson Quisbert')",
        },
        guideShot("jefatura-01-por-decidir"),
        openRow("Wilson Quisbert"),
        stageIs("Validación de la jefatura de sección"),
        tab("person"),
        {
            content: "She reads the person's answers",
            trigger: ".o_field_widget[name=person_summary] h5",
        },
        guideShot("jefatura-02-derivacion"),
        ...decide("Aprobar", [comment("Cumple el perfil")]),
        stageIs("Decisión de la coordinación"),
    ],
});

// 3. The coordinator decides and assigns the area, then reads the figures.
tours.add("omiopi_journey_coordinator", {
    steps: () => [
        {
            content: "She lands on the referrals waiting for her decision",
            trigger: ".o_list_view .o_data_row:contains('Olena Kovalenko')",
        },
        guideShot("coordinacion-01-por-decidir"),
        openRow("Olena Kovalenko"),
        stageIs("Decisión de la coordinación"),
        ...decide("Aprobar", [
            ...pick("target_area_id", "Empleo", ".modal"),
            comment("Adelante"),
        ]),
        stageIs("Aceptación del servicio receptor"),
        ...menu("omiopi_case.menu_omiopi_reporting", "omiopi_referral.menu_omiopi_program_report"),
        ...pick("program_id", "Programa Connection", ".modal"),
        {
            content: "The programme's figures",
            trigger: ".modal .o_field_widget[name=report_html] table",
        },
        guideShot("coordinacion-02-informe-programa"),
        {
            content: "Close the report",
            trigger: ".modal-footer button:contains('Cerrar')",
            run: "click",
        },
        {
            content: "The report is closed",
            trigger: "body:not(:has(.modal))",
        },
        // The year's activity report: each figure opens what it counts.
        ...menu("omiopi_case.menu_omiopi_reporting", "omiopi_case.menu_omiopi_activity_report"),
        {
            content: "Compute the current year's figures",
            trigger: ".o_form_view button[name=action_compute]",
            run: "click",
        },
        {
            content: "The persons served open as persons",
            trigger:
                ".o_field_widget[name=line_ids] .o_data_row:contains('Personas atendidas') button[name=action_open_records]",
            run: "click",
        },
        {
            content: "The list of the persons served",
            trigger: ".o_last_breadcrumb_item:contains('Personas atendidas')",
        },
        {
            content: "Real persons in it, read-only: no sample rows, no New button",
            trigger:
                "body:not(:has(.o_view_sample_data)):not(:has(.o_list_button_add)) .o_list_view .o_data_row",
        },
    ],
});

// 4. The receiving office accepts an incoming referral (its person has
// languages recorded), opens its own case file, and closes the referral
// with its outcome.
tours.add("omiopi_journey_receiving", {
    steps: () => [
        ...menu("omiopi_referral.menu_omiopi_referrals", "omiopi_referral.menu_omiopi_referral_decisions", "Derivaciones por decidir"),
        openRow("Lucero Vásquez"),
        stageIs("Aceptación del servicio receptor"),
        tab("person"),
        {
            content: "The receiving office reads the person's languages",
            trigger: ".o_field_widget[name=person_summary] table",
        },
        guideShot("receptor-01-derivacion-entrante"),
        ...decide("Aprobar", [comment("La atendemos el lunes")]),
        stageIs("Seguimiento"),
        {
            content: "Open a case file in our office",
            trigger: "button[name=action_open_receiving_case]",
            run: "click",
        },
        {
            content: "Our case file for the person, opened",
            trigger: ".o_field_widget[name=partner_id]:contains(Lucero Vásquez Torres)",
        },
        {
            content: "Back to the referral",
            trigger: ".o_breadcrumb .breadcrumb-item:contains('DER/') a",
            run: "click",
        },
        ...decide("Cerrar con resultado", [...pick("outcome_id", "Inserción laboral", ".modal")]),
        stageIs("Cerrada"),
        guideShot("receptor-02-cerrada"),
    ],
});

// 4b. The referring technician sees the outcome under My referrals.
tours.add("omiopi_journey_referrer_sees_outcome", {
    steps: () => [
        ...menu("omiopi_referral.menu_omiopi_referrals", "omiopi_referral.menu_omiopi_referral_mine", "Mis derivaciones"),
        openRow("Lucero Vásquez"),
        stageIs("Cerrada"),
        {
            content: "The outcome is on the referral",
            trigger: ".o_field_widget[name=outcome_id]:contains('Inserción laboral')",
        },
        guideShot("tecnico-06-resultado"),
    ],
});
