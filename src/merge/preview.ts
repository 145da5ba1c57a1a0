/**
 * The preview of a consolidation (issue 6): what would be appended to a recommendation summary
 * table (rulings S1, S2) from the files read by read-source, before anything is written.
 *
 * - Rows, in priority order: the target table's existing rows first, as they are; then each
 *   source's rows in source order and row order. Recognised sources are sheets of the same
 *   summary template (each row with anything written becomes a row) and the forms the template
 *   says feed it (`feeds`: one row per form, each column from the first of its fields answered;
 *   the 2018 table (S1) takes the 2018 application forms).
 * - Every other Assessbook sheet is skipped with a reason; a refused file keeps its reason.
 * - Problems name file, sheet and cell (the cell found from the sheet plan's input bindings,
 *   re-rendered blank with the marker's parameters as check-sheet does). Each filled cell is
 *   checked by summaryCellProblem, the very check `build --data` and `extract` make (mobile,
 *   e-mail, 典型场景实例), so a row they refuse is never merged silently.
 * - Duplicates: rows of the same enterprise, by 统一社会信用代码 or by name, both compared by
 *   identityKey (src/core/identity.ts: NFKC, invisible characters and spaces removed, so full-
 *   and half-width forms, spaces and a zero-width space do not make a second enterprise). Names
 *   that differ only by invisible characters are listed with each spelling, those characters
 *   shown as escapes. A group whose members all name the same project is a plain duplicate —
 *   the same application arrived twice, keep one copy. A group naming two or more different projects is also reported under ruling T1,
 *   第十三条 (seed 003): an enterprise applies for one project a year, so the recommender must
 *   choose — dropping a copy does not fix it.
 * - The limit of the recommender (S1, S2) is a warning, counted over the rows that will be
 *   written (overLimit(), given accepted()'s rows), so it follows --drop and unticked rows.
 * - Text a workbook cannot hold (a control character decoded from an `_x001B_` escape, more
 *   than 32,767 characters: src/xlsx/cell-text.ts) is an error naming the cell: the row is
 *   written only if kept, and then without the control characters. An input cell holding a
 *   formula is read by its last result and reported as a warning naming the cell.
 *
 * Which column is what comes from the template's column roles (templates/schema.ts COLUMN_ROLES):
 * the enterprise column groups duplicates, the project column drives 第十三条, a uscc column is
 * checked (S3) and used to find duplicates, and so is a feeding form's credit-code field (its
 * 组织机构代码) when 18 characters are written there (since 2015 the code is the 统一社会信用代码,
 * which embeds the old 9-character code). A 9-character 组织机构代码 is neither.
 *
 * Pure: nothing is read or written here; the sources are not modified.
 */
import { findTemplate } from "../../templates/index";
import type { ColumnRole, SummaryColumn, SummaryFeed, SummaryTable, Text } from "../../templates/schema";
import { identityKey, invisibleVariants } from "../core/identity";
import { checkUscc } from "../core/validators";
import { checkSheetWith, findings, renderBlank, type RenderBlank } from "../sheets/check-sheet";
import { colLetter } from "../sheets/formula";
import { checkParams } from "../sheets/params";
import type { Result } from "../core/problems";
import type { CellValue, InputBinding, SheetPlan } from "../sheets/plan";
import { findSheetTemplate } from "../sheets/registry";
import { templateNotLoaded } from "../sheets/marker";
import { AUDIT_KEY, summaryCellProblem } from "../sheets/tables/summary-data";
import { cellTextProblem, MAX_CELL_TEXT } from "../xlsx/cell-text";
import type { MarkedSheet, RefusalKind, SourceResult } from "./read-source";

/** The id of a summary template: any in the catalogue (SUMMARIES), or the table given with MergeTarget.table. */
export type SummaryTemplateId = string;

