import fc from "fast-check";
import { isExcelError } from "./excel";
import { DISCRETE, PROCESS } from "./fixtures";
import { RUBRICS, SCHEMES } from "../../templates/index";
import type { InputDef } from "../../templates/schema";
import { INTERNAL, MAX_MESSAGE_LENGTH } from "../../functions/errors";
import * as functions from "../../functions/functions";

/**
 * Whatever Excel (or anyone) passes — blanks, text, booleans, error values, data types, huge,
 * negative and non-finite numbers, ranges that are empty, ragged or of any width, a scalar where
 * a range belongs and the reverse — every function either returns values Excel can show or
 * throws a CustomFunctions.Error (#VALUE! or #N/A) with a message within Excel's limit. Never
 * another exception, never the guard's "internal error", never NaN or Infinity in a cell.
 * 100,000 calls in all, shared among the twelve functions.
 */

const TOTAL_CALLS = 100_000;

/** Every error a cell can hold (the runtime stand-in is installed by ./excel, imported first). */
const ERROR_CODES = Object.values(CustomFunctions.ErrorCode) as CustomFunctions.ErrorCode[];

/** Words the functions know, so random calls often get past argument checks into the engine. */
const KNOWN_WORDS = [
  ...RUBRICS.map((r) => r.id),
  ...SCHEMES.map((s) => s.id),
  "national-2024-kpis",
  "有", "无", "是", "否", "√", "□", "☑", "TRUE", "FALSE", "62%", "0.62", "150%", "-5%", "1,200", "平均水平", "领先水平", "Leading",
  "zh", "en", "EN", "fr", "trimmed", "mean", "median", "increase", "decrease", "降低", "生产效率提升", "7", "21",
  "1.1", "3.1", "3.2", "3.2.1", "6.6", "5.6", "13800138000", "91330600MA2BDXQ01G", "zhang@example.com",
];

const cell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<unknown>("", null, undefined, " ") },
  { weight: 4, arbitrary: fc.constantFrom(...KNOWN_WORDS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 2, arbitrary: fc.boolean() },
  { weight: 3, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER, 0.62, 62, 100, 101, 0, -0) },
  { weight: 2, arbitrary: fc.constantFrom(...ERROR_CODES).map((code) => new CustomFunctions.Error(code)) },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.double().map((n) => ({ type: "FormattedNumber", basicValue: n, numberFormat: "0%" })),
      fc.constant({ type: "Entity", text: "企业", properties: {} }),
      fc.constant({}),
      fc.constant([]),
      fc.constant(new Error("not from Excel")),
    ),
  },
);

