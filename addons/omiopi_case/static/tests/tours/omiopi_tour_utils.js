// Steps shared by the suite's tours.

// Type in a many-to-one and choose the suggestion.
export function pick(field, text, scope = "") {
    return [
        {
            content: `Type in ${field}`,
            trigger: `${scope} .o_field_widget[name=${field}] input`,
            run: `edit ${text}`,
        },
        {
            content: `Choose ${text}`,
            trigger: `.o-autocomplete--dropdown-item:contains('${text}')`,
            run: "click",
        },
    ];
}