export interface MergeTarget {
  template: SummaryTemplateId;
  /**
   * The summary template itself, when it is not one of the catalogue's (a template the user
   * loaded): every column and role is read from it. Without it, the catalogue's `template`.
   */
  table?: SummaryTable;
  /** The recommender's id (the sheet parameter, e.g. "reform-zone") or its Chinese name. */
  recommender: string;
  /** Rows already in the target table, in its order: column key → text (null when blank), and its audit text under AUDIT_KEY. */
  existing?: readonly Readonly<Record<string, string | null>>[];
  /** The target's file and sheet, for the existing rows' sources. */
  file?: string;
  sheet?: string;
}

export interface RowSource {
  file: string;
  sheet: string;
  /** 0-based data row of a summary sheet (or of the target table), or "form". */
  row: number | "form";
  /** The row is already in the target table. */
  existing: boolean;
}

export interface PreviewRow {
  /** Stable for the same target and sources in the same order: "t:<row>" or "<file>:<sheet>:<row|form>", 1-based positions. */
  id: string;
  /** The summary's data columns (not 序号), column key → text, null when blank. */
  values: Record<string, string | null>;
  source: RowSource;
  /** What the audit column says, e.g. "区县汇总.xlsx › 试点示范推荐汇总表 第 2 行". */
  audit: string;
  /** Has an error-level problem: written only if the user keeps it (existing rows are always kept). */
  invalid: boolean;
}

export type ProblemKind =
  | "mobile"
  | "email"
  | "uscc"
  /** A 典型场景实例 entry not written 环节名—场景名—实例名 with a 环节 of the guide (S2). */
  | "scenarios"
  | "required"
  | "sheet-status"
  | "sheet-answers"
  /** Text a workbook cannot hold (cell-text.ts): the row is invalid. */
  | "text"
  /** An input cell holding a formula, read by its last result: a warning. */
  | "formula";

export interface PreviewProblem {
  kind: ProblemKind;
  severity: "error" | "warning";
  /** The row it is about, when it is about one. */
  rowId?: string;
  file: string;
  sheet: string;
  /** A1 address, when the problem is about one cell. */
  cell?: string;
  /** The summary column it is about. */
  column?: string;
  message: Text;
}

export interface DuplicateGroup {
  /** How the members match: the same 统一社会信用代码, the same enterprise name, or both (members linked either way). */
  by: ("uscc" | "name")[];
  /** The enterprise as the first member writes it. */
  enterprise: string;
  members: { rowId: string; source: RowSource; audit: string }[];
  /**
   * The spellings of the name that differ only by invisible characters (identityKey matched
   * them), each once with those characters as escapes ("王工\u200B"); empty otherwise.
   */
  variants: string[];
}

/** Ruling T1, 第十三条 (seed 003): the same enterprise with two or more different projects. */
export interface OnePerYear {
  rule: { doc: "seed 003"; item: "第十三条"; ruling: "T1" };
  enterprise: string;
  /** The distinct project names, in priority order. */
  projects: string[];
  rowIds: string[];
  message: Text;
}

export interface OverLimit {
  recommender: string;
  limit: number;
  /** The rows that will be written (accepted()), existing ones included. */
  count: number;
  /** Duplicate groups two or more of whose rows are still written: dropping copies brings the count down. */
  duplicatesIn: { enterprise: string; rowIds: string[] }[];
  message: Text;
}

export interface SkippedSheet {
  file: string;
  sheet: string;
  template: string | null;
  reason: Text;
}

export interface RefusedFile {
  file: string;
  kind: RefusalKind;
  reason: Text;
}

export interface MergePreview {
  template: SummaryTemplateId;
  recommender: { id: string; name: string; limit: number };
  /** The summary's data columns in order. */
  columns: { key: string; header: string; required: boolean }[];
  rows: PreviewRow[];
  problems: PreviewProblem[];
  duplicates: DuplicateGroup[];
  onePerYear: OnePerYear[];
  skipped: SkippedSheet[];
  refused: RefusedFile[];
}

