/**
 * One reading of spaces (issue 10): what a sheet's formulas read as 有, the engine reads as 有,
 * and the reverse. Random answers on the 表1 and 表2 scoring sheets and the 2024 gradient
 * self-check are decorated the way pasted and IME-typed answers come — ASCII spaces, the
 * full-width space U+3000, NBSP, line breaks and tabs around the answer, cells holding only
 * such characters — and every bound result (totals, item scores, completeness, tiers) must be
 * what the engine computes from the same decorated answers, after recalculation in LibreOffice
 * and in Gnumeric. One workbook holds every case, so each spreadsheet starts once.
 *
 * The formulas' other half, the mobile-number check of the summary tables and forms, is held
 * to the engine's checkMobile on the same values, in both spreadsheets.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import fc from "fast-check";
import { BLANK, SPACE_LIKE, TICKED_WORDS, UNTICKED_WORDS, isProblem, readAnswer, readTick } from "../../src/core/answers";
import { checkMobile } from "../../src/core/validators";
import type { ReadSheet } from "../../src/sheets/check-sheet";
import { PlanBuilder } from "../../src/sheets/builder";
import { isBlankCell, isTicked, isUnticked, ref } from "../../src/sheets/formula";
import { checkParams } from "../../src/sheets/params";
import type { CellValue, SheetPlan } from "../../src/sheets/plan";
import { SHEET_TEMPLATES, type SheetTemplate } from "../../src/sheets/registry";
import { mobileOk } from "../../src/sheets/tables/contact-formulas";
import { extractWorkbook } from "../../src/xlsx/extract";
import { readWorkbook } from "../../src/xlsx/reader";
import { writeWorkbook } from "../../src/xlsx/writer";
import { findRubric, findScheme } from "../../templates/index";
import type { InputDef } from "../../templates/schema";
import { findSsconvert, recalculateWithGnumeric } from "./gnumeric";
import { IN_CI, findSoffice, recalculate } from "./libreoffice";

jest.setTimeout(300_000);

const run = promisify(execFile);

type Raw = string | number | boolean | null;

/** What may stand around an answer: nothing, or runs of ASCII and SPACE_LIKE spaces. */
const pad = fc.array(fc.constantFrom(" ", ...SPACE_LIKE, "\r\n"), { maxLength: 3 }).map((parts) => parts.join(""));
const decorated = (word: string) => fc.tuple(pad, pad).map(([before, after]) => `${before}${word}${after}`);
/** A cell holding only spaces (at least one character): not answered (G3). */
const spacesOnly = fc.array(fc.constantFrom(" ", ...SPACE_LIKE), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(""));
const blank = fc.oneof(fc.constant<Raw>(null), spacesOnly);
const upperOrNot = (w: string) => fc.boolean().map((u) => (u ? w.toUpperCase() : w));
const tickWord = fc.constantFrom(...TICKED_WORDS, ...UNTICKED_WORDS).chain(upperOrNot).chain(decorated);
const tick = fc.oneof({ arbitrary: tickWord, weight: 6 }, { arbitrary: fc.constantFrom<Raw>(true, false, 1, 0), weight: 1 }, { arbitrary: blank, weight: 1 });
const rate = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 100 }).map((n) => n / 100), weight: 4 }, { arbitrary: blank, weight: 1 });

function levelAnswer(input: InputDef): fc.Arbitrary<Raw> {
  const words = (input.levels ?? []).flatMap((l) => [l.name.zh, l.name.en, ...l.aliases]);
  return fc.oneof({ arbitrary: fc.constantFrom(...words).chain(decorated), weight: 4 }, { arbitrary: blank, weight: 1 });
}

function answerOf(input: InputDef): fc.Arbitrary<Raw> | null {
  switch (input.type) {
    case "tick":
      return tick;
    case "tick-or-rate":
      return fc.oneof(tick, rate);
    case "rate":
      return rate;
    case "improvement":
      return fc.oneof(rate, blank);
    case "level":
      return levelAnswer(input);
    default:
      return null; // amounts: the sample's own numbers
  }
}

function template(id: string): SheetTemplate {
  const t = SHEET_TEMPLATES.find((s) => s.id === id);
  if (!t) throw new Error(`no sheet template ${id}`);
  return t;
}

interface Case {
  plan: SheetPlan;
  expected: Record<string, CellValue>;
}

