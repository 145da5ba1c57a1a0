/**
 * Round trip, for every sheet template: build a workbook from random valid data, extract it,
 * and get the same data back. The generator knows no template: each answer cell's own data
 * validation says what a user may type there (dropdown options, number ranges, text lengths),
 * free text or the sample's values for that field where it says nothing (mobile numbers,
 * dates). Answers the renderer still refuses (a mobile number of letters passes a length check)
 * are dropped; each such refusal must name its cell, as extract reports it.
 *
 * The random answers become a data document the way extract reads one back (dataFromInputs);
 * rendering it must put each answer in its own cell, which checks that reading independently.
 * What "the same" means: the data extracted puts exactly the same values in every answer cell
 * (answers are written canonically, so "☑" and TRUE both come back as the sheet's own word),
 * extracting again gives the identical document, and the engine computes the same results.
 */
import fc from "fast-check";
import { dataFromInputs } from "../../src/sheets/evaluate";
import { checkParams } from "../../src/sheets/params";
import type { CellValue, SheetPlan, Validation } from "../../src/sheets/plan";
import { SHEET_TEMPLATES, type Params, type SheetTemplate } from "../../src/sheets/registry";
import { inputFor } from "../../src/sheets/check-sheet";
import { extractWorkbook } from "../../src/xlsx/extract";
import { writeWorkbook } from "../../src/xlsx/writer";

jest.setTimeout(120_000);

/** Letters people type in these sheets, and the characters a spreadsheet might take for a formula. */
const CHARS = ["示", "例", "有", "限", "公", "司", "绍", "兴", "a", "B", "7", "0", "=", "+", "-", "@", " ", "（", "）", "—", "/", ".", "%"];
const text = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...CHARS), minLength: Math.max(1, min), maxLength: Math.min(max, 16) });

/** Bounds big enough for any amount in these tables, small enough to print. */
const clamp = (n: number) => Math.max(-1e6, Math.min(1e6, n));

/** What the cell's validation allows, or the sample's own values for the field (dates are typed as text). */
function valueFor(validation: Validation | undefined, known: CellValue[]): fc.Arbitrary<CellValue> {
  const allowed = allowedBy(validation);
  return known.length > 0 ? fc.oneof(fc.constantFrom(...known), allowed) : allowed;
}

function allowedBy(validation: Validation | undefined): fc.Arbitrary<CellValue> {
  if (!validation) return text(1, 16);
  switch (validation.kind) {
    case "list":
      return fc.constantFrom(...validation.options);
    case "decimal":
      return fc.double({ min: clamp(validation.min), max: clamp(validation.max), noNaN: true, noDefaultInfinity: true }).map((n) => Math.round(n * 1e4) / 1e4 || 0);
    case "whole":
      return fc.integer({ min: clamp(validation.min), max: clamp(validation.max) });
    case "textLength":
      return text(validation.min, validation.max);
  }
}

/** The sample's values by field name (the last step of a path that is not a number). */
function sampleValues(doc: unknown, field = "", into = new Map<string, CellValue[]>()): Map<string, CellValue[]> {
  if (typeof doc === "string" || typeof doc === "number" || typeof doc === "boolean") into.set(field, [...(into.get(field) ?? []), doc]);
  else if (typeof doc === "object" && doc !== null) {
    for (const [key, value] of Object.entries(doc)) sampleValues(value, Array.isArray(doc) || /^\d+$/.test(key) ? field : key, into);
  }
  return into;
}

const fieldOf = (code: string) => code.split("/").filter((s) => !/^\d+$/.test(s)).pop() ?? "";

function validationAt(plan: SheetPlan, row: number, col: number): Validation | undefined {
  return plan.validations.find((v) => row >= v.range.top && row <= v.range.bottom && col >= v.range.left && col <= v.range.right);
}

/** Random answers: each answer cell left blank or given a value its validation accepts. */
function answersFor(blank: SheetPlan, sample: unknown): fc.Arbitrary<[string, CellValue][]> {
  const known = sampleValues(sample);
  return fc.tuple(
    ...blank.inputs.map((b) =>
      fc.option(valueFor(validationAt(blank, b.row, b.col), known.get(fieldOf(b.code)) ?? []), { nil: null, freq: 3 }).map((v): [string, CellValue] => [b.code, v]),
    ),
  );
}

/** The answers without those the renderer refuses, each refusal located at an answer cell. */
function acceptedAnswers(template: SheetTemplate, params: Params, blank: SheetPlan, answers: [string, CellValue][]): [string, CellValue][] {
  const tried = template.render(params, dataFromInputs(answers, template.sample()));
  if (tried.ok) return answers;
  const refused = new Set(
    tried.problems.map((p) => {
      const input = inputFor(blank, p.code);
      if (!input) throw new Error(`${template.id}: a refusal names no answer cell: ${JSON.stringify(p)}`);
      return input.code;
    }),
  );
  return answers.map(([code, v]) => [code, refused.has(code) ? null : v]);
}

function render(template: SheetTemplate, params: Params, data: unknown): SheetPlan {
  const plan = template.render(params, data);
  if (!plan.ok) throw new Error(`${template.id} refuses ${JSON.stringify(data)}: ${JSON.stringify(plan.problems)}`);
  return plan.value;
}

/** What the answer cells of a plan hold, by binding code. */
function answerCells(plan: SheetPlan): Record<string, CellValue> {
  const at = new Map(plan.cells.map((c) => [`${c.row},${c.col}`, c.value ?? null]));
  return Object.fromEntries(plan.inputs.map((b) => [b.code, at.get(`${b.row},${b.col}`) ?? null]));
}

async function extracted(plan: SheetPlan): Promise<unknown> {
  const [report] = await extractWorkbook((await writeWorkbook([plan])).bytes);
  expect(report.status).not.toBe("invalid-answers");
  return report.data;
}

describe.each(SHEET_TEMPLATES.map((t) => [t.id, t] as const))("%s", (_id, template) => {
  const params = checkParams(template.params, {});
  if (!params.ok) throw new Error(`${template.id}: default parameters refused`);
  const blank = render(template, params.value, undefined);

  test("build with random valid data, extract, get the same data back", async () => {
    await fc.assert(
      fc.asyncProperty(answersFor(blank, template.sample()), async (random) => {
        const answers = acceptedAnswers(template, params.value, blank, random);
        const data = dataFromInputs(answers, template.sample());
        const built = render(template, params.value, data);
        // The document put each answer in its own cell (written canonically: a date as its serial number).
        const given = answers.filter(([, v]) => v !== null && String(v).trim() !== "").map(([code]) => code);
        const cells = answerCells(built);
        expect(given.filter((code) => cells[code] === null)).toEqual([]);
        const back = await extracted(built);
        const rebuilt = render(template, params.value, back);
        expect(answerCells(rebuilt)).toEqual(answerCells(built));
        expect(await extracted(rebuilt)).toEqual(back);
        const [before, after] = [template.expected(params.value, data), template.expected(params.value, back)];
        expect(after).toEqual(before);
      }),
      { numRuns: 15 },
    );
  });
});
