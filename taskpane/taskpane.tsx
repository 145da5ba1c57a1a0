/**
 * The shared runtime's page: the task pane (React + Fluent UI) beside the custom functions,
 * which the page's other chunk registers. Inside Excel, Office.onReady reports host Excel; in a
 * plain browser it reports no host and the same page builds .xlsx downloads.
 */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { checkRequirements } from "./excel-actions";
import type { Host } from "./environment";

function start(host: Host): void {
  const element = document.getElementById("root");
  if (!element) return;
  const requirements = host === "excel" ? checkRequirements() : undefined;
  createRoot(element).render(<App host={host} requirements={requirements} />);
}

if (typeof Office === "undefined") start(null);
else void Office.onReady((info) => start(info.host === Office.HostType.Excel ? "excel" : null));
