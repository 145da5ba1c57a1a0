/**
 * The scoring sheets' native formulas compute what the engine computes, proved by an
 * independent spreadsheet: LibreOffice recalculates sheets filled with random answers — in every
 * form a user may type or paste (有, √, TRUE, 1, " 是 ", YES, level names and aliases, rates on
 * and around each bracket boundary of 表1/表2, blanks per G3) — and every result cell is compared
 * with src/core (score, aggregatePanel). One workbook, one LibreOffice run.
 */
import fc from "fast-check";
import { TICKED_WORDS, UNTICKED_WORDS } from "../../../src/core/answers";
import { score } from "../../../src/core/score";
import { checkParams } from "../../../src/sheets/params";
import type { CellValue, SheetPlan } from "../../../src/sheets/plan";
import { SHEET_TEMPLATES, type SheetTemplate } from "../../../src/sheets/registry";
import type { ReadSheet } from "../../../src/sheets/check-sheet";
import { readWorkbook } from "../../../src/xlsx/reader";
import { writeWorkbook } from "../../../src/xlsx/writer";
import { RUBRICS, findTemplate } from "../../../templates/index";
import type { InputDef, Rubric } from "../../../templates/schema";
import { IN_CI, findSoffice, recalculate } from "../libreoffice";

type Raw = string | number | boolean | null;
type Answers = Record<string, Raw>;

const soffice = findSoffice();
const describeWithLibreOffice = soffice || IN_CI ? describe : describe.skip;

/** The scoring sheets of the built-in rubrics. */
const SCORING_SHEETS = SHEET_TEMPLATES.filter((s) => findTemplate(s.template)?.kind === "rubric");

function sheet(id: string): SheetTemplate {
  return SCORING_SHEETS.find((s) => s.id === id) as SheetTemplate;
}

function params(t: SheetTemplate, given: Record<string, unknown> = {}) {
  const p = checkParams(t.params, given);
  if (!p.ok) throw new Error(JSON.stringify(p.problems));
  return p.value;
}

/** Bracket and threshold boundaries of the rule reading `code`, with values just below them. */
function boundaries(rubric: Rubric, code: string): number[] {
  const bounds = rubric.sections
    .flatMap((s) => s.items)
    .flatMap((i) => {
      const r = i.rule;
      if (r.kind === "brackets" && r.input === code) return r.brackets.flatMap((b) => (b.min === null ? [] : [b.min]));
      if (r.kind === "tick-or-rate" && r.input === code) return [r.min];
      return [];
    });
  return bounds.flatMap((b) => [b, Math.round((b - 0.0001) * 1e6) / 1e6]);
}

const blank = fc.constantFrom<Raw>(null, "", "  ");
const tickWord = fc.constantFrom<Raw>(...TICKED_WORDS, ...UNTICKED_WORDS, "YES", "No", " 有 ", "TRUE", true, false, 1, 0);

/** What a user may leave in an input cell that the engine accepts. */
function answer(rubric: Rubric, input: InputDef): fc.Arbitrary<Raw> {
  const bounds = boundaries(rubric, input.code);
  const rate = fc.oneof(fc.constantFrom(0, 1, ...bounds), fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000));
  switch (input.type) {
    case "tick":
      return fc.oneof({ arbitrary: tickWord, weight: 4 }, { arbitrary: blank, weight: 1 });
    case "rate":
      return fc.oneof({ arbitrary: rate, weight: 4 }, { arbitrary: blank, weight: 1 });
    case "improvement":
      return fc.oneof({ arbitrary: fc.oneof(rate, fc.integer({ min: -500, max: 3000 }).map((n) => n / 1000)), weight: 4 }, { arbitrary: blank, weight: 1 });
    case "reduction":
      // G2: at most 100%, negative when the measure rose.
      return fc.oneof({ arbitrary: fc.oneof(rate, fc.integer({ min: -500, max: 1000 }).map((n) => n / 1000)), weight: 4 }, { arbitrary: blank, weight: 1 });
    case "tick-or-rate":
      return fc.oneof(tickWord, rate, blank);
    case "level": {
      // Issue 12 item 7: the official wording with spaces inside reads as without ("领 先 水平").
      const words = (input.levels ?? []).flatMap((l) => [l.name.zh, l.name.en, l.name.en.toUpperCase(), ...l.aliases, [...l.name.zh].join(" "), `${l.name.zh.slice(0, 2)}\u3000${l.name.zh.slice(2)}`]);
      return fc.oneof({ arbitrary: fc.constantFrom<Raw>(...words), weight: 4 }, { arbitrary: blank, weight: 1 });
    }
    default:
      throw new Error(`rubric inputs are not ${input.type}`);
  }
}

