import fc from "fast-check";
import { installCustomFunctionsRuntime } from "../../functions/outside-excel";
import { perRow, type Cell } from "../../functions/answer-rows";
import { problemsError } from "../../functions/errors";
import { scoreTable } from "../../functions/scoring";
import { score } from "../../src/core/score";
import { findRubric } from "../../templates/index";
import type { InputDef, Rubric } from "../../templates/schema";

/**
 * SCORE_DISCRETE / SCORE_PROCESS take the usual row straight to the totals-only path
 * (functions/scoring.ts scoreTable). Over random ranges — answers, blank cells and blank rows,
 * cells holding error values or data types, refused answers — they must give exactly what they
 * gave when every row went through perRow and score().
 */

jest.setTimeout(120_000);
installCustomFunctionsRuntime();

function rubric(id: string): Rubric {
  const r = findRubric(id);
  if (!r) throw new Error(`rubric ${id} is missing from the catalogue`);
  return r;
}

/** The functions as they were: every row read by perRow's rules and scored by score(). */
function before(r: Rubric, range: unknown[][], detail: boolean): Cell[][] {
  return perRow(range, r, detail ? r.sections.length : 1, (values, row) => {
    const result = score(r, values);
    if (!result.ok) return problemsError(result.problems, { argument: "inputs", row });
    return detail ? result.value.sections.map((s) => s.score) : [result.value.total];
  });
}

/** Errors compared by what a cell shows: their code and message. */
function shown(rows: Cell[][]): unknown[][] {
  return rows.map((row) => row.map((c) => (c instanceof Error ? { error: (c as CustomFunctions.Error).code, message: c.message } : c)));
}

function answer(input: InputDef): fc.Arbitrary<unknown> {
  switch (input.type) {
    case "tick":
      return fc.constantFrom<unknown>(true, false, "有", "无", "√", "□", 1, 0, " 是 ");
    case "tick-or-rate":
      return fc.oneof(fc.constantFrom<unknown>(true, "无", 1), fc.double({ min: 0, max: 1, noNaN: true }));
    case "level":
      return fc.constantFrom(...(input.levels ?? []).map((l) => l.name.zh));
    default:
      return fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`));
  }
}

function cell(input: InputDef): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 12, arbitrary: answer(input) },
    { weight: 3, arbitrary: fc.constantFrom<unknown>("", null, "\u3000") },
    { weight: 1, arbitrary: fc.constantFrom<unknown>({ type: "Error", code: "#N/A" }, { type: "Error", code: "#DIV/0!" }, { type: "FormattedNumber", basicValue: 0.62 }, "not an answer", 62) },
  );
}

function range(r: Rubric): fc.Arbitrary<unknown[][]> {
  const blankRow = fc.constant(r.inputs.map(() => ""));
  return fc.array(fc.oneof({ weight: 6, arbitrary: fc.tuple(...r.inputs.map(cell)) }, { weight: 1, arbitrary: blankRow }), { minLength: 1, maxLength: 12 });
}

describe.each([["shaoxing-discrete"], ["shaoxing-process"]])("%s: scoreTable equals perRow over score()", (id) => {
  const r = rubric(id);
  it.each([[false], [true]])("detail %s", (detail) => {
    fc.assert(
      fc.property(range(r), (rows) => {
        expect(shown(scoreTable(r, rows, detail))).toStrictEqual(shown(before(r, rows, detail)));
      }),
      { numRuns: 300 },
    );
  });
});
