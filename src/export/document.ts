/**
 * Template + data → a neutral document model: what a bureau receives on paper (ruling F3), set
 * out once so that the Word writer (docx.ts) and the task pane's print view (taskpane/print-view.ts) show the
 * same document. The model holds text and structure only; the official wording (title, 附件N,
 * 推荐单位（盖章）, 注, the forms' blocks) comes from the template, the answers from the data.
 *
 * Layout follows seed 001's 填报格式说明 and GB/T 9704 (rulings F1, F2): A4, 黑体 title 二号,
 * 仿宋 body 三号, 黑体 level-1 and 楷体 level-2 headings, tables in 仿宋 at a size that keeps a
 * wide table legible; summary tables print landscape, forms portrait.
 */
import { findTemplate, forms, summaries } from "../../templates/index";
import type { Form, FormField, Pledge, PrintedNote, SummaryTable, Text } from "../../templates/schema";
import type { Result } from "../core/problems";
import { fail, ok, problem } from "../core/problems";
import { OTHER, readFormData, TICK, type FieldValue } from "../sheets/tables/form-data";
import { dataColumns, readSummaryData, type SummaryData } from "../sheets/tables/summary-data";
import { GBT_9704_MM, PAPER_MM } from "../sheets/print-layout";
import { FONTS } from "../sheets/styles";

/** How a piece of text looks; both renderers map a role through TEXT_STYLES. */
export type TextRole = "annex" | "title" | "heading1" | "heading2" | "body" | "stamp" | "note" | "cell" | "cellHeader" | "hint";

export interface TextStyle {
  font: string;
  /** Points. */
  size: number;
}

/**
 * F1: 二号 = 22 pt, 三号 = 16 pt. Table text is 12 pt (小四), the size the sheets use, so a six-column
 * summary table fits a landscape page without shrinking; hints 10.5 pt (五号), above F1's 9 pt floor.
 */
export const TEXT_STYLES: Record<TextRole, TextStyle> = {
  annex: { font: FONTS.heading, size: 16 },
  title: { font: FONTS.heading, size: 22 },
  heading1: { font: FONTS.heading, size: 16 },
  heading2: { font: FONTS.subheading, size: 16 },
  body: { font: FONTS.body, size: 16 },
  stamp: { font: FONTS.body, size: 16 },
  note: { font: FONTS.body, size: 14 },
  cell: { font: FONTS.body, size: 12 },
  cellHeader: { font: FONTS.heading, size: 12 },
  hint: { font: FONTS.subheading, size: 10.5 },
};

export type Align = "left" | "center" | "right";

export interface DocParagraph {
  kind: "paragraph";
  role: TextRole;
  /** Lines of the paragraph; a line break between them, not a new paragraph. */
  lines: string[];
  align: Align;
  /** Keep with the next block on one page (headings, a table's lead-in). */
  keepWithNext?: boolean;
  /** Space before, in lines of its own size. */
  spaceBefore?: number;
  /** Starts a new page (the 申报书's table after its cover). */
  pageBreakBefore?: boolean;
}

export interface DocCell {
  /** Paragraphs of the cell, each with its role (a label and the form's hint under it) and, if it differs, its alignment. */
  parts: { role: TextRole; lines: string[]; align?: Align }[];
  /** Grid columns the cell spans. */
  span: number;
  /** Rows the cell spans downwards (a merged row header such as 项目内容概述); the rows below leave its columns out. */
  rowSpan?: number;
  align: Align;
}

export interface DocRow {
  cells: DocCell[];
  /** Repeated at the top of every page (a table's heading row). */
  header?: boolean;
  /** At least this many lines of 12 pt tall: room to write in, for long answers and signatures. */
  minLines?: number;
}

export interface DocTable {
  kind: "table";
  /** Relative widths of the grid columns; cells span whole columns. */
  grid: number[];
  rows: DocRow[];
}

export type DocBlock = DocParagraph | DocTable;

