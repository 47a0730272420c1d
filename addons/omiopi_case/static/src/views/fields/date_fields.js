import { patch } from "@web/core/utils/patch";
import { exprToBoolean } from "@web/core/utils/strings";
import { dateField, dateTimeField } from "@web/views/fields/datetime/datetime_field";
import {
    listDateField,
    listDateTimeField,
} from "@web/views/fields/datetime/list_datetime_field";

// Case workers read whole dates in every list, and times to the minute:
// Odoo's 80 px date column cuts the year with common fonts, and the seconds
// of an appointment or a decision are noise. A view may still ask for them
// with options="{'show_seconds': True}" or a width.
const DATE_WIDTH = 100;
const DATETIME_WIDTH = 140;

function withoutSeconds(extractProps) {
    return (fieldInfo, dynamicInfo) => ({
        ...extractProps(fieldInfo, dynamicInfo),
        showSeconds: exprToBoolean(fieldInfo.options.show_seconds ?? false),
    });
}

for (const descriptor of [dateField, listDateField]) {
    patch(descriptor, { listViewWidth: DATE_WIDTH });
}
for (const descriptor of [dateTimeField, listDateTimeField]) {
    patch(descriptor, {
        listViewWidth: DATETIME_WIDTH,
        extractProps: withoutSeconds(descriptor.extractProps),
    });
}
