/**
 * Issue 10 item 1: every formula cell the .xlsx writer produces carries a cached result, and
 * it is what a spreadsheet computes. For every sheet template — blank, its sample, inputs at
 * and just below every threshold its formulas compare them with (the bounds of every bracket
 * and tier condition), and random answers — the written workbook is recalculated by LibreOffice
 * and every formula cell's stored value in our file is compared with LibreOffice's: numbers to
 * a relative 1e-9, texts exactly, booleans, errors by code. Zero differences.
 *
 * Inputs are typed into the plan's input cells as raw values (blanks, spaces, tick words,
 * level names, numbers, refused answers), as a user would leave them, so the formulas meet
 * more than what render accepts. Booleans are left out: LibreOffice has no boolean type (TRUE
 * is the number 1 there, so ISNUMBER(TRUE) and TRUE&"" differ from Excel, whose results the
 * evaluator follows); tests/sheets/calc/evaluator.test.ts pins Excel's answers instead.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { processIO } from "../../src/cli/io";
import { run } from "../../src/cli/main";
import { checkParams } from "../../src/sheets/params";
import type { CellValue, SheetPlan } from "../../src/sheets/plan";
import { SHEET_TEMPLATES, type SheetTemplate } from "../../src/sheets/registry";
import { colLetter } from "../../src/sheets/formula";
import { replaceSheet } from "../../src/xlsx/replace-sheet";
import { writeWorkbook } from "../../src/xlsx/writer";
import { IN_CI, findSoffice, recalculate } from "./libreoffice";
import { findSsconvert, recalculateWithGnumeric } from "./gnumeric";
import { differences, formulaCells } from "./calc/formula-cells";

jest.setTimeout(600_000);

const soffice = findSoffice();
const describeWithLibreOffice = soffice || IN_CI ? describe : describe.skip;
if (!soffice && !IN_CI) console.warn("tests/sheets/cached-results.test.ts: LibreOffice comparison skipped, soffice is not installed.");
const ssconvert = findSsconvert();
const describeWithGnumeric = ssconvert || IN_CI ? describe : describe.skip;
if (!ssconvert && !IN_CI) console.warn("tests/sheets/cached-results.test.ts: Gnumeric comparison skipped, ssconvert is not installed (Debian package gnumeric).");

function render(t: SheetTemplate, data: unknown): SheetPlan {
  const params = checkParams(t.params, {});
  if (!params.ok) throw new Error(`${t.id}: ${JSON.stringify(params.problems)}`);
  const plan = t.render(params.value, data);
  if (!plan.ok) throw new Error(`${t.id}: ${JSON.stringify(plan.problems)}`);
  return plan.value;
}

/** The plan with its input cells holding the given raw values (undefined: left as rendered). */
function typed(plan: SheetPlan, value: (row: number, col: number) => CellValue | undefined): SheetPlan {
  const inputs = new Set(plan.inputs.map((i) => `${i.row},${i.col}`));
  return {
    ...plan,
    cells: plan.cells.map((c) => {
      if (!inputs.has(`${c.row},${c.col}`)) return c;
      const v = value(c.row, c.col);
      return v === undefined ? c : { ...c, value: v };
    }),
  };
}

/**
 * Per input cell, the numbers its formulas compare it with (E11>=0.6 → 0.6): the bounds of every
 * bracket and threshold, read from the formulas themselves so no template is left out.
 */
function thresholds(plan: SheetPlan): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const inputs = new Map(plan.inputs.map((i) => [`${colLetter(i.col)}${i.row}`, `${i.row},${i.col}`]));
  for (const c of plan.cells) {
    for (const m of (c.formula ?? "").matchAll(/\$?([A-Z]{1,3})\$?(\d+)\s*(?:>=|<=|<>|>|<|=)\s*(\d+(?:\.\d+)?)(?![\d.A-Z(])/g)) {
      const at = inputs.get(`${m[1]}${m[2]}`);
      if (at) out.set(at, [...new Set([...(out.get(at) ?? []), Number(m[3])])]);
    }
  }
  return out;
}

const WORDS: CellValue[] = ["是", "否", "有", "无", "√", "□", " 有 ", "YES", "no", "TRUE", "1", "0", "maybe", "满足", "达到", "平均水平", "领先", "国有", "智能工厂"];
const BLANKS: CellValue[] = [null, "", "  "];

/** What a user may leave in an input cell: its sample answer, a blank, a word, a bound, a number. */
function randomValue(sample: CellValue | undefined, bounds: number[]): fc.Arbitrary<CellValue> {
  return fc.oneof(
    { arbitrary: fc.constant(sample ?? null), weight: 3 },
    { arbitrary: fc.constantFrom(...BLANKS), weight: 2 },
    { arbitrary: fc.constantFrom(...WORDS), weight: 2 },
    { arbitrary: bounds.length ? fc.constantFrom(...bounds.flatMap((b) => [b, Math.round((b - 0.0001) * 1e6) / 1e6])) : fc.constant(null), weight: 2 },
    { arbitrary: fc.oneof(fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000), fc.integer({ min: -5, max: 3000 })), weight: 1 },
  );
}

interface Case {
  label: string;
  plan: SheetPlan;
}