/**
 * The sheet rendered with the answers, its input cells then given the raw decorated values as
 * typed: render writes the engine's canonical form (有, 0.62 …), which would hide the spaces.
 */
function caseOf(t: SheetTemplate, data: Record<string, Raw | unknown>): Case {
  const params = checkParams(t.params, {});
  if (!params.ok) throw new Error(JSON.stringify(params.problems));
  const rendered = t.render(params.value, data);
  if (!rendered.ok) throw new Error(`${t.id}: the engine refuses ${JSON.stringify(data)}: ${JSON.stringify(rendered.problems)}`);
  const expected = t.expected(params.value, data);
  if (!expected.ok) throw new Error(`${t.id}: ${JSON.stringify(expected.problems)}`);
  const plan = rendered.value;
  const at = new Map(plan.inputs.map((i) => [`${i.row},${i.col}`, i.code]));
  const cells = plan.cells.map((c) => {
    const code = at.get(`${c.row},${c.col}`);
    return code !== undefined && code in data ? { ...c, value: data[code] as Raw } : c;
  });
  return { plan: { ...plan, cells }, expected: expected.value };
}

/** Random decorated answers for every input of a scoring sheet or a tier self-check. */
function casesOf(id: string, inputs: readonly InputDef[], base: Record<string, unknown>, runs: number, seed: number): Case[] {
  const t = template(id);
  const arbitraries = Object.fromEntries(inputs.flatMap((i) => {
    const a = answerOf(i);
    return a ? [[i.code, a]] : [];
  }));
  return fc.sample(fc.record(arbitraries), { numRuns: runs, seed }).map((answers) => caseOf(t, { ...base, ...answers }));
}

const discrete = findRubric("shaoxing-discrete");
const process_ = findRubric("shaoxing-process");
const gradient = findScheme("national-2024");
if (!discrete || !process_ || !gradient) throw new Error("the catalogue lacks 表1, 表2 or the 2024 gradient");

/** 30 random answer sets: 12 on 表1, 12 on 表2, 6 on the gradient self-check. */
const CASES: Case[] = [
  ...casesOf("shaoxing-discrete", discrete.inputs, {}, 12, 2024_10),
  ...casesOf("shaoxing-process", process_.inputs, {}, 12, 2024_11),
  ...casesOf("national-2024", gradient.inputs, template("national-2024").sample() as Record<string, unknown>, 6, 2024_12),
];

/** Values for the mobile check: valid and invalid numbers, decorated or not, as text and as numbers. */
const MOBILES: Raw[] = [
  "13800138000",
  13800138000,
  19912345678,
  " 13800138000 ",
  "\u300013800138000\u00A0",
  "13800138000\r\n",
  "\t15057512345",
  "13800138000\u2003",
  "12812345678",
  "23800138000",
  "1380013800",
  "138001380000",
  "138 0013 8000",
  "138-0013-8000",
  "+8613800138000",
  "1.3800138e10",
  "1.5e10",
  "13800138000.0",
  13800138000.5,
  "１３８００１３８０００",
  "1380013800a",
  "abc",
  true,
];
/** Tick answers with spaces; answers a spreadsheet's TRIM and the engine both keep (U+2003, U+200B); wildcards MATCH must not read as such. */
const TICKS: Raw[] = ["有\u3000", "\u00A0是", "无\n", "\r\nTRUE\t", "\u3000\u3000", "有\u2003", "\u200B是", true, false, 1, 0, "YES", "N", "*", "?", "有*", "~", "t*"];

/**
 * "1,5%" typed as text into 表1 3.1 关键装备数控化率: 1.5% or 15% by locale, so the engine refuses it
 * (src/core/answers.ts readNumber) and the sheet, which reads numbers only, marks it 无法识别.
 */
const COMMA: { plan: SheetPlan; row: number; col: number; status: number } = (() => {
  const t = template("shaoxing-discrete");
  const blankSheet = t.render({}, undefined);
  if (!blankSheet.ok) throw new Error(JSON.stringify(blankSheet.problems));
  const plan = blankSheet.value;
  const at = plan.inputs.find((i) => i.code === "3.1");
  const status = plan.cells.find((c) => c.value === "状态");
  if (!at || !status) throw new Error("表1 lost its 3.1 input or its 状态 column");
  const cells = plan.cells.map((c) => (c.row === at.row && c.col === at.col ? { ...c, value: "1,5%" } : c));
  return { plan: { ...plan, cells }, row: at.row, col: at.col, status: status.col };
})();