/**
 * The rows to write, in priority order, each exactly once: the existing rows, the valid rows,
 * and the invalid rows whose id is in keepInvalid; rows whose id is in drop are left out (the
 * user unticked them, e.g. one copy of a duplicate). Existing rows are never dropped.
 */
export function accepted(preview: MergePreview, keepInvalid: ReadonlySet<string>, drop: ReadonlySet<string> = new Set()): PreviewRow[] {
  return preview.rows.filter((r) => r.source.existing || (!drop.has(r.id) && (!r.invalid || keepInvalid.has(r.id))));
}

/**
 * The recommender's limit (S1, S2) against the rows that will be written — accepted(), after
 * --drop and unticked rows — or null within it. Duplicates with two or more copies still in are
 * named: each extra copy counts against the limit until it is dropped.
 */
export function overLimit(preview: MergePreview, rows: readonly PreviewRow[], table: SummaryTable = summaryTable(preview.template)): OverLimit | null {
  const limit = preview.recommender.limit;
  if (rows.length <= limit) return null;
  const written = new Set(rows.map((r) => r.id));
  const duplicatesIn = preview.duplicates
    .map((d) => ({ enterprise: d.enterprise, rowIds: d.members.map((m) => m.rowId).filter((id) => written.has(id)) }))
    .filter((d) => d.rowIds.length >= 2);
  const extra = duplicatesIn.reduce((n, d) => n + d.rowIds.length - 1, 0);
  const name = { zh: preview.recommender.name, en: table.recommenders.find((r) => r.id === preview.recommender.id)?.name.en ?? preview.recommender.name };
  const groups = (open: string, close: string) => duplicatesIn.map((d) => `${d.enterprise}${open}${d.rowIds.join(", ")}${close}`);
  return {
    recommender: name.zh,
    limit,
    count: rows.length,
    duplicatesIn,
    message: {
      zh: `共 ${rows.length} 项，超过${name.zh}的推荐上限 ${limit} 项${duplicatesIn.length > 0 ? `；其中 ${duplicatesIn.length} 家企业的重复行仍都在内：${groups("（", "）").join("；")}，每家只留一份可少 ${extra} 项` : ""}`,
      en: `${rows.length} rows, over the limit of ${limit} for ${name.en}${duplicatesIn.length > 0 ? `; duplicates are still all in for ${duplicatesIn.length} ${duplicatesIn.length === 1 ? "enterprise" : "enterprises"}: ${groups(" (", ")").join("; ")}; keeping one copy each removes ${extra}` : ""}`,
    },
  };
}

export function previewMerge(target: MergeTarget, sources: readonly SourceResult[]): MergePreview {
  const table = target.table ?? summaryTable(target.template);
  const recommender = table.recommenders.find((r) => r.id === target.recommender || r.name.zh === target.recommender);
  if (!recommender) {
    throw new RangeError(`unknown recommender "${target.recommender}" for ${table.id}; one of ${table.recommenders.map((r) => `${r.id} (${r.name.zh})`).join(", ")}`);
  }
  const columns = table.columns.filter((c) => c.type !== "serial");
  const out = new Collector(columns);

  (target.existing ?? []).forEach((existing, i) => {
    const values = Object.fromEntries(columns.map((c) => [c.key, text(existing[c.key] ?? null)]));
    const file = target.file ?? "";
    const sheet = target.sheet ?? "";
    out.row(`t:${i + 1}`, values, { file, sheet, row: i, existing: true }, () => undefined, { recorded: existing[AUDIT_KEY] ?? null });
  });

  sources.forEach((source, fileIndex) => {
    if (!source.ok) {
      out.refused.push({ file: source.name, kind: source.kind, reason: source.reason });
      return;
    }
    source.sheets.forEach((sheet, sheetIndex) => {
      const id = `${fileIndex + 1}:${sheetIndex + 1}`;
      const feed = table.feeds.find((f) => f.form === sheet.marker.template);
      if (sheet.marker.template === table.id) readSummarySheet(out, table, source.name, sheet, id);
      else if (feed) readForm(out, table, feed, source.name, sheet, id);
      else out.skipped.push({ file: source.name, sheet: sheet.name, template: sheet.marker.template, reason: skipReason(sheet, table) });
    });
  });

  const { duplicates, onePerYear } = findDuplicates(roleColumns(table), out.rows, out.keys);
  return {
    template: target.template,
    recommender: { id: recommender.id, name: recommender.name.zh, limit: recommender.limit },
    columns: columns.map((c) => ({ key: c.key, header: c.header.zh, required: c.required })),
    rows: out.rows,
    problems: out.problems,
    duplicates,
    onePerYear,
    skipped: out.skipped,
    refused: out.refused,
  };
}

