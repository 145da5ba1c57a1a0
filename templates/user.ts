/**
 * Template files users give (issue 13 item 3): a bureau's local scoring table or next year's
 * notice as one JSON file, checked as strictly as the built-in templates are and then some,
 * because a stranger wrote it. Every problem is reported at once, each with its JSON path
 * ($.sections[0].items[2].rule.points) and what was expected there, in both languages.
 *
 * A template is data only: nothing in it is evaluated, and every text in it reaches a sheet as a
 * cell value, never as a formula (src/sheets/plan.ts: a cell's `value` is text whatever it starts
 * with). So the checks here are about what a workbook can hold and what a reader can afford:
 * the file's size, its nesting depth, the length and characters of every text, no key that could
 * reach an object's prototype, then the same zod schema as the built-in templates.
 *
 * No Node API: the task pane checks the files it imports with this too. Reading files from disk
 * is src/cli/template-files.ts.
 */
import type { z } from "zod";
import { describeJsonSyntaxError } from "../src/core/json-syntax";
import { cellTextProblem } from "../src/xlsx/cell-text";
import { SEEDS } from "./documents";
import { ALL_TEMPLATES, isBuiltIn, sheetIdsOf } from "./index";
import { citations } from "./load";
import { templateSchema, type Template } from "./schema";

/** The largest template file read: the built-in templates are 10–60 KB of JSON each. */
export const TEMPLATE_FILE_MAX_BYTES = 1024 * 1024;

/** How deep objects and arrays may nest; the schema's deepest path (a tier's group elements) is 10 levels. */
export const TEMPLATE_MAX_DEPTH = 32;

/** One thing wrong in a template file: where (a JSON path from the file's root, `$`) and what was expected there. */
export interface TemplateProblem {
  path: string;
  message: string;
}

/** A template file that cannot be loaded, with every problem found in it. */
export class TemplateFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: TemplateProblem[],
  ) {
    super(`${file}: ${problems.length} 处问题 / ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join("\n")}`);
    this.name = "TemplateFileError";
  }
}

type Path = readonly PropertyKey[];

/** `$.sections[0].items[2].rule.points`, and `$.points["高级"]` for a key that is not a plain name. */
export function jsonPath(path: Path): string {
  return path.reduce<string>((s, key) => {
    if (typeof key === "number") return `${s}[${key}]`;
    const name = String(key);
    return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `${s}.${name}` : `${s}[${JSON.stringify(name)}]`;
  }, "$");
}

/** Object.hasOwn, which the add-in's oldest hosts (Safari before 15.4) lack. */
const hasOwn = (o: object, key: PropertyKey) => Object.prototype.hasOwnProperty.call(o, key);

/** Keys that name an object's prototype machinery: never a template's field, refused wherever they appear. */
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

const SEED_FILES: readonly string[] = Object.values(SEEDS);

/**
 * The templates in a template file's text: one template object, or an array of them. Each may
 * name the JSON Schema an editor checks it with ("$schema": "./template.schema.json"), which is
 * set aside. Throws TemplateFileError with every problem found; `file` names the file in it.
 */