/** A sheet of probes: the value in A, the formula's verdicts in B (C, D) for each row. */
function probes(): SheetPlan {
  const b = new PlanBuilder("探针", { template: "whitespace-probe", version: 1, params: {} });
  MOBILES.forEach((v, i) => b.value(i + 1, 1, v).formula(i + 1, 2, mobileOk(ref(i + 1, 1))));
  const top = MOBILES.length + 2;
  TICKS.forEach((v, i) => {
    const cell = ref(top + i, 1);
    b.value(top + i, 1, v).formula(top + i, 2, isTicked(cell)).formula(top + i, 3, isUnticked(cell)).formula(top + i, 4, isBlankCell(cell));
  });
  return b.build();
}

/** What the engine reads each tick probe as: [ticked, unticked, blank]. */
function tickVerdict(raw: Raw): [boolean, boolean, boolean] {
  const t = readTick("probe", raw);
  return [t === true, t === false, t === BLANK];
}

const soffice = findSoffice();
const ssconvert = findSsconvert();

function resultOf(sheet: ReadSheet, row: number, col: number): unknown {
  const c = sheet.cell(row, col);
  return c.kind === "formula" ? c.result : c.kind === "value" ? c.value : null;
}

function same(got: unknown, want: CellValue): boolean {
  if (typeof want === "number") return typeof got === "number" && Math.abs(got - want) < 1e-9;
  if (want === null) return got === "" || got === null;
  return got === want;
}

/** Each bound result that differs from the engine, named by sheet, key and cell. */
function differences(engine: string, sheets: ReadSheet[], names: string[]): string[] {
  return CASES.flatMap((c, i) => {
    const sheet = sheets.find((s) => s.name === names[i]);
    if (!sheet) return [`${names[i]}: missing after ${engine}`];
    return c.plan.results.flatMap((r) => {
      const got = resultOf(sheet, r.row, r.col);
      const want = c.expected[r.key];
      if (want === undefined) return [`${names[i]} ${r.key}: no engine value`];
      return same(got, want) ? [] : [`${names[i]} ${r.key} ${ref(r.row, r.col)}: ${engine} ${JSON.stringify(got)}, engine ${JSON.stringify(want)}`];
    });
  });
}

test("the random cases exercise what they claim: decorated answers, blanks of spaces only, and results to compare", () => {
  const inputs = CASES.flatMap((c) => {
    const at = new Set(c.plan.inputs.map((i) => `${i.row},${i.col}`));
    return c.plan.cells.filter((x) => at.has(`${x.row},${x.col}`)).map((x) => x.value);
  });
  for (const ch of ["\u3000", "\u00A0", "\n", "\t"]) expect(inputs.some((v) => typeof v === "string" && v.includes(ch) && v.trim() !== "")).toBe(true);
  expect(inputs.some((v) => typeof v === "string" && v !== "" && v.trim() === "")).toBe(true);
  expect(CASES.every((c) => c.plan.results.length > 0)).toBe(true);
  // Totals differ from case to case: the answers matter, so the comparison cannot pass vacuously.
  expect(new Set(CASES.slice(0, 12).map((c) => c.expected.total)).size).toBeGreaterThan(3);
});

test("no formula or conditional format of any sheet exceeds Excel's limit of 8,192 characters, spaces read and all", () => {
  const longest = SHEET_TEMPLATES.flatMap((t) => {
    const params = checkParams(t.params, {});
    if (!params.ok) throw new Error(JSON.stringify(params.problems));
    return [t.sample(), undefined].map((data) => {
      const plan = t.render(params.value, data);
      if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
      const formulas = [...plan.value.cells.flatMap((c) => (c.formula === undefined ? [] : [c.formula])), ...plan.value.conditionalFormats.map((f) => f.formula)];
      return { sheet: t.id, length: Math.max(0, ...formulas.map((f) => f.length)) };
    });
  });
  expect(longest.filter((l) => l.length > 8192)).toEqual([]);
  // The check is not vacuous: the spaces' reading is in the longest formulas.
  expect(Math.max(...longest.map((l) => l.length))).toBeGreaterThan(2000);
});