/** The catalogue's summary template of that id; throws for any other id. */
export function summaryTable(id: string): SummaryTable {
  const t = findTemplate(id);
  if (t?.kind !== "summary") throw new RangeError(`${id} is not a summary table template`);
  return t;
}

/** Where a value came from: the cell, for the problems about it. */
type CellOf = (key: string) => string | undefined;

class Collector {
  rows: PreviewRow[] = [];
  /** Per row id: its 统一社会信用代码 (valid or not, as written) when it has one. */
  keys = new Map<string, { uscc: string | null }>();
  problems: PreviewProblem[] = [];
  skipped: SkippedSheet[] = [];
  refused: RefusedFile[] = [];
  /** Each sheet's blank plan, rendered once per template and parameters for the whole preview. */
  readonly blanks: RenderBlank = blankPlans();

  constructor(private readonly columns: SummaryColumn[]) {}

  /**
   * Adds a row and its problems; blank rows are never added (callers skip them). `recorded` is
   * the audit text the row already carries: an existing row keeps it, a row from another
   * consolidated table gets it after its own source, so the trail goes back to the first file.
   */
  row(id: string, values: Record<string, string | null>, source: RowSource, cellOf: CellOf, { uscc, recorded = null }: { uscc?: { value: string; cell?: string }; recorded?: string | null } = {}): void {
    const at = { file: source.file, sheet: source.sheet, rowId: id };
    let invalid = false;
    const add = (kind: ProblemKind, column: SummaryColumn | undefined, cell: string | undefined, message: Text) => {
      invalid = true;
      this.problems.push({ kind, severity: "error", ...at, ...(cell ? { cell } : {}), ...(column ? { column: column.key } : {}), message });
    };
    for (const c of this.columns) {
      const value = values[c.key];
      if (value === null) {
        if (c.required) add("required", c, cellOf(c.key), { zh: `必填项“${c.header.zh}”未填`, en: `the required column ${c.header.en} is blank` });
        continue;
      }
      const unwritable = textProblem(value);
      if (unwritable) add("text", c, cellOf(c.key), prefix(c.header, unwritable));
      // The check build --data and extract make of the same cell (summaryCellProblem), so a row they refuse is never merged silently.
      const wrong = summaryCellProblem(c, value) ?? (isUsccColumn(c) ? checkUscc(value).reason : undefined);
      if (wrong) add(isUsccColumn(c) ? "uscc" : CELL_KINDS[c.type], c, cellOf(c.key), prefix(c.header, wrong));
    }
    const usccColumn = this.columns.find(isUsccColumn);
    let code = usccColumn ? values[usccColumn.key] : null;
    if (uscc) {
      code = uscc.value;
      const check = checkUscc(uscc.value);
      if (!check.valid && check.reason) add("uscc", undefined, uscc.cell, check.reason);
    }
    // The audit text a consolidated table carries is written too.
    const recordedProblem = recorded === null ? null : textProblem(recorded);
    if (recordedProblem) add("text", undefined, cellOf(AUDIT_KEY), recordedProblem);
    // Compared as names are: a code with a zero-width space still finds its twin (and is reported by checkUscc).
    this.keys.set(id, { uscc: code === null ? null : identityKey(code).toUpperCase() });
    const trail = source.existing ? (recorded ?? audit(source)) : recorded ? `${audit(source)} ← ${recorded}` : audit(source);
    this.rows.push({ id, values, source, audit: trail, invalid });
  }