export function parseTemplateText(text: string, file: string): Template[] {
  const fail = (problems: TemplateProblem[]): never => {
    throw new TemplateFileError(file, problems);
  };
  // A UTF-16 unit is at least one byte of UTF-8: a longer text is too large without encoding it.
  const bytes = text.length > TEMPLATE_FILE_MAX_BYTES ? text.length : new TextEncoder().encode(text).length;
  if (bytes > TEMPLATE_FILE_MAX_BYTES) fail([tooLarge(bytes)]);
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") fail([{ path: "$", message: "文件为空 / the file is empty: expected a template object or an array of them" }]);
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (e) {
    const syntax = describeJsonSyntaxError(body, (e as Error).message);
    fail([{ path: "$", message: `${syntax.zh} / ${syntax.en}` }]);
  }

  const problems: TemplateProblem[] = [];
  const deepEnough = checkData(doc, problems);
  const many = Array.isArray(doc);
  const raws: unknown[] = many ? (doc as unknown[]) : [doc];
  if (many && raws.length === 0) problems.push({ path: "$", message: "空数组 / an empty array: expected at least one template object" });
  if (!many && (typeof doc !== "object" || doc === null)) {
    fail([{ path: "$", message: `应为模板对象或模板对象的数组，实为${typeName(doc).zh} / expected a template object or an array of them, found ${typeName(doc).en}` }]);
  }
  // Too deep to walk safely: the schema would recurse into it (sample data is any JSON).
  if (!deepEnough) fail(problems);

  const templates: Template[] = [];
  const seen = new Map<string, number>();
  const sheets = new Map<string, string>();
  raws.forEach((raw, i) => {
    const at: Path = many ? [i] : [];
    if (typeof raw === "object" && raw !== null && !Array.isArray(raw) && hasOwn(raw, "$schema")) {
      const pointer = (raw as Record<string, unknown>).$schema;
      if (typeof pointer !== "string") problems.push({ path: jsonPath([...at, "$schema"]), message: `应为文本 / expected a text: the JSON Schema an editor checks the file with, e.g. "./template.schema.json"` });
      delete (raw as Record<string, unknown>).$schema;
    }
    const parsed = templateSchema.safeParse(raw);
    if (parsed.success) templates.push(parsed.data);
    else problems.push(...parsed.error.issues.flatMap((issue) => describeIssue(issue, raw, at)));
    problems.push(...loadedTemplateProblems(raw, at));
    const { id, kind } = (raw ?? {}) as { id?: unknown; kind?: unknown };
    if (typeof id !== "string") return;
    if (seen.has(id)) {
      problems.push({ path: jsonPath([...at, "id"]), message: `模板 ${id} 在本文件中出现两次（另见 $[${seen.get(id)}]）/ template ${id} is given twice in this file (also at $[${seen.get(id)}]): expected an id of its own` });
      return;
    }
    seen.set(id, i);
    for (const sheet of sheetIdsOf({ id, kind: kind as Template["kind"] })) {
      const owner = sheets.get(sheet);
      if (owner !== undefined && owner !== id) {
        problems.push({ path: jsonPath([...at, "id"]), message: `工作表 ${sheet} 已属于本文件中的模板 ${owner} / the sheet ${sheet} belongs to template ${owner} of this file: expected an id whose sheets no other template makes` });
      }
      sheets.set(sheet, id);
    }
  });
  if (problems.length > 0) fail(problems);
  return templates;
}

function tooLarge(bytes: number): TemplateProblem {
  return {
    path: "$",
    message: `文件有 ${bytes} 字节，超过模板文件上限 ${TEMPLATE_FILE_MAX_BYTES} 字节（1 MiB）/ the file is ${bytes} bytes, over the limit of ${TEMPLATE_FILE_MAX_BYTES} bytes (1 MiB) for a template file`,
  };
}

/** The size refusal for a file known to be too large before it is read (src/cli/template-files.ts). */
export function tooLargeError(file: string, bytes: number): TemplateFileError {
  return new TemplateFileError(file, [tooLarge(bytes)]);
}

/**
 * Walks the whole document (sample data included: it is written into sheets too), without
 * recursion: every text and key a workbook cannot hold (a control or XML-forbidden character,
 * over 32,767 characters), every prototype key (removed, so the schema does not report it again),
 * and nesting deeper than TEMPLATE_MAX_DEPTH (not walked further). Returns false when the
 * document is too deep to hand to the schema.
 */
