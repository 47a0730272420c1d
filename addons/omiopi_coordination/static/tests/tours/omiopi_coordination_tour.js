import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

const tours = registry.category("web_tour.tours");

// A technician records a meeting of her cases table: its agenda, the
// agreements still open from the last meeting, a case file discussed and an
// agreement that becomes her activity.
tours.add("omiopi_coordination_journey", {
    steps: () => [
        {
            content: "Open the cases table",
            trigger: ".o_data_row:contains('Mesa de casos Norte') td.o_data_cell",
            run: "click",
        },
        {
            content: "Its meetings",
            trigger: ".o-form-buttonbox button[name=action_open_meetings]",
            run: "click",
        },
        {
            content: "The meeting held is listed",
            trigger: ".o_data_row:contains('revisión quincenal')",
        },
        {
            content: "New meeting",
            trigger: ".o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            content: "The table is set",
            trigger: ".o_field_widget[name=table_id] input:value('Mesa de casos Norte')",
        },
        {
            content: "Subject",
            trigger: ".o_field_widget[name=name] input",
            run: "edit Mesa de casos Norte: seguimiento del plan de empleo",
        },
        {
            content: "Agenda",
            trigger: ".o_field_html[name=agenda] .odoo-editor-editable",
            run: "editor Seguimiento de los candidatos al plan de empleo",
        },
        {
            content: "Follow-up of the agreements of the last meeting",
            trigger: ".o_notebook .nav-link[name=follow_up]",
            run: "click",
        },
        {
            content: "The agreement still open is there",
            trigger: ".o_field_widget[name=pending_agreement_ids] .o_data_row:contains('Proponer los dos casos al plan de empleo')",
        },
        {
            content: "Case files discussed",
            trigger: ".o_notebook .nav-link[name=cases]",
            run: "click",
        },
        {
            content: "Add a case file",
            trigger: ".o_field_widget[name=case_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Choose the case file of Mariela",
            trigger: ".modal .o_data_row:contains('Mariela Rondón Quintero') td.o_data_cell",
            run: "click",
        },
        {
            content: "It is listed",
            trigger: ".o_field_widget[name=case_ids] .o_data_row:contains('Mariela Rondón Quintero')",
        },
        {
            content: "Agreements",
            trigger: ".o_notebook .nav-link[name=agreements]",
            run: "click",
        },
        {
            content: "Add an agreement",
            trigger: ".o_field_widget[name=agreement_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "What is agreed",
            trigger: ".o_field_widget[name=agreement_ids] .o_selected_row .o_field_widget[name=name] input",
            run: "edit Acompañar a la entrevista de trabajo",
        },
        ...stepUtils.saveForm(),
        {
            content: "Mark the meeting as held",
            trigger: ".o_form_view button[name=action_hold]",
            run: "click",
        },
        {
            content: "Held",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Celebrada')",
        },
        {
            content: "The agreement is open, with its owner",
            trigger: ".o_field_widget[name=agreement_ids] .o_data_row:contains('Acompañar a la entrevista de trabajo'):contains('Abierto')",
        },
        {
            content: "Open the activities",
            trigger: ".o_menu_systray button:has(i[aria-label='Actividades']), .o_menu_systray button:has(i[aria-label='Activities'])",
            run: "click",
        },
        {
            content: "The agreement is an activity of the technician",
            trigger: ".o-mail-ActivityMenu .o-mail-ActivityGroup:contains('Acuerdo de coordinación')",
        },
    ],
});