  sheetProblem(kind: ProblemKind, severity: "error" | "warning", file: string, sheet: string, cell: string | undefined, message: Text): void {
    this.problems.push({ kind, severity, file, sheet, ...(cell ? { cell } : {}), message });
  }
}

/** Why a value cannot be written as it is (cellTextProblem), and what keeping its row does. */
function textProblem(value: string): Text | null {
  const problem = cellTextProblem(value);
  if (!problem) return null;
  const strippable = value.length <= MAX_CELL_TEXT;
  return strippable
    ? { zh: `${problem.zh}；保留此行时删去这些字符`, en: `${problem.en}; if the row is kept, these characters are removed` }
    : { zh: `${problem.zh}，无法写入`, en: `${problem.en}; it cannot be written` };
}

/** The kind of a problem summaryCellProblem finds, by the column's type (a text column is checked only for what a workbook can hold). */
const CELL_KINDS: Record<SummaryColumn["type"], ProblemKind> = { serial: "text", text: "text", mobile: "mobile", email: "email", scenarios: "scenarios" };

function isUsccColumn(c: SummaryColumn): boolean {
  return c.role === "uscc";
}

function prefix(header: Text, reason: Text): Text {
  return { zh: `${header.zh}：${reason.zh}`, en: `${header.en}: ${reason.en}` };
}

function audit(s: RowSource): string {
  return s.row === "form" ? `${s.file} › ${s.sheet}` : `${s.file} › ${s.sheet} 第 ${s.row + 1} 行`;
}

/** A cell's value as the summary writes it: text, numbers by their digits (a mobile typed into a General cell), blank as null. */
function text(v: CellValue | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isSafeInteger(v) && v >= 0 ? BigInt(v).toString() : String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v.trim() === "" ? null : v;
}

/** The sheet's input bindings, from its plan rendered blank with the marker's parameters (as check-sheet does). */
export function bindings(sheet: MarkedSheet, blankOf: RenderBlank = renderBlank): Map<string, string> | null {
  const template = findSheetTemplate(sheet.marker.template);
  if (!template) return null;
  const params = checkParams(template.params, sheet.marker.params);
  if (!params.ok) return null;
  const blank = blankOf(template, params.value);
  if (!blank.ok) return null;
  return new Map(blank.value.inputs.map((b: InputBinding) => [b.code, `${colLetter(b.col)}${b.row}`]));
}

/** Distinct blank plans one preview keeps: a batch has a handful; a batch of edited markers cannot make it hold thousands. */
const BLANK_PLANS = 32;

/**
 * The blank plans of one preview, by template and parameters. The check (checkSheet) and the
 * input cells (bindings) of every sheet each render its template blank, and that plan depends
 * on the template and its parameters alone: 2,000 submissions of one form share one plan, so
 * it is rendered once per preview instead of twice per sheet. Per preview, not per process: a
 * template loaded or replaced since is rendered afresh.
 */
function blankPlans(): RenderBlank {
  const plans = new Map<string, Result<SheetPlan>>();
  return (template, params) => {
    const key = `${template.id}\n${JSON.stringify(params)}`;
    let plan = plans.get(key);
    if (!plan) {
      plan = renderBlank(template, params);
      if (plans.size >= BLANK_PLANS) plans.delete(plans.keys().next().value as string);
      plans.set(key, plan);
    }
    return plan;
  };
}

const STATUS_WORDS: Record<string, Text> = {
  "other-version": { zh: "由另一版本的 Assessbook 生成，单元格位置可能不同，未读取", en: "built by another version of Assessbook; cells may have moved, not read" },
  "unknown-template": { zh: "模板未知，未读取", en: "an unknown template, not read" },
  "invalid-params": { zh: "表的参数无效（标记被修改？），未读取", en: "the sheet's parameters are invalid (marker edited?), not read" },
  "not-assessbook": { zh: "不是 Assessbook 生成的表，未读取", en: "not a sheet Assessbook built, not read" },
};