function answersOf(rubric: Rubric): fc.Arbitrary<Answers> {
  return fc.record(Object.fromEntries(rubric.inputs.map((i) => [i.code, answer(rubric, i)])));
}

/** Expert adjustments (D4): most items left to the formula, a few replaced within 0..max. */
function adjustmentsOf(rubric: Rubric): fc.Arbitrary<Record<string, number>> {
  const items = rubric.sections.flatMap((s) => s.items);
  return fc
    .array(fc.tuple(fc.constantFrom(...items), fc.integer({ min: 0, max: 100 })), { maxLength: 3 })
    .map((pairs) => Object.fromEntries(pairs.map(([item, k]) => [item.code, Math.round((item.max * k) / 10) / 10])));
}

/** Answers the engine refuses, each of which the sheet must flag rather than score silently. */
function refused(input: InputDef): Raw {
  return input.type === "rate" || input.type === "tick-or-rate" ? 62 : input.type === "improvement" ? "abc" : "maybe";
}

/**
 * The plan with its input cells holding exactly the raw values, as if typed or pasted: render
 * writes the engine's canonical form (有, 0.62 …), so the raw forms are put back over it.
 */
function typed(plan: SheetPlan, values: Map<string, Raw>): SheetPlan {
  const at = new Map(plan.inputs.map((i) => [`${i.row},${i.col}`, i.code]));
  return {
    ...plan,
    cells: plan.cells.map((c) => {
      const code = at.get(`${c.row},${c.col}`);
      return code !== undefined && values.has(code) ? { ...c, value: values.get(code) as Raw } : c;
    }),
  };
}

interface Case {
  plan: SheetPlan;
  /** Result key → engine value. */
  expected: Record<string, CellValue>;
  /** Cells that must show a text: [row, col, pattern]. */
  texts: [number, number, RegExp][];
}

function rendered(t: SheetTemplate, p: Record<string, string | number>, data: unknown): SheetPlan {
  const r = t.render(p, data);
  if (!r.ok) throw new Error(`${t.id}: ${JSON.stringify(r.problems)}`);
  return r.value;
}

function singleCases(rubric: Rubric, seed: number): Case[] {
  const t = sheet(rubric.id);
  const docs = fc.sample(fc.tuple(answersOf(rubric), adjustmentsOf(rubric)), { numRuns: 6, seed });
  return docs.map(([answers, adjustments], n) => {
    const data = { ...answers, adjustments };
    const plan = rendered(t, {}, data);
    const values = new Map<string, Raw>(Object.entries(answers));
    if (n === docs.length - 1) {
      // The last sheet carries an answer the engine refuses: its 状态 cell says so.
      const input = rubric.inputs[3];
      values.set(input.code, refused(input));
      const b = plan.inputs.find((i) => i.code === input.code);
      return { plan: typed(plan, values), expected: {}, texts: [[b?.row ?? 0, columnHeaded(plan, "状态"), /^无法识别$/]] };
    }
    const expected = t.expected({}, data);
    if (!expected.ok) throw new Error(`engine refused ${JSON.stringify(expected.problems)}`);
    return { plan: typed(plan, values), expected: expected.value, texts: [] };
  });
}

function columnHeaded(plan: SheetPlan, heading: string): number {
  const c = plan.cells.find((x) => x.value === heading);
  if (!c) throw new Error(`${plan.name}: no column ${heading}`);
  return c.col;
}

function batchCase(rubric: Rubric, seed: number, rows: number): Case {
  const t = sheet(`${rubric.id}-batch`);
  const docs = fc.sample(answersOf(rubric), { numRuns: rows, seed });
  const plan = rendered(t, params(t, { rows }), docs);
  const values = new Map<string, Raw>();
  const expected: Case["expected"] = {};
  const texts: Case["texts"] = [];
  const statusCol = columnHeaded(plan, "状态");
  docs.forEach((answers, i) => {
    for (const [code, raw] of Object.entries(answers)) values.set(`${i}/${code}`, raw);
    const r = score(rubric, answers);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const answered = rubric.inputs.length - r.value.missing.length;
    const row = plan.inputs.find((b) => b.code === `${i}/enterprise`)?.row ?? 0;
    if (i % 10 === 9 && answered > 0) {
      // Every tenth row gets a refused answer in its first input: flagged on the row.
      const input = rubric.inputs[0];
      values.set(`${i}/${input.code}`, refused(input));
      texts.push([row, statusCol, /^有答案无法识别$/]);
      return;
    }
    if (answered === 0) return;
    expected[`row:${i}:total`] = r.value.total;
    expected[`row:${i}:answered`] = answered;
    expected[`row:${i}:complete`] = r.value.complete;
    for (const item of r.value.items) expected[`row:${i}:item:${item.code}`] = item.score;
    texts.push([row, statusCol, r.value.complete ? /^完整$/ : /^未完成（缺 \d+ 项）$/]);
  });
  return { plan: typed(plan, values), expected, texts };
}

