/**
 * A tour step asking for a screenshot for the user guide (`make guide`):
 * the test saves it as docs/guide/img/<name>.png. Without the guide, the
 * step only waits a moment.
 */
export function guideShot(name, trigger = "body") {
    return {
        content: `Screenshot for the guide: ${name}`,
        trigger,
        async run() {
            console.log(`omiopi-guide:${name}`);
            await new Promise((resolve) => setTimeout(resolve, 700));
        },
    };
}