/**
 * checkSheet's verdict on the sheet: null when its rows can be read (checked, not calculated,
 * or invalid answers, which are reported here per cell), else why not (also an error-level
 * problem: a sheet of the right template that cannot be read). Answers the engine refuses that
 * are not in a column the summary takes (a form's bad date) are carried as warnings, and so are
 * formula cells that show another result than the engine (checkSheet's findings).
 */
function sheetStatus(out: Collector, file: string, sheet: MarkedSheet, takenCodes: (code: string) => boolean): Text | null {
  const report = checkSheetWith(sheet, out.blanks);
  const blocked = STATUS_WORDS[report.status];
  if (blocked) {
    out.sheetProblem("sheet-status", "error", file, sheet.name, undefined, blocked);
    return blocked;
  }
  for (const f of findings(report)) {
    out.sheetProblem("sheet-status", "warning", file, sheet.name, f.cell, {
      zh: `公式单元格显示的结果与规则计算不一致（${f.key}），表格可能被改动过`,
      en: `the formula cell shows another result than the rules compute (${f.key}); the sheet may have been edited`,
    });
  }
  for (const f of report.formulas) {
    if (!takenCodes(f.code)) continue;
    const formula = f.formula.length > 60 ? `${f.formula.slice(0, 59)}…` : f.formula;
    out.sheetProblem("formula", "warning", file, sheet.name, f.cell, {
      zh: `输入单元格含公式（=${formula}），按其上次计算的结果读取，合并后写入的是该结果而非公式`,
      en: `the input cell holds a formula (=${formula}): read by its last calculated result, which is what the merge writes, not the formula`,
    });
  }
  if (report.status === "invalid-answers") {
    for (const p of report.problems) {
      if (!takenCodes(p.code)) out.sheetProblem("sheet-answers", "warning", file, sheet.name, p.cell, p.message);
    }
  }
  return null;
}

export interface SummarySheetRow {
  /** 0-based data row. */
  index: number;
  /** Column key → text, null when blank. */
  values: Record<string, string | null>;
  /** What the row's audit cell says, null when blank. */
  recorded: string | null;
  /** The A1 address of a column's cell in this row. */
  cellOf: CellOf;
}

/** The rows of a summary sheet with anything written in its table columns, in sheet order (spare rows left out). */
export function summarySheetRows(sheet: MarkedSheet, cells: ReadonlyMap<string, string>, table: SummaryTable = summaryTable(sheet.marker.template)): SummarySheetRow[] {
  const columns = table.columns.filter((c) => c.type !== "serial");
  const read = (cell: string | undefined) => (cell === undefined ? null : cellText(sheet, cell));
  const rows: SummarySheetRow[] = [];
  const count = Number(sheet.marker.params.rows);
  for (let index = 0; index < count; index++) {
    const cellOf = (key: string) => cells.get(`rows/${index}/${key}`);
    const values = Object.fromEntries(columns.map((c) => [c.key, read(cellOf(c.key))]));
    if (Object.values(values).every((v) => v === null)) continue;
    rows.push({ index, values, recorded: read(cellOf(AUDIT_KEY)), cellOf });
  }
  return rows;
}