function panelCases(rubric: Rubric, seed: number): Case[] {
  const t = sheet(`${rubric.id}-panel`);
  const items = rubric.sections.flatMap((s) => s.items);
  const expertScores = fc.oneof(
    { arbitrary: fc.constant({}), weight: 1 },
    { arbitrary: fc.record(Object.fromEntries(items.map((i) => [i.code, fc.integer({ min: 0, max: i.max * 10 }).map((k) => k / 10)])), { requiredKeys: [] }), weight: 6 },
  );
  const panels = fc.sample(fc.array(expertScores, { minLength: 1, maxLength: 15 }), { numRuns: 6, seed });
  // A panel of two who scored, to see the trimmed mean refused (it needs 3).
  panels.push([{ "1.1": 10 }, { "1.1": 0 }]);
  return panels.map((experts) => {
    const data = { experts: experts.map((scores, i) => ({ name: `专家${i + 1}`, scores })) };
    const p = params(t, { margin: String(5 + (experts.length % 7)) });
    const plan = rendered(t, p, data);
    const expected = t.expected(plan.marker.params, data);
    if (!expected.ok) throw new Error(JSON.stringify(expected.problems));
    const texts: Case["texts"] = [];
    if (Number(expected.value.count) < 3) {
      // No engine value, so not bound: the cell is found by its formula's message.
      const trimmed = plan.cells.find((c) => c.formula?.includes("需至少 3 位专家评分"));
      texts.push([trimmed?.row ?? 0, trimmed?.col ?? 0, /需至少 3 位专家评分/]);
    }
    return { plan, expected: expected.value, texts };
  });
}

function same(got: unknown, want: CellValue): boolean {
  if (typeof want !== "number") return got === want;
  return typeof got === "number" && Math.abs(got - want) < 1e-9;
}

function mismatches(c: Case, read: ReadSheet): string[] {
  const out: string[] = [];
  for (const [key, want] of Object.entries(c.expected)) {
    const at = c.plan.results.find((r) => r.key === key);
    if (!at) {
      out.push(`${c.plan.name} ${key}: not bound`);
      continue;
    }
    const cell = read.cell(at.row, at.col);
    const got = cell.kind === "formula" ? cell.result : cell.kind === "value" ? cell.value : null;
    if (!same(got, want)) out.push(`${c.plan.name} ${key}: LibreOffice ${JSON.stringify(got)}, engine ${JSON.stringify(want)}`);
  }
  for (const [row, col, pattern] of c.texts) {
    const cell = read.cell(row, col);
    const got = cell.kind === "formula" ? cell.result : null;
    if (typeof got !== "string" || !pattern.test(got)) out.push(`${c.plan.name} R${row}C${col}: ${JSON.stringify(got)} does not match ${pattern}`);
  }
  return out;
}

describeWithLibreOffice("LibreOffice recalculates the scoring sheets to the engine's numbers", () => {
  const cases: Case[] = [
    ...SCORING_SHEETS.map((t): Case => {
      const p = params(t);
      const expected = t.expected(p, t.sample());
      if (!expected.ok) throw new Error(JSON.stringify(expected.problems));
      return { plan: rendered(t, p, t.sample()), expected: expected.value, texts: [] };
    }),
    ...RUBRICS.flatMap((r, k) => [...singleCases(r, 11 + k), batchCase(r, 21 + k, 120), ...panelCases(r, 31 + k)]),
  ];
  let sheets: ReadSheet[] = [];

  beforeAll(async () => {
    if (!soffice) throw new Error("LibreOffice (soffice) is needed in CI");
    const written = await writeWorkbook(cases.map((c) => c.plan));
    sheets = await readWorkbook(await recalculate(soffice, written.bytes));
  }, 300_000);

  test("the cases cover samples, single sheets, batches and panels", () => {
    expect(cases.length).toBeGreaterThan(20);
    expect(cases.reduce((n, c) => n + Object.keys(c.expected).length, 0)).toBeGreaterThan(3000);
  });

  test("every result cell equals the engine's value; flagged answers and statuses say what they should", () => {
    const found = cases.flatMap((c, i) => mismatches(c, sheets[i]));
    expect(found).toEqual([]);
  });
});