function checkData(doc: unknown, problems: TemplateProblem[]): boolean {
  let deepEnough = true;
  const text = (path: Path, value: string, what: { zh: string; en: string }) => {
    const problem = cellTextProblem(value);
    if (problem) problems.push({ path: jsonPath(path), message: `${what.zh}${problem.zh} / ${what.en}${problem.en}: expected text without control characters, at most 32,767 characters` });
  };
  const pending: [Path, unknown][] = [[[], doc]];
  while (pending.length > 0) {
    const [path, value] = pending.pop() as [Path, unknown];
    if (typeof value === "string") text(path, value, { zh: "文本", en: "the text " });
    if (typeof value !== "object" || value === null) continue;
    if (path.length >= TEMPLATE_MAX_DEPTH) {
      problems.push({ path: jsonPath(path), message: `嵌套超过 ${TEMPLATE_MAX_DEPTH} 层 / nested more than ${TEMPLATE_MAX_DEPTH} levels deep: expected a template's own shape, which is far shallower` });
      deepEnough = false;
      continue;
    }
    const next: [Path, unknown][] = [];
    if (Array.isArray(value)) value.forEach((v, i) => next.push([[...path, i], v]));
    else {
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        if (PROTOTYPE_KEYS.has(key)) {
          problems.push({ path: jsonPath([...path, key]), message: `不允许使用键名 ${key} / the key ${key} is not allowed: it names an object's prototype, never a template's field` });
          delete record[key];
          continue;
        }
        text([...path, key], key, { zh: "键名", en: "the key " });
        next.push([[...path, key], record[key]]);
      }
    }
    // Pushed last-first, so the problems come in the file's order.
    pending.push(...next.reverse());
  }
  return deepEnough;
}

/**
 * What a loaded template must do beyond the schema: cite its own issuing document (its file name
 * or link in document.file, and no built-in seed file in any source), and take an id, and sheet
 * ids, that no built-in template has. Read from the raw data, so these come with the schema's
 * problems rather than after them are fixed.
 */
function loadedTemplateProblems(raw: unknown, at: Path): TemplateProblem[] {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return [];
  const t = raw as Record<string, unknown>;
  const problems: TemplateProblem[] = [];
  const document = t.document;
  if (typeof document === "object" && document !== null && !Array.isArray(document) && (document as Record<string, unknown>).file === undefined) {
    problems.push({
      path: jsonPath([...at, "document", "file"]),
      message: "缺少发文文件名或链接 / missing: expected the file name or link of the issuing document, which a loaded template cites",
    });
  }
  for (const c of citations(t)) {
    if (SEED_FILES.includes(c.doc)) {
      problems.push({
        path: jsonPath([...at, ...c.path]),
        message: `${c.doc} 是内置模板的依据文件 / ${c.doc} is the seed file of a built-in template: expected the file name or link of this template's own issuing document`,
      });
    }
  }
  if (typeof t.id === "string") {
    if (isBuiltIn(t.id)) {
      problems.push({
        path: jsonPath([...at, "id"]),
        message: `${t.id} 是内置模板的编号 / ${t.id} is the id of a built-in template: expected an id of its own (a local table is a new template, not a replacement)`,
      });
    } else if (typeof t.kind === "string") {
      const taken = builtInSheets();
      for (const sheet of sheetIdsOf({ id: t.id, kind: t.kind as Template["kind"] })) {
        const owner = taken.get(sheet);
        if (owner !== undefined) {
          problems.push({
            path: jsonPath([...at, "id"]),
            message: `工作表 ${sheet} 已属于内置模板 ${owner} / the sheet ${sheet} belongs to the built-in template ${owner}: expected an id whose sheets no built-in template makes`,
          });
        }
      }
    }
  }
  return problems;
}

let builtInSheetOwners: Map<string, string> | undefined;

function builtInSheets(): Map<string, string> {
  builtInSheetOwners ??= new Map(ALL_TEMPLATES.flatMap((t) => sheetIdsOf(t).map((s) => [s, t.id] as const)));
  return builtInSheetOwners;
}

type Issue = z.core.$ZodIssue;

