import { registry } from "@web/core/registry";
import { guideShot } from "@omiopi_case/../tests/tours/omiopi_guide";

// 5. The prospector's pipeline, on the demo: a company moves on after a
// meeting, one of its offers is matched, a person is proposed, sent to the
// company and hired (with a confirmation).
registry.category("web_tour.tours").add("omiopi_journey_prospector", {
    steps: () => [
        {
            content: "The prospector lands on the companies' pipeline",
            trigger: ".o_kanban_view .o_kanban_record:contains('Supermercados Barrio')",
        },
        {
            content: "No sales figures on the pipeline",
            trigger: ".o_kanban_view:not(:has(.o_kanban_counter .o_kanban_counter_side b:contains('$')))",
        },
        guideShot("prospeccion-01-empresas"),
        {
            content: "Open the company",
            trigger: ".o_kanban_record:contains('Supermercados Barrio')",
            run: "click",
        },
        {
            content: "Agreement reached with the company",
            trigger: ".o_statusbar_status button:contains('Colaboración acordada')",
            run: "click",
        },
        {
            content: "The company moved on",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Colaboración acordada')",
        },
        guideShot("prospeccion-02-empresa"),
        {
            content: "Job offers menu",
            trigger: ".o_main_navbar [data-menu-xmlid='omiopi_employer.menu_omiopi_job_offers'], .o_main_navbar [data-menu-xmlid='omiopi_employer.menu_omiopi_job_offer']",
            run: "click",
        },
        {
            content: "The offers",
            trigger: ".o_data_row:contains('Mozo/a de almacén') td.o_data_cell",
            run: "click",
        },
        {
            content: "Find candidates",
            trigger: "button[name=action_match]",
            run: "click",
        },
        {
            content: "Persons who meet at least one requirement",
            trigger: ".modal .o_field_widget[name=line_ids] .o_data_row",
        },
        guideShot("prospeccion-03-candidaturas-posibles"),
        {
            content: "Tick the best match",
            trigger: ".modal .o_field_widget[name=line_ids] .o_data_row:first .o_field_boolean_toggle input",
            run: "click",
        },
        {
            content: "Propose",
            trigger: ".modal button[name=action_propose]",
            run: "click",
        },
        {
            content: "Open the candidacy",
            trigger: ".o_view_controller.o_list_view .o_data_row td.o_data_cell",
            run: "click",
        },
        {
            content: "The candidate's profile is one click away",
            trigger: "button[name=action_open_candidate]",
        },
        {
            content: "Send it to the company",
            trigger: "button[name=action_send]",
            run: "click",
        },
        {
            content: "The company hires the person",
            trigger: "button[name=action_hire]",
            run: "click",
        },
        {
            content: "Confirm the hire",
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "The job insertion is recorded",
            trigger: ".o_form_view .o_field_widget[name=source]",
        },
        guideShot("prospeccion-04-insercion"),
    ],
});