function casesOf(t: SheetTemplate, seed: number): Case[] {
  const sample = render(t, t.sample());
  const sampleValues = new Map(sample.cells.map((c) => [`${c.row},${c.col}`, c.value]));
  const bounds = thresholds(sample);
  const widest = Math.max(0, ...[...bounds.values()].map((b) => b.length));
  const at = (k: number, below: boolean) => (row: number, col: number) => {
    const b = bounds.get(`${row},${col}`);
    if (!b) return undefined;
    const v = b[k % b.length];
    return below ? Math.round((v - 0.0001) * 1e6) / 1e6 : v;
  };
  const random = fc.sample(fc.record(Object.fromEntries(sample.inputs.map((i) => [`${i.row},${i.col}`, randomValue(sampleValues.get(`${i.row},${i.col}`) ?? null, bounds.get(`${i.row},${i.col}`) ?? [])]))), {
    numRuns: 3,
    seed,
  });
  return [
    { label: `${t.id} blank`, plan: render(t, undefined) },
    { label: `${t.id} sample`, plan: sample },
    ...Array.from({ length: widest }, (_, k) => [
      { label: `${t.id} at bound ${k + 1}`, plan: typed(sample, at(k, false)) },
      { label: `${t.id} just below bound ${k + 1}`, plan: typed(sample, at(k, true)) },
    ]).flat(),
    ...random.map((values, n) => ({ label: `${t.id} random ${n + 1}`, plan: typed(sample, (row, col) => values[`${row},${col}`] as CellValue) })),
  ];
}

const CASES: Case[] = SHEET_TEMPLATES.flatMap((t, i) => casesOf(t, 4242 + i));

describe("the written file", () => {
  test("every formula cell carries a cached value, blank and filled", async () => {
    const written = await writeWorkbook(CASES.map((c) => c.plan));
    const sheets = await formulaCells(written.bytes);
    const missing = sheets.flatMap((s) => s.formulas.filter((f) => f.stored.type === "none").map((f) => `${s.name}!${f.address}`));
    expect(sheets.reduce((n, s) => n + s.formulas.length, 0)).toBeGreaterThan(10_000);
    expect(missing).toEqual([]);
  });

  test("assessbook build --all: no formula cell lacks a <v>", async () => {
    const dir = await mkdtemp(join(tmpdir(), "assessbook-cached-"));
    try {
      const out = join(dir, "demo.xlsx");
      const quiet = { ...processIO, out: () => undefined, err: () => undefined };
      expect(await run(["build", "--all", "-o", out], quiet)).toBe(0);
      const sheets = await formulaCells(await readFile(out));
      expect(sheets.reduce((n, s) => n + s.formulas.length, 0)).toBeGreaterThan(1000);
      expect(sheets.flatMap((s) => s.formulas.filter((f) => f.stored.type === "none").map((f) => `${s.name}!${f.address}: ${f.formula}`))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("a merged summary table written back into a workbook (replace-sheet)", () => {
  test.each(["shanxi-2018-summary", "national-2024-summary"])("%s: every formula cell of the new sheet carries its cached value", async (id) => {
    const t = SHEET_TEMPLATES.find((x) => x.id === id) as SheetTemplate;
    const blank = await writeWorkbook([render(t, undefined)]);
    const merged = await replaceSheet(blank.bytes, blank.sheetNames[0], render(t, t.sample()));
    const [sheet] = await formulaCells(merged.bytes);
    expect(sheet.formulas.length).toBeGreaterThan(20);
    expect(sheet.formulas.filter((f) => f.stored.type === "none")).toEqual([]);
    // The sample's rows are counted: the cached values are the filled table's, not the blank one's.
    expect(await differences(merged.bytes, (await writeWorkbook([render(t, t.sample())])).bytes, "a fresh build")).toEqual([]);
  });
});

describeWithLibreOffice("LibreOffice recalculates every formula cell to the cached value we wrote", () => {
  // Two workbooks, so each LibreOffice run stays well inside its timeout on a busy machine.
  const halves = [CASES.slice(0, Math.ceil(CASES.length / 2)), CASES.slice(Math.ceil(CASES.length / 2))];

  test("the cases cover every template blank, filled, at its bounds and at random", () => {
    for (const t of SHEET_TEMPLATES) expect(CASES.filter((c) => c.label.startsWith(`${t.id} `)).length).toBeGreaterThanOrEqual(5);
    expect(CASES.some((c) => c.label.includes("bound"))).toBe(true);
  });

  test.each(halves.map((h, i) => [i + 1, h] as const))("workbook %d: zero differences", async (_n, cases) => {
    if (!soffice) throw new Error("LibreOffice (soffice) is needed in CI: .ci/run installs it");
    const written = await writeWorkbook(cases.map((c) => c.plan));
    const found = await differences(written.bytes, await recalculate(soffice, written.bytes));
    // Name the case beside the sheet, so a difference is easy to reproduce.
    const label = new Map(written.sheetNames.map((name, i) => [name, cases[i].label]));
    expect(found.map((d) => `${label.get(d.slice(0, d.indexOf("!"))) ?? "?"}: ${d}`)).toEqual([]);
  });
});

describeWithGnumeric("Gnumeric recalculates every formula cell of every template, blank and filled, to the cached value we wrote", () => {
  // The bound and random cases stay with LibreOffice: Gnumeric's TRIM also strips U+2000–U+200A
  // (tests/sheets/whitespace.test.ts), a difference no written value can share with Excel.
  const cases = CASES.filter((c) => / (blank|sample)$/.test(c.label));

  test("zero differences", async () => {
    if (!ssconvert) throw new Error("Gnumeric (ssconvert) is needed in CI: .ci/run installs it");
    const written = await writeWorkbook(cases.map((c) => c.plan));
    const found = await differences(written.bytes, await recalculateWithGnumeric(ssconvert, written.bytes), "Gnumeric");
    const label = new Map(written.sheetNames.map((name, i) => [name, cases[i].label]));
    expect(found.map((d) => `${label.get(d.slice(0, d.indexOf("!"))) ?? "?"}: ${d}`)).toEqual([]);
  });
});