/** The value at a zod path inside the template, or undefined when it is not there. */
function valueAt(raw: unknown, path: Path): unknown {
  let v = raw;
  for (const key of path) {
    if (typeof v !== "object" || v === null || !hasOwn(v, key)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** A JSON value's kind in both languages: what was found where something else was expected. */
function typeName(value: unknown): { zh: string; en: string } {
  if (value === undefined) return { zh: "缺失", en: "nothing" };
  if (value === null) return { zh: "null", en: "null" };
  if (Array.isArray(value)) return { zh: "数组", en: "an array" };
  if (typeof value === "string") return { zh: `文本 ${JSON.stringify(shorten(value))}`, en: `the text ${JSON.stringify(shorten(value))}` };
  if (typeof value === "number") return { zh: `数字 ${value}`, en: `the number ${value}` };
  if (typeof value === "boolean") return { zh: `${value}`, en: `${value}` };
  return { zh: "对象", en: "an object" };
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

const EXPECTED: Record<string, { zh: string; en: string }> = {
  string: { zh: "文本", en: "a text" },
  number: { zh: "数字", en: "a number" },
  int: { zh: "整数", en: "a whole number" },
  boolean: { zh: "true 或 false", en: "true or false" },
  object: { zh: "对象 {…}", en: "an object {…}" },
  array: { zh: "数组 […]", en: "an array […]" },
  null: { zh: "null", en: "null" },
};

const list = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(" | ");

/** One zod issue as problems a template's author can act on: the path, what was expected there, and what was found. */
function describeIssue(issue: Issue, raw: unknown, at: Path): TemplateProblem[] {
  const path = [...at, ...issue.path];
  const value = valueAt(raw, issue.path);
  const found = typeName(value);
  const problem = (zh: string, en: string): TemplateProblem => ({ path: jsonPath(path), message: `${zh} / ${en}` });
  switch (issue.code) {
    case "invalid_type": {
      const expected = EXPECTED[issue.expected] ?? { zh: issue.expected, en: issue.expected };
      if (value === undefined) return [problem(`缺少此项，应为${expected.zh}`, `missing: expected ${expected.en}`)];
      return [problem(`应为${expected.zh}，实为${found.zh}`, `expected ${expected.en}, found ${found.en}`)];
    }
    case "too_small":
    case "too_big": {
      const least = issue.code === "too_small";
      const bound = Number(least ? (issue as { minimum: unknown }).minimum : (issue as { maximum: unknown }).maximum);
      const inclusive = issue.inclusive !== false;
      if (issue.origin === "string") {
        if (least && bound === 1) return [problem("不能为空", "expected a text that is not empty")];
        return [problem(`${least ? "至少" : "至多"} ${bound} 个字符`, `expected ${least ? "at least" : "at most"} ${bound} characters, found ${found.en}`)];
      }
      if (issue.origin === "array" || issue.origin === "set") return [problem(`${least ? "至少" : "至多"} ${bound} 项`, `expected ${least ? "at least" : "at most"} ${bound} entr${bound === 1 ? "y" : "ies"}`)];
      const zh = `应${least ? (inclusive ? "不小于" : "大于") : inclusive ? "不大于" : "小于"} ${bound}，实为${found.zh}`;
      const en = `expected a number ${least ? (inclusive ? "of at least" : "above") : inclusive ? "of at most" : "below"} ${bound}, found ${found.en}`;
      return [problem(zh, en)];
    }
    case "invalid_format": {
      const pattern = (issue as { pattern?: string }).pattern;
      // The schema's own wording ("a lower-case id such as shaoxing-discrete") says it best; zod's default names the pattern.
      const expected = issue.message.startsWith("Invalid") ? `text matching ${pattern ?? issue.format}` : issue.message;
      return [problem(`格式不符${pattern ? `（应匹配 ${pattern}）` : ""}，实为${found.zh}`, `expected ${expected}, found ${found.en}`)];
    }
    case "invalid_value":
      return [problem(`应为 ${list(issue.values)} 之一，实为${found.zh}`, `expected one of ${list(issue.values)}, found ${found.en}`)];
    case "invalid_union": {
      const options = (issue as { options?: unknown[] }).options;
      if (options) return [problem(`应为 ${list(options)} 之一，实为${found.zh}`, `expected one of ${list(options)}, found ${found.en}`)];
      return [problem(`不符合任何一种允许的写法，实为${found.zh}`, `expected ${issue.message}, found ${found.en}`)];
    }
    case "unrecognized_keys":
      return issue.keys.map((key) => ({
        path: jsonPath([...path, key]),
        message: "不是此处的字段（拼写有误？）/ not a field here (a typo?): expected only the fields the schema names (template.schema.json)",
      }));
    default:
      // Cross-field rules (sums, brackets, inputs read once…) say in their own words what they expect.
      return [problem("与模板的规则不符", issue.message)];
  }
}
