import * as spreadsheet from "@odoo/o-spreadsheet";
// After Odoo's chart types are registered.
import "@spreadsheet/chart/odoo_chart/odoo_bar_chart";
import "@spreadsheet/chart/odoo_chart/odoo_line_chart";

const { chartRegistry } = spreadsheet.registries;

// The dashboards count people, files and vacancies: a chart of whole
// numbers has whole-number ticks (0, 1, 2), never 0,5 steps when its
// figures are small.
for (const type of ["odoo_bar", "odoo_line"]) {
    const item = chartRegistry.get(type);
    const getChartRuntime = item.getChartRuntime;
    chartRegistry.add(type, {
        ...item,
        getChartRuntime(chart, getters) {
            const runtime = getChartRuntime(chart, getters);
            const axis = runtime.chartJsConfig.options.scales?.y;
            const wholeNumbers = runtime.chartJsConfig.data.datasets.every((dataset) =>
                dataset.data.every((value) => value === null || Number.isInteger(value))
            );
            if (axis && wholeNumbers) {
                axis.ticks = { ...axis.ticks, precision: 0 };
            }
            return runtime;
        },
    });
}
