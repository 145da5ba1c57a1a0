/**
 * Document model → a printable HTML page, the task pane's print view: the browser prints it to
 * paper or PDF (ruling F3) with the same page, margins, fonts and table as the .docx.
 *
 * Built with DOM calls into a given document (an iframe's), never as markup text, so no answer
 * can turn into markup. Its CSS goes through the CSSOM into an empty <style> element: the add-in's
 * Content-Security-Policy allows no inline style text, but does allow an empty <style> element
 * (the same way Fluent UI styles the pane), and an iframe of the page shares that policy.
 */
import { A4_MM, pageMargins, TEXT_STYLES, type DocBlock, type DocCell, type DocTable, type DocumentModel, type TextRole } from "../src/export/document";

/** Font lists: the name Word and WPS know first, then what Windows, macOS and Linux have. */
const FALLBACKS: Record<string, string> = {
  仿宋: '"仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", serif',
  黑体: '"黑体", "SimHei", "STHeiti", "Noto Sans CJK SC", sans-serif',
  楷体: '"楷体", "KaiTi", "STKaiti", "Noto Serif CJK SC", serif',
};

const family = (font: string) => FALLBACKS[font] ?? `"${font}", serif`;

/** The print view's style rules: the page box, one class per text role, the table's borders. */
export function printRules(model: DocumentModel): string[] {
  const m = pageMargins(model.orientation);
  const [width, height] = model.orientation === "landscape" ? [A4_MM.height, A4_MM.width] : [A4_MM.width, A4_MM.height];
  const roles = Object.entries(TEXT_STYLES).map(([role, s]) => `.r-${role} { font-family: ${family(s.font)}; font-size: ${s.size}pt; font-weight: normal; }`);
  return [
    `@page { size: A4 ${model.orientation}; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }`,
    `html, body { margin: 0; padding: 0; background: #fff; color: #000; }`,
    // On screen the page looks like the sheet of paper it prints on.
    `@media screen { body { width: ${width - m.left - m.right}mm; min-height: ${height - m.top - m.bottom}mm; padding: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; } }`,
    `p { margin: 0 0 0.25em; line-height: 1.5; white-space: pre-wrap; }`,
    `.a-left { text-align: left; } .a-center { text-align: center; } .a-right { text-align: right; }`,
    `.break { break-before: page; page-break-before: always; }`,
    `.keep { break-after: avoid; page-break-after: avoid; }`,
    `table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 0 auto 0.5em; }`,
    `td, th { border: 0.5pt solid #000; padding: 1mm 1.5mm; vertical-align: middle; }`,
    `td p, th p { margin: 0; line-height: 1.4; }`,
    `thead { display: table-header-group; }`,
    `tr { break-inside: avoid; page-break-inside: avoid; }`,
    ...[4, 6, 8].map((n) => `tr.min-${n} td { height: ${n * 1.4 * 12}pt; }`),
    ...roles,
  ];
}

function text(doc: Document, tag: string, role: TextRole, lines: string[], align: string): HTMLElement {
  const el = doc.createElement(tag);
  el.className = `r-${role} a-${align}`;
  // One text node per line with <br> between: what was typed stays text.
  lines.forEach((line, i) => {
    if (i > 0) el.appendChild(doc.createElement("br"));
    el.appendChild(doc.createTextNode(line));
  });
  return el;
}

function cellElement(doc: Document, c: DocCell, tag: "td" | "th"): HTMLElement {
  const el = doc.createElement(tag);
  if (c.span > 1) el.setAttribute("colspan", String(c.span));
  if (c.rowSpan && c.rowSpan > 1) el.setAttribute("rowspan", String(c.rowSpan));
  for (const part of c.parts) el.appendChild(text(doc, "p", part.role, part.lines, part.align ?? c.align));
  return el;
}

/** The nearest row height class at or above the model's minimum lines. */
function minClass(lines: number): string {
  return `min-${[4, 6, 8].find((n) => n >= lines) ?? 8}`;
}

function tableElement(doc: Document, t: DocTable): HTMLElement {
  const table = doc.createElement("table");
  const total = t.grid.reduce((a, b) => a + b, 0);
  const colgroup = doc.createElement("colgroup");
  for (const w of t.grid) {
    const col = doc.createElement("col");
    // A width attribute, not a style: the policy allows no inline style text.
    col.setAttribute("width", `${((w / total) * 100).toFixed(3)}%`);
    colgroup.appendChild(col);
  }
  table.appendChild(colgroup);
  const head = t.rows.filter((r) => r.header);
  if (head.length > 0) {
    const thead = doc.createElement("thead");
    for (const r of head) {
      const tr = doc.createElement("tr");
      for (const c of r.cells) tr.appendChild(cellElement(doc, c, "th"));
      thead.appendChild(tr);
    }
    table.appendChild(thead);
  }
  const tbody = doc.createElement("tbody");
  for (const r of t.rows.filter((x) => !x.header)) {
    const tr = doc.createElement("tr");
    if (r.minLines) tr.className = minClass(r.minLines);
    for (const c of r.cells) tr.appendChild(cellElement(doc, c, "td"));
    tbody.appendChild(tr);
  }
  table.appendChild(tbody);
  return table;
}

function blockElement(doc: Document, b: DocBlock): HTMLElement {
  if (b.kind === "table") return tableElement(doc, b);
  const el = text(doc, b.role === "title" ? "h1" : b.role.startsWith("heading") ? "h2" : "p", b.role, b.lines, b.align);
  if (b.pageBreakBefore) el.classList.add("break");
  if (b.keepWithNext) el.classList.add("keep");
  return el;
}

/** Replaces the document's content with the model's page, styled for print. */
export function renderPrintView(doc: Document, model: DocumentModel): void {
  doc.title = model.title;
  doc.documentElement.lang = "zh-CN";
  doc.head.replaceChildren();
  doc.body.replaceChildren();
  const meta = doc.createElement("meta");
  meta.setAttribute("charset", "utf-8");
  doc.head.appendChild(meta);
  const style = doc.createElement("style");
  doc.head.appendChild(style);
  const sheet = style.sheet;
  const rules = [...printRules(model), `h1, h2 { margin: 0 0 0.25em; line-height: 1.5; font-weight: normal; }`];
  for (const rule of rules) {
    try {
      sheet?.insertRule(rule, sheet.cssRules.length);
    } catch {
      // A rule this browser does not know (e.g. @page in an old engine) is left out; the rest apply.
    }
  }
  for (const b of model.blocks) doc.body.appendChild(blockElement(doc, b));
}
