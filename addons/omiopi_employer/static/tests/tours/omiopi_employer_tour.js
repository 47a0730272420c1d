import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// A prospector, in Spanish, moves a company to "meeting held", records a job
// offer from it, matches and proposes a person, sends the candidacy to the
// company and records the hire.
registry.category("web_tour.tours").add("omiopi_employer_prospection_tour", {
    steps: () => [
        {
            content: "Meeting held with the company",
            trigger: ".o_statusbar_status button:contains('Reunión realizada')",
            run: "click",
        },
        {
            content: "The company is at the new stage",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Reunión realizada')",
        },
        {
            content: "Open the company's job offers",
            trigger: "button[name=action_view_omiopi_job_offers]",
            run: "click",
        },
        {
            content: "New job offer",
            trigger: ".o_control_panel_main_buttons .o_list_button_add",
            run: "click",
        },
        {
            content: "Position",
            trigger: ".o_field_widget[name=name] input",
            run: "edit Camarero/a de sala",
        },
        ...stepUtils.saveForm(),
        {
            content: "Open the offer",
            trigger: "button[name=action_open]:contains('Publicar')",
            run: "click",
        },
        {
            content: "Find candidates",
            trigger: "button[name=action_match]:contains('Buscar candidaturas')",
            run: "click",
        },
        {
            content: "Tick the matched person",
            trigger: ".modal .o_data_row:contains('Candidata Tour') .o_field_boolean_toggle input",
            run: "click",
        },
        {
            content: "Propose",
            trigger: ".modal button[name=action_propose]",
            run: "click",
        },
        {
            content: "Open the candidacy",
            trigger: ".o_data_row:contains('Candidata Tour') td[name=offer_id]",
            run: "click",
        },
        {
            content: "Send it to the company",
            trigger: "button[name=action_send]:contains('Enviar a la empresa')",
            run: "click",
        },
        {
            content: "Sent",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Enviada a la empresa')",
        },
        {
            content: "The company hires the person",
            trigger: "button[name=action_hire]:contains('Registrar la contratación')",
            run: "click",
        },
        {
            content: "Confirm the hire",
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "The job insertion is recorded",
            trigger: ".o_form_view .o_field_widget[name=source]:contains('Candidatura')",
        },
    ],
});

// The technician of the case file sees the hire on the case.
registry.category("web_tour.tours").add("omiopi_employer_case_tour", {
    steps: () => [
        {
            content: "One job insertion on the case file",
            trigger: "button[name=action_view_insertions] .o_stat_value:contains('1')",
        },
        {
            content: "Employment tab",
            trigger: ".o_notebook .nav-link:contains('Empleo')",
            run: "click",
        },
        {
            content: "The job is listed",
            trigger: ".o_field_widget[name=insertion_ids] .o_data_row:contains('Camarero/a de sala')",
        },
    ],
});
