/**
 * The dark theme's chunk (theme.ts loadDarkTheme imports this on demand): its own module, so
 * webpack keeps webDarkTheme and its colour ramps out of the task pane's first load.
 */
export { webDarkTheme } from "@fluentui/react-components";
