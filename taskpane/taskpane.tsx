/**
 * The shared runtime's page: the task pane (React + Fluent UI) beside the custom functions,
 * which the page's other chunk registers. Inside Excel, Office.onReady reports host Excel; in a
 * plain browser it reports no host and the same page builds .xlsx downloads.
 */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { checkRequirements } from "./excel-actions";
import { detectTheme, type Host } from "./environment";
import { loadDarkTheme } from "./theme";

function start(host: Host): void {
  // The templates the open workbook stores go into the catalogue first, whether or not the pane
  // is ever shown: the custom functions in this same runtime read them (src/office/template-store.ts).
  const storedTemplates = host === "excel" ? import(/* webpackChunkName: "template-store" */ "./template-actions").then((m) => m.loadWorkbookTemplates()) : undefined;
  // Handled here too: a failure is the templates panel's to show, and the panel may never be opened.
  storedTemplates?.catch(() => undefined);
  const element = document.getElementById("root");
  if (!element) return;
  const requirements = host === "excel" ? checkRequirements() : undefined;
  const render = () => createRoot(element).render(<App host={host} requirements={requirements} storedTemplates={storedTemplates} />);
  // The dark theme is a chunk of its own (theme.ts): when it is wanted, it is loaded before the
  // first render, so a dark Office never flashes the light pane. If it fails, the light one shows.
  if (detectTheme(host) === "dark") void loadDarkTheme().then(render, render);
  else render();
}

if (typeof Office === "undefined") start(null);
else void Office.onReady((info) => start(info.host === Office.HostType.Excel ? "excel" : null));