/** A plausible answer for an input, so whole rows often reach the engine (and score). */
function answer(def: InputDef): fc.Arbitrary<unknown> {
  switch (def.type) {
    case "tick":
      return fc.constantFrom(true, false, "有", "无", "√", "□", 1, 0, "");
    case "tick-or-rate":
      return fc.oneof(fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true }));
    case "rate":
      return fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`));
    case "improvement":
      return fc.double({ min: -1, max: 3, noNaN: true });
    case "level":
      return fc.constantFrom(...(def.levels ?? []).map((l) => l.name.zh), "");
    default:
      return fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.constant(""));
  }
}

/** Rows of a template's width, mostly plausible answers with random cells mixed in. */
function templateRows(inputs: readonly InputDef[]): fc.Arbitrary<unknown[][]> {
  const oneRow = fc.tuple(...inputs.map((d) => fc.oneof({ weight: 6, arbitrary: answer(d) }, { weight: 1, arbitrary: cell })));
  return fc.array(oneRow, { minLength: 1, maxLength: 4 });
}

const ANSWER_TEMPLATES = [...RUBRICS, ...SCHEMES];

const range: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ANSWER_TEMPLATES).chain((t) => templateRows(t.inputs)) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 4 }), fc.oneof(fc.constantFrom(0, 1, 7, 18, 23, 24, 27, 45), fc.integer({ min: 0, max: 50 })))
      .chain(([rows, columns]) => fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows })),
  },
  { weight: 1, arbitrary: fc.array(fc.array(cell, { maxLength: 30 }), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom(DISCRETE, PROCESS).chain((r) => templateRows(r.inputs).map((rows) => rows[0].map((c) => [c]))) },
  { weight: 1, arbitrary: fc.array(cell, { maxLength: 30 }) },
  { weight: 1, arbitrary: cell },
);

/** Mostly the kind of argument the parameter expects, sometimes the other kind. */
const scalarArg = fc.oneof({ weight: 5, arbitrary: cell }, { weight: 1, arbitrary: range });
const rangeArg = fc.oneof({ weight: 5, arbitrary: range }, { weight: 1, arbitrary: cell });

/** An id as people type it: as listed, in capitals, or with spaces around. */
function id(value: string): fc.Arbitrary<string> {
  return fc.constantFrom(value, value.toUpperCase(), ` ${value} `);
}

const languageArg = fc.oneof(fc.constantFrom<unknown>("zh", "en", "", null, undefined, "EN"), cell);
const switchArg = fc.oneof(fc.constantFrom<unknown>(true, false, 1, 0, "是", "", null, undefined), cell);

/** Answer rows of a template, or sometimes any range. */
function rowsOf(inputs: readonly InputDef[]): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 4, arbitrary: templateRows(inputs) }, { weight: 1, arbitrary: rangeArg });
}

const rubricCall = (withLanguage: boolean) =>
  fc.constantFrom(...RUBRICS).chain((r) => fc.tuple(id(r.id), rowsOf(r.inputs), ...(withLanguage ? [languageArg] : [])));
const schemeCall = (withLanguage: boolean) =>
  fc.constantFrom(...SCHEMES).chain((s) => fc.tuple(id(s.id), rowsOf(s.inputs), ...(withLanguage ? [languageArg] : [])));

/** SCORE_ITEM: a rubric, one of its item codes, and an answer cell for each of the item's inputs. */
const itemCall = fc.constantFrom(...RUBRICS).chain((r) => {
  const items = r.sections.flatMap((sec) => sec.items);
  return fc.constantFrom(...items).chain((item) => {
    const inputs = (item.rule.kind === "count" ? item.rule.inputs : [item.rule.input]).map((code) => r.inputs.find((i) => i.code === code) as InputDef);
    return fc.tuple(id(r.id), fc.constantFrom<unknown>(item.code, Number(item.code) || item.code), fc.tuple(...inputs.map(answer)).map((cells) => [cells]));
  });
});

const measure = fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom<unknown>("", "12%", "1,200"), cell);
const indicator = fc.oneof(fc.integer({ min: 1, max: 20 }), fc.constantFrom<unknown>("生产效率提升", "研制周期缩短", "increase", "decrease", "降低", "提升"), cell);
const scores = fc.oneof(
  fc.array(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom<unknown>("", null, "85.5")), { minLength: 1, maxLength: 9 }).map((col) => col.map((c) => [c])),
  rangeArg,
);
const method = fc.oneof(fc.constantFrom<unknown>("trimmed", "mean", "median", "", null, undefined), cell);

/** Each function with the arguments drawn for it: mostly plausible, sometimes anything at all. */
function calls(plausible: fc.Arbitrary<unknown[]>, anything: fc.Arbitrary<unknown>[]): fc.Arbitrary<unknown[]> {
  return fc.oneof({ weight: 4, arbitrary: plausible }, { weight: 1, arbitrary: fc.tuple(...anything) });
}

const CALLS: [string, (...args: unknown[]) => unknown, fc.Arbitrary<unknown[]>][] = [
  ["SCORE_DISCRETE", functions.scoreDiscrete as (...args: unknown[]) => unknown, calls(fc.tuple(rowsOf(DISCRETE.inputs), switchArg), [rangeArg, scalarArg])],
  ["SCORE_PROCESS", functions.scoreProcess as (...args: unknown[]) => unknown, calls(fc.tuple(rowsOf(PROCESS.inputs), switchArg), [rangeArg, scalarArg])],
  ["SCORE_ITEM", functions.scoreItem as (...args: unknown[]) => unknown, calls(itemCall, [scalarArg, scalarArg, rangeArg])],
  ["SCORE_EXPLAIN", functions.scoreExplain as (...args: unknown[]) => unknown, calls(rubricCall(true), [scalarArg, rangeArg, scalarArg])],
  ["INPUT_HEADERS", functions.inputHeaders as (...args: unknown[]) => unknown, calls(fc.tuple(fc.constantFrom(...ANSWER_TEMPLATES).chain((t) => id(t.id)), languageArg), [scalarArg, scalarArg])],
  ["TIER_CHECK", functions.tierCheck as (...args: unknown[]) => unknown, calls(schemeCall(false), [scalarArg, rangeArg])],
  ["TIER_GAP", functions.tierGap as (...args: unknown[]) => unknown, calls(schemeCall(true), [scalarArg, rangeArg, scalarArg])],
  ["KPI_CHANGE", functions.kpiChange as (...args: unknown[]) => unknown, calls(fc.tuple(measure, measure, indicator), [scalarArg, scalarArg, scalarArg])],
  ["EXPERT_SCORE", functions.expertScore as (...args: unknown[]) => unknown, calls(fc.tuple(scores, method), [rangeArg, scalarArg])],
  ["CHECK_MOBILE", functions.checkMobile as (...args: unknown[]) => unknown, fc.tuple(scalarArg)],
  ["CHECK_USCC", functions.checkUscc as (...args: unknown[]) => unknown, fc.tuple(scalarArg)],
  ["CHECK_EMAIL", functions.checkEmail as (...args: unknown[]) => unknown, fc.tuple(scalarArg)],
];

/** Why an error is not one Excel can show with its message, or null when it is. */
function badError(e: unknown): string | null {
  if (!isExcelError(e)) return `not a CustomFunctions.Error: ${String(e)}`;
  if (e.code !== "#VALUE!" && e.code !== "#N/A") return `code ${e.code} cannot carry a message`;
  const message = e.message ?? "";
  if (message.trim() === "") return "an error without a message";
  if (Array.from(message).length > MAX_MESSAGE_LENGTH) return `a message of ${Array.from(message).length} characters`;
  if (message.startsWith(INTERNAL.zh) || message.startsWith(INTERNAL.en)) return `a bug reached the guard: ${message}`;
  return null;
}

/** Why a value cannot be a cell, or null when it can. */
function badCell(value: unknown): string | null {
  if (typeof value === "number") return Number.isFinite(value) ? null : `the number ${value}`;
  if (typeof value === "string" || typeof value === "boolean") return null;
  return badError(value);
}

function badResult(result: unknown): string | null {
  if (!Array.isArray(result)) return badCell(result);
  if (result.length === 0 || !result.every((r) => Array.isArray(r) && r.length === result[0].length && r.length > 0)) return "a matrix that is empty or not rectangular";
  for (const r of result as unknown[][]) {
    for (const c of r) {
      const bad = badCell(c);
      if (bad) return bad;
    }
  }
  return null;
}

describe(`${TOTAL_CALLS.toLocaleString("en-US")} random calls: only values or CustomFunctions.Error with a message`, () => {
  it.each(CALLS.map(([name, fn, args], i) => [name, fn, args, Math.floor(TOTAL_CALLS / CALLS.length) + (i < TOTAL_CALLS % CALLS.length ? 1 : 0)] as const))(
    "%s",
    (_name, fn, args, numRuns) => {
      const outcomes = { returned: 0, refused: 0 };
      fc.assert(
        fc.property(args, (values) => {
          let result: unknown;
          try {
            result = fn(...values);
          } catch (e) {
            const bad = badError(e);
            if (bad) throw new Error(`threw ${bad}`, { cause: e });
            outcomes.refused++;
            return;
          }
          const bad = badResult(result);
          if (bad) throw new Error(`returned ${bad}`);
          outcomes.returned++;
        }),
        { numRuns },
      );
      // The arguments are drawn so that both paths are well exercised, not only the refusals.
      expect(outcomes.returned).toBeGreaterThan(numRuns / 20);
      expect(outcomes.refused).toBeGreaterThan(numRuns / 100);
    },
  );
});
