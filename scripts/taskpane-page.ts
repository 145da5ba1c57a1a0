import { FUNCTION_STRINGS, type FunctionStrings } from "../functions/strings";

/**
 * The task pane's list of functions, rendered at build time from functions/strings.ts into
 * taskpane.html, so the page needs no script to show it (and its Content-Security-Policy can
 * forbid inline code).
 */
type Lang = "zh" | "en";

export function functionListHtml(lang: Lang, functions: readonly FunctionStrings[] = FUNCTION_STRINGS): string {
  return functions.map((f) => functionItem(f, lang)).join("\n");
}

function functionItem(f: FunctionStrings, lang: Lang): string {
  const params = f.parameters.map((p) => (p.optional ? `[${p.name[lang]}]` : p.name[lang])).join(", ");
  const result = lang === "zh" ? "结果：" : "Result: ";
  return [
    "<li>",
    `  <code class="signature">ASSESS.${escapeHtml(f.id)}(${escapeHtml(params)})</code>`,
    `  <p>${escapeHtml(f.description[lang])}</p>`,
    `  <p class="example"><code>${escapeHtml(f.example.formula)}</code> → ${result}${escapeHtml(f.example.result[lang])}</p>`,
    "</li>",
  ].join("\n");
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}