export interface DocumentModel {
  template: string;
  /** The document's title, also the suggested file name. */
  title: string;
  orientation: "portrait" | "landscape";
  blocks: DocBlock[];
}

/** The page's margins in mm in its own orientation: GB/T 9704's, turned with a landscape page (F2). */
export function pageMargins(orientation: DocumentModel["orientation"]): { top: number; bottom: number; left: number; right: number } {
  return { ...GBT_9704_MM[orientation] };
}

export const A4_MM = PAPER_MM.A4;

/** Templates the exporter writes: the two 推荐汇总表 and the three forms (seed 002 二(三), F3). */
export function isExportable(templateId: string): boolean {
  const t = findTemplate(templateId);
  return t?.kind === "summary" || t?.kind === "form";
}

export function exportableIds(): string[] {
  return [...summaries(), ...forms()].map((t) => t.id);
}

/**
 * The document of one template filled with data (as `assessbook build --data` takes it, or as a
 * workbook's sheet reads back). Problems name the field, as build's do.
 */
export function buildDocument(templateId: string, data: unknown): Result<DocumentModel> {
  const t = findTemplate(templateId);
  if (t?.kind === "summary") {
    const read = readSummaryData(t, Number.MAX_SAFE_INTEGER, withoutExampleRows(t, data ?? {}));
    return read.ok ? ok(summaryDocument(t, read.value)) : read;
  }
  if (t?.kind === "form") {
    const read = readFormData(t, data ?? {});
    return read.ok ? ok(formDocument(t, read.value)) : read;
  }
  return fail([
    problem(
      "template",
      `${templateId} 不能导出为文档；可导出：${exportableIds().join("、")}`,
      `${templateId} cannot be exported as a document; exportable: ${exportableIds().join(", ")}`,
    ),
  ]);
}

const paragraph = (role: TextRole, text: string, align: Align = "left", extra: Partial<DocParagraph> = {}): DocParagraph => ({ kind: "paragraph", role, lines: text.split("\n"), align, ...extra });
const cell = (role: TextRole, text: string, span = 1, align: Align = "center"): DocCell => ({ parts: [{ role, lines: text.split("\n") }], span, align });

/** The 附件N label top-left, then the title, as on the issued annex. */
function heading(annex: string | undefined, title: Text): DocParagraph[] {
  return [...(annex ? [paragraph("annex", annex, "left")] : []), paragraph("title", title.zh, "center", { keepWithNext: true, spaceBefore: 0.5 })];
}

// ---------------------------------------------------------------------------------------------
// Summary tables (S1, S2)

/**
 * The rows a bureau sends: those with anything written in a column of the table, in priority
 * order, without the merge's audit column.
 */
export function summaryRows(t: SummaryTable, data: SummaryData): Record<string, string | null>[] {
  const columns = dataColumns(t);
  return data.rows.filter((row) => columns.some((c) => (row[c.key] ?? "").trim() !== ""));
}

/**
 * The positions of rows that repeat the official worked example (附件1's row 1, 示例：…), which
 * some keep as a reminder: it is not a recommendation, and not in the 环节名—场景名—实例名 form
 * the checks ask for, so it is left out before the rows are read. Its first line (示例：) is enough.
 */
export function exampleRowIndexes(t: SummaryTable, data: unknown): number[] {
  const rows = typeof data === "object" && data !== null && Array.isArray((data as { rows?: unknown }).rows) ? (data as { rows: unknown[] }).rows : [];
  const examples = dataColumns(t).flatMap((c) => (c.example ? [{ key: c.key, first: c.example.zh.split("\n")[0].trim() }] : []));
  return rows.flatMap((row, i) => {
    if (typeof row !== "object" || row === null) return [];
    const example = examples.some((e) => {
      const value = (row as Record<string, unknown>)[e.key];
      return e.first !== "" && typeof value === "string" && value.trim().startsWith(e.first);
    });
    return example ? [i] : [];
  });
}

