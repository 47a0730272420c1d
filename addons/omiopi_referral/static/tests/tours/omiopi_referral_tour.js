import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// The pilot's referral, step by step, each by its own user, in Spanish.

function stageIs(name) {
    return {
        content: `The referral is in "${name}"`,
        trigger: `.o_statusbar_status button.o_arrow_button_current:contains('${name}')`,
    };
}

function decide(buttonLabel, extraSteps = []) {
    return [
        {
            content: `Click ${buttonLabel}`,
            trigger: `button[name=action_open_decision]:contains('${buttonLabel}')`,
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

const tours = registry.category("web_tour.tours");

tours.add("omiopi_referral_refer", {
    steps: () => [
        {
            content: "Refer the person from their case file",
            trigger: "button:contains('Derivar')",
            run: "click",
        },
        {
            content: "Receiving service",
            trigger: ".o_field_widget[name=receiving_office_id] input",
            run: "edit Oficina de acogida",
        },
        {
            content: "Choose the OMIOPI office",
            trigger: ".o-autocomplete--dropdown-item:contains('Oficina de acogida')",
            run: "click",
        },
        {
            content: "Enabling situation: arraigo",
            trigger: ".o_field_widget[name=reason_ids] .form-check:contains('arraigo') input",
            run: "click",
        },
        ...stepUtils.saveForm(),
        {
            content: "Submit the referral",
            trigger: "button[name=action_submit]:contains('Enviar')",
            run: "click",
        },
        stageIs("Validación de la jefatura de sección"),
    ],
});

tours.add("omiopi_referral_section_head", {
    steps: () => [
        ...decide("Aprobar", [comment("Cumple el perfil")]),
        stageIs("Decisión de la coordinación"),
    ],
});

tours.add("omiopi_referral_coordinator", {
    steps: () => [
        ...decide("Aprobar", [
            {
                content: "Target area",
                trigger: ".modal .o_field_widget[name=target_area_id] input",
                run: "edit Jurídica",
            },
            {
                content: "Legal and immigration",
                trigger: ".o-autocomplete--dropdown-item:contains('Jurídica y extranjería')",
                run: "click",
            },
            comment("Adelante"),
        ]),
        stageIs("Aceptación del servicio receptor"),
    ],
});

tours.add("omiopi_referral_receiving", {
    steps: () => [
        ...decide("Aprobar", [comment("La atendemos")]),
        stageIs("Seguimiento"),
        {
            content: "Close with an outcome",
            trigger: "button[name=action_open_decision]:contains('Cerrar con resultado')",
            run: "click",
        },
        {
            content: "Outcome",
            trigger: ".modal .o_field_widget[name=outcome_id] input",
            run: "edit Inserción",
        },
        {
            content: "Job insertion",
            trigger: ".o-autocomplete--dropdown-item:contains('Inserción laboral')",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        stageIs("Cerrada"),
    ],
});

tours.add("omiopi_referral_referrer_sees_outcome", {
    steps: () => [
        {
            content: "My referrals show the outcome",
            trigger: ".o_data_row:contains('Inserción laboral') td[name=name]",
            run: "click",
        },
        stageIs("Cerrada"),
        {
            content: "The outcome is on the referral",
            trigger: ".o_field_widget[name=outcome_id]:contains('Inserción laboral')",
        },
    ],
});