/**
 * Gnumeric's TRIM also strips the other Unicode spaces (U+2000–U+200A, U+2028 …; Excel's and
 * LibreOffice's strip only the ASCII space): an answer padded with U+2003 counts there, and
 * is refused by the engine, Excel and LibreOffice. Known and left: the probes say so here.
 */
const gnumericReads = (v: Raw): Raw => (typeof v === "string" ? v.replace(/[\u2000-\u200A\u2028\u2029\u202F\u205F]/g, " ") : v);

const ENGINES: [name: string, available: boolean, recalc: (bytes: Buffer) => Promise<Buffer>, reads: (v: Raw) => Raw][] = [
  ["LibreOffice", soffice !== null, (bytes) => recalculate(soffice as string, bytes), (v) => v],
  ["Gnumeric", ssconvert !== null, (bytes) => recalculateWithGnumeric(ssconvert as string, bytes), gnumericReads],
];

describe.each(ENGINES)("%s reads spaces as the engine does", (name, available, recalc, reads) => {
  if (!available && !IN_CI) {
    console.warn(`tests/sheets/whitespace.test.ts: ${name} is not installed; its half of the comparison is skipped.`);
    test.skip(`${name}: skipped, not installed`, () => undefined);
    return;
  }
  let sheets: ReadSheet[];
  let names: string[];
  let recalculated: Buffer;

  beforeAll(async () => {
    if (!available) throw new Error(`${name} is not installed; CI installs it (.ci/run) and never skips this comparison`);
    const written = await writeWorkbook([...CASES.map((c) => c.plan), COMMA.plan, probes()]);
    names = written.sheetNames;
    recalculated = await recalc(written.bytes);
    sheets = await readWorkbook(recalculated);
  });

  test("“1,5%” typed as text is refused on both sides: the sheet marks it 无法识别, extract names the cell", async () => {
    const sheet = sheets.find((s) => s.name === names[CASES.length]) as ReadSheet;
    expect(resultOf(sheet, COMMA.row, COMMA.status)).toBe("无法识别");
    const report = (await extractWorkbook(recalculated)).find((r) => r.sheet === names[CASES.length]);
    expect(report?.status).toBe("invalid-answers");
    expect(report?.problems).toEqual([expect.objectContaining({ cell: ref(COMMA.row, COMMA.col), code: "3.1" })]);
    expect(report?.problems[0].message.zh).toContain("小数请用小数点");
  });

  test("every bound result of 30 random decorated answer sets equals the engine's", () => {
    expect(differences(name, sheets, names)).toEqual([]);
  });

  test("the mobile check reads each value as checkMobile does", () => {
    const probe = sheets.find((s) => s.name === names[names.length - 1]) as ReadSheet;
    const got = MOBILES.map((v, i) => [v, resultOf(probe, i + 1, 2)]);
    expect(got).toEqual(MOBILES.map((v) => [v, checkMobile(reads(v)).valid]));
  });

  test("a tick cell is ticked, unticked or blank exactly when the engine reads it so", () => {
    const probe = sheets.find((s) => s.name === names[names.length - 1]) as ReadSheet;
    const top = MOBILES.length + 2;
    const got = TICKS.map((v, i) => [v, [2, 3, 4].map((col) => resultOf(probe, top + i, col))]);
    expect(got).toEqual(TICKS.map((v) => [v, tickVerdict(reads(v))]));
  });
});

/**
 * The mobile check inside a conditional format, where LibreOffice 7.4 evaluated the former
 * array-constant form differently from a cell and painted valid numbers as errors (issue 10).
 * LibreOffice's HTML export applies conditional formats (a painted cell carries the fill), so
 * the 浦江申报表 is exported with its 联系人手机号码 set to each value in turn.
 */
const FORM_MOBILES = ["13800138000", "19912345678", "15858912345", "1380013800", "12812345678", "138-0013-8000", "1.5e10", "+8613800138000", "13800138000.0", "1380013800a"];