function withoutExampleRows(t: SummaryTable, data: unknown): unknown {
  const drop = new Set(exampleRowIndexes(t, data));
  if (drop.size === 0) return data;
  const doc = data as { rows: unknown[] };
  return { ...doc, rows: doc.rows.filter((_, i) => !drop.has(i)) };
}

/** Relative widths: names and scenario lists get room, 序号 and contacts what they need. */
function summaryWidth(c: SummaryTable["columns"][number]): number {
  switch (c.type) {
    case "serial":
      return 5;
    case "mobile":
      // 11 digits of 12 pt on one line, in a substitute font too.
      return 19;
    case "email":
      return 24;
    case "scenarios":
      return 38;
    case "text":
      return c.header.zh.includes("名称") ? 24 : 10;
  }
}

function summaryDocument(t: SummaryTable, data: SummaryData): DocumentModel {
  const rows = summaryRows(t, data);
  const table: DocTable = {
    kind: "table",
    grid: t.columns.map(summaryWidth),
    rows: [
      { header: true, cells: t.columns.map((c) => cell("cellHeader", c.header.zh)) },
      ...rows.map((row, i) => ({
        cells: t.columns.map((c) => {
          if (c.type === "serial") return cell("cell", String(i + 1));
          const value = row[c.key] ?? "";
          // Long texts and lists read from the left; short ones sit centred as on the blank table.
          return cell("cell", value, 1, c.type === "scenarios" || c.type === "email" || summaryWidth(c) >= 20 ? "left" : "center");
        }),
      })),
    ],
  };
  const notes = t.notes.map((n, i) => `${i + 1}. ${n.zh}`).join("；");
  return {
    template: t.id,
    title: t.title.zh,
    orientation: "landscape",
    blocks: [
      ...heading(t.annex, t.title),
      paragraph("stamp", `${t.stampLine.zh}${data.recommender ?? ""}`, "left", { keepWithNext: true }),
      table,
      paragraph("note", `注：${notes}。`, "left"),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Forms (申报书, 申报表, 验收表)

/** The form table's grid: 60 equal columns, so rows of 2, 3, 4, 5 or 6 cells divide it evenly. */
const FORM_GRID = 60;
/** A label cell: eight characters of 12 pt on one line, so 申报单位（盖章） does not wrap. */
const LABEL_SPAN = 16;
const HALF = FORM_GRID / 2;
/** The merged row header of a group of fields (项目内容概述), two or three characters a line. */
const GROUP_SPAN = 7;

/** Short answers share a row with another, as on the printed forms; names, addresses and units take the row. */
function isShort(f: FormField): boolean {
  if (["number", "percent", "date", "mobile", "phone", "email", "yesno"].includes(f.type)) return true;
  return f.type === "text" && !/名称|地址|单位/.test(f.label.zh);
}

/** A field's label as printed, its unit in brackets: 总资产（万元）. */
function labelText(f: FormField): string {
  return f.unit && f.type !== "grid" ? `${f.label.zh}（${f.unit.zh}）` : f.label.zh;
}

/** Excel's day count (what the form reader gives for a date) → 2024年3月15日. */
function dateText(serial: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

function numberText(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

const tick = (on: boolean, text: string) => `${on ? TICK.on : TICK.off}${text}`;

/** A field's answer as the form prints it; choices show every option with its box ticked or not. */
export function fieldText(f: FormField, value: FieldValue | undefined): string {
  const options = (f.options ?? []).map((o) => o.zh);
  switch (f.type) {
    case "choice":
      return options.map((o) => tick(value === o, o)).join("  ");
    case "yesno":
      return ["是", "否"].map((o) => tick(value === o, o)).join("  ");
    case "multichoice": {
      const chosen = value as { ticks: boolean[]; other: string | null } | undefined;
      const parts = options.map((o, i) => tick(chosen?.ticks[i] ?? false, o));
      if (f.other) parts.push(tick(Boolean(chosen?.other), `${OTHER}${chosen?.other ? `：${chosen.other}` : ""}`));
      return parts.join("  ");
    }
    default:
      return scalarText(f, value);
  }
}

function scalarText(f: FormField, value: FieldValue | undefined): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") {
    if (f.type === "date") return dateText(value);
    if (f.type === "percent") return `${numberText(value * 100)}%`;
    return numberText(value);
  }
  return String(value);
}

/** 备注：1、…；2、…。 — or, with one item, 注：…。 (print-schema, seed wording). */
export function noteText(note: PrintedNote): string {
  const items = note.items.map((i) => i.zh);
  return `${note.label.zh}：${items.length === 1 ? items[0] : items.map((t, i) => `${i + 1}、${t}`).join("；")}。`;
}

/** Lays out a form's fields as table rows, pairing short fields and merging group headers. */
class FormTable {
  rows: DocRow[] = [];
  private pending: DocCell[] = [];

  constructor(private readonly values: Map<string, FieldValue>) {}

  /** Fields of one section, consecutive fields of a group under one merged row header. */
  addFields(fields: FormField[]): void {
    for (let i = 0; i < fields.length; ) {
      const group = fields[i].group;
      if (!group) {
        this.addField(fields[i++]);
        continue;
      }
      let end = i;
      while (end < fields.length && fields[end].group?.zh === group.zh) end++;
      this.flush();
      const first = this.rows.length;
      fields.slice(i, end).forEach((f) => this.rows.push(this.wideRow(f, GROUP_SPAN)));
      this.rows[first].cells.unshift({ ...cell("cell", group.zh, GROUP_SPAN), rowSpan: end - i });
      i = end;
    }
  }

  private addField(f: FormField): void {
    if (isShort(f)) {
      this.pending.push(labelCell(f, LABEL_SPAN), cell("cell", fieldText(f, this.values.get(f.key)), HALF - LABEL_SPAN, "left"));
      if (this.pending.length === 4) this.flush();
      return;
    }
    this.flush();
    if (f.type === "grid") this.rows.push(...gridRows(f, this.values.get(f.key) as (string | number | boolean | null)[][] | undefined));
    else this.rows.push(this.wideRow(f, 0));
  }

  /** A field across the row (after `indent` columns held by a group header): label, then the answer. */
  private wideRow(f: FormField, indent: number): DocRow {
    const answer: DocCell = cell("cell", fieldText(f, this.values.get(f.key)), FORM_GRID - indent - LABEL_SPAN, "left");
    // The line to sign by hand sits at the foot of the answer's box, after room to write (验收表 专家签字).
    if (f.signature) answer.parts.push({ role: "cell", lines: ["", f.signature.zh, ""], align: "left" });
    return { cells: [labelCell(f, LABEL_SPAN), answer], ...(f.type === "longtext" ? { minLines: 6 } : {}) };
  }

  /** The pledge as the table's last row: title, its text, and the lines to sign, seal and date, right-aligned. */
  addPledge(pledge: Pledge): void {
    this.flush();
    this.rows.push({
      cells: [
        cell("cell", pledge.title.zh, LABEL_SPAN),
        {
          parts: [
            { role: "cell", lines: [pledge.text.zh, ""] },
            { role: "cell", lines: pledge.signatures.flatMap((s) => [s.zh, ""]), align: "right" },
          ],
          span: FORM_GRID - LABEL_SPAN,
          align: "left",
        },
      ],
    });
  }

  /** A short field left alone on its row: its answer takes the rest of the row. */
  flush(): void {
    if (this.pending.length === 0) return;
    if (this.pending.length === 2) this.pending[1] = { ...this.pending[1], span: FORM_GRID - LABEL_SPAN };
    this.rows.push({ cells: this.pending });
    this.pending = [];
  }

  take(): DocTable | null {
    this.flush();
    const rows = this.rows;
    this.rows = [];
    return rows.length > 0 ? { kind: "table", grid: Array(FORM_GRID).fill(1), rows } : null;
  }
}

function formDocument(form: Form, values: Map<string, FieldValue>): DocumentModel {
  const blocks: DocBlock[] = [...heading(form.annex, form.title)];
  const table = new FormTable(values);
  const endTable = () => {
    const t = table.take();
    if (t) blocks.push(t);
  };
  form.sections.forEach((section, i) => {
    // A block without a title on a page of its own (the 申报书's cover, before a section that starts
    // a new page) prints as lines to fill in, label and answer, as the cover does.
    if (section.untitled && form.sections[i + 1]?.newPage) {
      endTable();
      for (const f of section.fields) blocks.push(paragraph("body", `${labelText(f)}：${fieldText(f, values.get(f.key))}`, "left", { spaceBefore: 1.5 }));
      return;
    }
    // A block whose one field is labelled with the block's own name (验收表: 综合意见) prints the
    // label once, in its row, as the paper form does; the cover's untitled block prints none.
    const titled = !section.untitled && !(section.fields.length === 1 && section.fields[0].label.zh === section.title.zh);
    // A section without a title of its own continues the table; a heading or a new page ends it.
    if (titled || section.heading || section.newPage) endTable();
    const lead: DocParagraph[] = [];
    if (section.heading) lead.push(paragraph("heading1", section.heading.zh, "left", { keepWithNext: true, spaceBefore: 0.5 }));
    if (titled) lead.push(paragraph(/^[一二三四五六七八九十]+、/.test(section.title.zh) ? "heading1" : "heading2", section.title.zh, "left", { keepWithNext: true, spaceBefore: 0.5 }));
    if (section.newPage && lead.length > 0) lead[0] = { ...lead[0], pageBreakBefore: true, spaceBefore: 0 };
    blocks.push(...lead);
    table.addFields(section.fields);
  });
  if (form.pledge) table.addPledge(form.pledge);
  endTable();
  if (form.notes) blocks.push(paragraph("note", noteText(form.notes), "left", { spaceBefore: 0.3 }));
  return { template: form.id, title: form.title.zh, orientation: "portrait", blocks };
}

/** The label, with the form's own hint (限 N 字, what to describe) under it in smaller type. */
function labelCell(f: FormField, span: number): DocCell {
  const parts: DocCell["parts"] = [{ role: "cell", lines: [labelText(f)] }];
  if (f.hint) parts.push({ role: "hint", lines: f.hint.zh.split("\n") });
  return { parts, span, align: "center" };
}

/** A grid field: its label across the table, a heading row, then one row per printed row. */
function gridRows(f: FormField, value: (string | number | boolean | null)[][] | undefined): DocRow[] {
  const grid = f.grid ?? { rows: [], columns: [] };
  const n = grid.columns.length + 1;
  const spans = Array.from({ length: n }, (_, i) => Math.floor(FORM_GRID / n) + (i < FORM_GRID % n ? 1 : 0));
  const unit = f.unit ? `（${f.unit.zh}）` : "";
  const title: DocCell = { parts: [{ role: "cellHeader", lines: [`${f.label.zh}${unit}`] }, ...(f.hint ? [{ role: "hint" as const, lines: f.hint.zh.split("\n") }] : [])], span: FORM_GRID, align: "center" };
  return [
    { cells: [title] },
    { cells: [cell("cell", "", spans[0]), ...grid.columns.map((c, i) => cell("cell", c.zh, spans[i + 1]))] },
    ...grid.rows.map((r, ri) => ({
      cells: [
        cell("cell", r.zh, spans[0]),
        ...grid.columns.map((_, ci) => {
          const v = value?.[ri]?.[ci];
          return cell("cell", v === null || v === undefined ? "" : typeof v === "number" ? numberText(v) : String(v), spans[ci + 1]);
        }),
      ],
    })),
  ];
}