function readSummarySheet(out: Collector, table: SummaryTable, file: string, sheet: MarkedSheet, id: string): void {
  const template = findSheetTemplate(sheet.marker.template);
  const taken = (code: string) => /^rows(?:\/|\[)/.test(code);
  const cells = bindings(sheet, out.blanks);
  const status = template ? sheetStatus(out, file, sheet, taken) : templateNotLoaded(sheet.marker);
  if (status || !cells) {
    out.skipped.push({ file, sheet: sheet.name, template: sheet.marker.template, reason: status ?? STATUS_WORDS["invalid-params"] });
    return;
  }
  for (const r of summarySheetRows(sheet, cells, table)) {
    out.row(`${id}:${r.index + 1}`, r.values, { file, sheet: sheet.name, row: r.index, existing: false }, r.cellOf, { recorded: r.recorded });
  }
}

/** The fields of a form checked as a 统一社会信用代码 (`check: "credit-code"`): read as the row's code. */
function creditCodeFields(formId: string): string[] {
  const form = findTemplate(formId);
  if (form?.kind !== "form") return [];
  return form.sections.flatMap((s) => s.fields).filter((f) => f.check === "credit-code").map((f) => f.key);
}

/** One row from a form that feeds the table (its `feeds` entry): each column from the first of its fields answered. */
function readForm(out: Collector, table: SummaryTable, feed: SummaryFeed, file: string, sheet: MarkedSheet, id: string): void {
  const fields = new Set(Object.values(feed.columns).flat());
  const codeFields = creditCodeFields(feed.form);
  const cells = bindings(sheet, out.blanks);
  const status = sheetStatus(out, file, sheet, (code) => fields.has(code) || codeFields.includes(code));
  if (status || !cells) {
    out.skipped.push({ file, sheet: sheet.name, template: sheet.marker.template, reason: status ?? STATUS_WORDS["invalid-params"] });
    return;
  }
  const value = (field: string) => {
    const cell = cells.get(field);
    return cell === undefined ? null : text(readAt(sheet, cell));
  };
  // A column the form does not fill is blank, as in a row typed into the table.
  const values: Record<string, string | null> = Object.fromEntries(table.columns.filter((c) => c.type !== "serial").map((c) => [c.key, null]));
  const from: Record<string, string> = {};
  for (const [column, candidates] of Object.entries(feed.columns)) {
    const field = candidates.find((f) => value(f) !== null) ?? candidates[0];
    values[column] = value(field);
    from[column] = field;
  }
  if (Object.values(values).every((v) => v === null)) {
    out.skipped.push({ file, sheet: sheet.name, template: sheet.marker.template, reason: { zh: "申报书中没有填写汇总表所需的内容", en: "the form answers none of the summary's columns" } });
    return;
  }
  const codeField = codeFields.find((f) => value(f) !== null);
  const orgCode = codeField === undefined ? null : value(codeField);
  // Counted once normalised: a code with a zero-width space is still a code, checked (and reported) as written.
  const uscc = codeField !== undefined && orgCode !== null && Array.from(identityKey(orgCode)).length === 18 ? { value: orgCode, cell: cells.get(codeField) } : undefined;
  out.row(`${id}:form`, values, { file, sheet: sheet.name, row: "form", existing: false }, (key) => (key in from ? cells.get(from[key]) : undefined), { uscc });
}

/** A cell's value as the summary writes it (text(); a formula by its cached result), null when blank. */
export function cellText(sheet: MarkedSheet, a1: string): string | null {
  return text(readAt(sheet, a1));
}

function readAt(sheet: MarkedSheet, a1: string): CellValue {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) return null;
  const col = Array.from(m[1]).reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const cell = sheet.cell(Number(m[2]), col);
  if (cell.kind === "value") return cell.value;
  if (cell.kind === "formula" && cell.result !== null && typeof cell.result !== "object") return cell.result;
  return null;
}

function skipReason(sheet: MarkedSheet, table: SummaryTable): Text {
  const template = findTemplate(sheet.marker.template);
  const what = findSheetTemplate(sheet.marker.template)?.title ?? { zh: sheet.marker.template, en: sheet.marker.template };
  if (template?.kind === "summary") {
    return { zh: `是另一张汇总表（${what.zh}），列与${table.title.zh}不同，不合并`, en: `another summary table (${what.en}) with other columns than ${table.title.en}; not merged` };
  }
  const forms = table.feeds.map((f) => findTemplate(f.form)?.title.zh ?? f.form);
  return { zh: `是${what.zh}，不是可合并的${["汇总表", ...forms].join("或")}`, en: `a ${what.en} sheet, not one this summary merges` };
}