async function htmlOf(bytes: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "assessbook-lo-html-"));
  try {
    await writeFile(join(dir, "in.xlsx"), bytes);
    await run(soffice as string, [`-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`, "--headless", "--convert-to", "html", "--outdir", dir, join(dir, "in.xlsx")], { timeout: 180_000 });
    return await readFile(join(dir, "in.html"), "utf8");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

(soffice || IN_CI ? describe : describe.skip)("LibreOffice paints a mobile number in a form's conditional format as checkMobile judges it", () => {
  test("valid numbers are left plain, invalid ones painted", async () => {
    if (!soffice) throw new Error("LibreOffice is not installed; CI installs it (.ci/run) and never skips this check");
    const t = template("pujiang-application");
    const sample = t.render({}, t.sample());
    if (!sample.ok) throw new Error(JSON.stringify(sample.problems));
    const at = sample.value.inputs.find((i) => i.code === "contact-mobile");
    if (!at) throw new Error("the 浦江申报表 has no contact-mobile input");
    const plans = FORM_MOBILES.map((v) => ({
      ...sample.value,
      cells: sample.value.cells.map((c) => (c.row === at.row && c.col === at.col ? { ...c, value: v } : c)),
    }));
    const html = await htmlOf((await writeWorkbook(plans)).bytes);
    const painted = FORM_MOBILES.map((v) => {
      const cells = [...html.matchAll(new RegExp(`<td([^>]*)>(?:<[^>]+>)*${v.replace(/[.+]/g, "\\$&")}(?:<[^>]+>)*</td>`, "g"))];
      if (cells.length !== 1) throw new Error(`${v}: found in ${cells.length} cells of the export`);
      return [v, /bgcolor="#FFC7CE"/i.test(cells[0][1])];
    });
    expect(painted).toEqual(FORM_MOBILES.map((v) => [v, !checkMobile(v).valid]));
  });
});

/**
 * The batch sheet marks an answer the engine refuses in the cell itself (a conditional format).
 * LibreOffice 7.4 evaluated the former SUMPRODUCT-over-an-array-constant form there as if every
 * answer matched and painted them all; formula.ts isOneOfInFormat uses MATCH instead.
 */
const BATCH_ANSWERS: [code: string, value: string][] = [
  ["1.1", "有\u3000"],
  ["2.1.1", "maybe"],
  ["2.1.2", "*"],
  ["2.1.3", "否\u3000"],
  ["3.2.1", "t*"],
  ["3.2.2", "TRUE\u3000"],
  ["3.2.3", "无效"],
  ["6.1", "平均水平\u3000"],
  ["6.2", "~"],
];

(soffice || IN_CI ? describe : describe.skip)("LibreOffice marks a batch sheet's answers as the engine reads them", () => {
  test("accepted answers are left plain, refused ones painted", async () => {
    if (!soffice) throw new Error("LibreOffice is not installed; CI installs it (.ci/run) and never skips this check");
    const t = template("shaoxing-discrete-batch");
    const rendered = t.render({ rows: 2 }, undefined);
    if (!rendered.ok) throw new Error(JSON.stringify(rendered.problems));
    const plan = rendered.value;
    const inputs = new Map((discrete?.inputs ?? []).map((i) => [i.code, i]));
    const cells = BATCH_ANSWERS.map(([code, value]) => {
      const at = plan.inputs.find((i) => i.code === `0/${code}`);
      if (!at) throw new Error(`the batch sheet has no input 0/${code}`);
      return { row: at.row, col: at.col, value };
    });
    const typed = { ...plan, cells: [...plan.cells.filter((c) => !cells.some((x) => x.row === c.row && x.col === c.col)), ...cells] };
    const html = await htmlOf((await writeWorkbook([typed])).bytes);
    const painted = BATCH_ANSWERS.map(([code, value]) => {
      const found = [...html.matchAll(new RegExp(`<td([^>]*)>(?:<[^>]+>)*${value.replace(/[*~]/g, "\\$&")}(?:<[^>]+>)*</td>`, "g"))];
      if (found.length !== 1) throw new Error(`${code} ${JSON.stringify(value)}: found in ${found.length} cells of the export`);
      return [code, value, /bgcolor="#FFC7CE"/i.test(found[0][1])];
    });
    expect(painted).toEqual(BATCH_ANSWERS.map(([code, value]) => [code, value, isProblem(readAnswer(inputs.get(code) as InputDef, value))]));
    // Both kinds occur, so neither "all painted" nor "none painted" could pass.
    expect(new Set(painted.map(([, , p]) => p))).toEqual(new Set([true, false]));
  });
});