/** How enterprise names (and projects and experts) compare: identityKey, the one rule in src/core/identity.ts. */
export const enterpriseKey = identityKey;

/**
 * The columns naming the enterprise and its project, by their roles. The schema requires an
 * enterprise column; a table without a project column has no 第十三条 check (null).
 */
function roleColumns(table: SummaryTable): { nameColumn: string; projectColumn: string | null } {
  const keyOf = (role: ColumnRole) => table.columns.find((c) => c.role === role)?.key;
  const nameColumn = keyOf("enterprise");
  if (nameColumn === undefined) throw new RangeError(`summary table ${table.id} has no column with the role enterprise`);
  return { nameColumn, projectColumn: keyOf("project") ?? null };
}

function findDuplicates(
  { nameColumn, projectColumn }: { nameColumn: string; projectColumn: string | null },
  rows: PreviewRow[],
  keys: Map<string, { uscc: string | null }>,
): { duplicates: DuplicateGroup[]; onePerYear: OnePerYear[] } {
  // Union–find over the rows, joined by a shared code or a shared name.
  const parent = rows.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const by = new Map<number, Set<"uscc" | "name">>();
  const join = (kind: "uscc" | "name", index: Map<string, number>, key: string | null, i: number) => {
    if (key === null || key === "") return;
    const first = index.get(key);
    if (first === undefined) {
      index.set(key, i);
      return;
    }
    const a = find(first);
    const b = find(i);
    const root = Math.min(a, b);
    const kinds = new Set([...(by.get(a) ?? []), ...(by.get(b) ?? []), kind]);
    parent[a] = root;
    parent[b] = root;
    by.set(root, kinds);
  };
  const byCode = new Map<string, number>();
  const byName = new Map<string, number>();
  rows.forEach((r, i) => {
    join("uscc", byCode, keys.get(r.id)?.uscc ?? null, i);
    const name = r.values[nameColumn];
    join("name", byName, name === null ? null : enterpriseKey(name), i);
  });
  const groups = new Map<number, number[]>();
  rows.forEach((_, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  });
  const duplicates: DuplicateGroup[] = [];
  const onePerYear: OnePerYear[] = [];
  for (const [root, members] of groups) {
    if (members.length < 2) continue;
    const first = rows[members[0]];
    const enterprise = first.values[nameColumn] ?? keys.get(first.id)?.uscc ?? "";
    duplicates.push({
      by: (["uscc", "name"] as const).filter((k) => by.get(root)?.has(k)),
      enterprise,
      members: members.map((i) => ({ rowId: rows[i].id, source: rows[i].source, audit: rows[i].audit })),
      variants: variants(members.map((i) => rows[i].values[nameColumn])),
    });
    const projects: string[] = [];
    const seen = new Set<string>();
    for (const i of members) {
      const project = projectColumn === null ? null : rows[i].values[projectColumn];
      if (project === null || project === undefined) continue;
      const key = enterpriseKey(project);
      if (seen.has(key)) continue;
      seen.add(key);
      projects.push(project);
    }
    if (projects.length >= 2) {
      onePerYear.push({
        rule: { doc: "seed 003", item: "第十三条", ruling: "T1" },
        enterprise,
        projects,
        rowIds: members.map((i) => rows[i].id),
        message: {
          zh: `一年只能申报一项（第十三条）：${enterprise} 申报了 ${projects.length} 项：${projects.join("；")}`,
          en: `one application per enterprise per year (第十三条): ${enterprise} applies for ${projects.length} projects: ${projects.join("; ")}`,
        },
      });
    }
  }
  return { duplicates, onePerYear };
}

/** The names that share an identityKey but differ by invisible characters, each spelling shown (invisibleVariants). */
function variants(names: (string | null)[]): string[] {
  const byKey = new Map<string, string[]>();
  for (const name of names) if (name !== null) byKey.set(identityKey(name), [...(byKey.get(identityKey(name)) ?? []), name]);
  return [...byKey.values()].flatMap(invisibleVariants);
}
