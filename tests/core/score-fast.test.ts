import fc from "fast-check";
import { BLANK, SPACE_LIKE, TICKED_WORDS, UNTICKED_WORDS, isProblem, readAnswer } from "../../src/core/answers";
import { EMPTY, NUMBER, TICKED, UNTICKED, readRow, rowReader } from "../../src/core/fast-answers";
import * as explaining from "../../src/core/score";
import { scoreTotals, totalsOf, type ScoreTotals } from "../../src/core/score-fast";
import type { Result } from "../../src/core/problems";
import { findRubric } from "../../templates/index";
import type { InputDef, Rubric } from "../../templates/schema";

/**
 * The totals-only path (score-fast.ts, fast-answers.ts) against the explaining path (score(),
 * readAnswer): over random answers — typed and as text, rates that are distinct doubles (what
 * =B2/C2 gives), bracket bounds and their neighbouring doubles, blanks, spaces, refused
 * answers — both must give the same totals and subtotals bit for bit, the same completeness,
 * blank count and warnings (D7, and G2's for improvements above 100%), and the same problems.
 */

jest.setTimeout(120_000);

function rubric(id: string): Rubric {
  const r = findRubric(id);
  if (!r) throw new Error(`rubric ${id} is missing from the catalogue`);
  return r;
}

const RUBRICS = [rubric("shaoxing-discrete"), rubric("shaoxing-process")];

/** The neighbouring doubles of x: a bound must hold exactly at x and not one ulp below. */
function neighbours(x: number): number[] {
  const bits = new DataView(new ArrayBuffer(8));
  bits.setFloat64(0, x);
  const n = bits.getBigUint64(0);
  const step = (d: bigint) => {
    bits.setBigUint64(0, n + d);
    return bits.getFloat64(0);
  };
  return x > 0 ? [step(-1n), x, step(1n)] : [x];
}

/** Every bracket bound and threshold of a rubric, with its neighbours, as numbers and as "x%" text. */
function bounds(r: Rubric): number[] {
  const xs = r.sections.flatMap((s) =>
    s.items.flatMap((i) => (i.rule.kind === "brackets" ? i.rule.brackets.flatMap((b) => (b.min === null ? [] : [b.min])) : i.rule.kind === "tick-or-rate" ? [i.rule.min] : [])),
  );
  return xs.flatMap(neighbours);
}

const spaces = fc.constantFrom("", " ", "  ", ...SPACE_LIKE);
const padded = (word: fc.Arbitrary<string>) => fc.tuple(spaces, word, spaces).map(([a, w, b]) => `${a}${w}${b}`);
const blank = fc.constantFrom<unknown>(undefined, null, "", " ", "\u3000", "\u00A0 \n");
const tickWord = fc.constantFrom<string>(...TICKED_WORDS, ...UNTICKED_WORDS);
const tick = fc.oneof(fc.boolean(), fc.constantFrom(0, 1), tickWord, padded(tickWord.map((w) => (w.length > 1 ? w.toUpperCase() : w))));
/** Rates as a sheet computes them: every one a different double. */
const unique = fc.double({ min: 0, max: 1, noNaN: true });
const percentText = fc.oneof(
  fc.integer({ min: 0, max: 10_000 }).map((n) => `${n / 100}%`),
  fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`),
  unique.map((x) => String(x)),
  fc.integer({ min: 0, max: 999 }).map((n) => `0.${n}`),
);
/** Forms readNumber reads its own way or refuses: spaces, full-width signs, commas, exponents, signs. */
const awkwardNumber = fc.oneof(
  fc.constantFrom("62 %", " 62%", "62％", "1,5%", "1,200%", "1,200", "6.2e1%", "+50%", "-5%", ".5", "5.", "0.5.5", "%", "1e400", "٦٢%", "６２%", "62%%", "0x10", "1".repeat(400)),
  // Plain numbers without %: a rate above 1 is refused (G2), an improvement is read as it is.
  fc.integer({ min: 0, max: 200 }).map(String),
  fc.double({ min: 0, max: 5, noNaN: true }).map(String),
  fc.integer({ min: 101, max: 100_000 }).map((n) => `${n}%`),
);
/** Improvements may pass 100% (read with a warning, G2) or fall below 0; reductions stop at 100%. */
const improvement = fc.oneof(fc.double({ min: -2, max: 20, noNaN: true }), fc.integer({ min: -500, max: 2000 }).map((n) => `${n}%`));
const reduction = fc.oneof(fc.double({ min: -2, max: 1, noNaN: true }), fc.integer({ min: -500, max: 100 }).map((n) => `${n}%`));
const hostile = fc.oneof(fc.anything(), fc.double(), fc.string(), fc.constantFrom<unknown>(NaN, Infinity, -0, 2, -1, 1.5, {}, [], Symbol.for("x")));

function validCell(input: InputDef, r: Rubric): fc.Arbitrary<unknown> {
  const edge = fc.constantFrom(...bounds(r));
  const rate = fc.oneof(unique, percentText, edge, edge.map((x) => `${x * 100}%`));
  switch (input.type) {
    case "tick":
      return fc.oneof(tick, blank);
    case "rate":
      return fc.oneof(rate, blank);
    case "improvement":
      return fc.oneof(improvement, edge, blank);
    case "reduction":
      return fc.oneof(reduction, edge, blank);
    case "tick-or-rate":
      return fc.oneof(tick, rate, blank);
    case "level": {
      const words = fc.constantFrom(...(input.levels ?? []).flatMap((l) => [l.name.zh, l.name.en, ...l.aliases]));
      return fc.oneof(words, padded(words.map((w) => w.toUpperCase())), blank);
    }
    default:
      throw new Error(`no generator for ${input.type}`);
  }
}

/** A cell of any kind: mostly valid for the input, sometimes awkward or refused. */
function anyCell(input: InputDef, r: Rubric): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 10, arbitrary: validCell(input, r) }, { weight: 2, arbitrary: awkwardNumber }, { weight: 1, arbitrary: hostile });
}

const validRow = (r: Rubric) => fc.tuple(...r.inputs.map((i) => validCell(i, r)));
const anyRow = (r: Rubric) => fc.tuple(...r.inputs.map((i) => anyCell(i, r)));

/** Both paths' results, equal in every field, and the totals and subtotals equal as doubles (Object.is: -0 too). */
function expectSame(fast: Result<ScoreTotals>, slow: Result<ScoreTotals>): void {
  expect(fast).toStrictEqual(slow);
  if (fast.ok && slow.ok) {
    expect(Object.is(fast.value.total, slow.value.total)).toBe(true);
    fast.value.sections.forEach((s, k) => expect(Object.is(s, slow.value.sections[k])).toBe(true));
  }
}

describe("fast-answers.ts reads a cell as readAnswer does", () => {
  const inputs = RUBRICS.flatMap((r) => r.inputs.map((input) => ({ r, input })));
  it.each(inputs.map(({ r, input }) => [`${r.id} ${input.code} (${input.type})`, r, input] as const))("%s", (_, r, input) => {
    const reader = rowReader([input]);
    const { state, num } = reader;
    fc.assert(
      fc.property(anyCell(input, r), (cell) => {
        const blanks = readRow(reader, [cell]);
        const parsed = readAnswer(input, cell);
        if (isProblem(parsed)) return expect(blanks).toBe(-1);
        expect(blanks).toBe(parsed === BLANK ? 1 : 0);
        if (parsed === BLANK) expect(state[0]).toBe(EMPTY);
        else if (typeof parsed === "boolean") expect(state[0]).toBe(parsed ? TICKED : UNTICKED);
        else {
          expect(state[0]).toBe(NUMBER);
          expect(Object.is(num[0], parsed)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe.each(RUBRICS.map((r) => [r.id, r] as const))("%s: scoreTotals equals score() bit for bit", (_, r) => {
  it("over valid rows: typed and text answers, distinct-double rates, bounds ± 1 ulp, blanks", () => {
    fc.assert(fc.property(validRow(r), (row) => expectSame(scoreTotals(r, row), totalsOf(explaining.score(r, row)))), { numRuns: 1000 });
  });

  it("over rows with awkward or refused cells: the same problems, or the same totals", () => {
    fc.assert(fc.property(anyRow(r), (row) => expectSame(scoreTotals(r, row), totalsOf(explaining.score(r, row)))), { numRuns: 500 });
  });

  it("keyed by input code, and positional lists of the wrong length, as score() gives them", () => {
    const keyed = validRow(r).map((row) => Object.fromEntries(r.inputs.map((i, k) => [i.code, row[k]])));
    const wrongLength = fc.array(fc.constantFrom<unknown>("有", 0.5, null), { maxLength: r.inputs.length + 2 }).filter((a) => a.length !== r.inputs.length);
    fc.assert(fc.property(fc.oneof(keyed, wrongLength, fc.anything()), (inputs) => expectSame(scoreTotals(r, inputs), totalsOf(explaining.score(r, inputs)))), { numRuns: 200 });
  });

  it("a positional row of valid answers never goes through score(): the comparison above is between two paths", () => {
    const spy = jest.spyOn(explaining, "score");
    try {
      fc.assert(fc.property(validRow(r), (row) => expect(scoreTotals(r, row).ok).toBe(true)), { numRuns: 100 });
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});

describe("what the fast path reports", () => {
  const [discrete, process_] = RUBRICS;
  const width = (r: Rubric) => r.inputs.length;
  const at = (r: Rubric, code: string) => r.inputs.findIndex((i) => i.code === code);

  it("an all-blank row: 0, incomplete, every input blank", () => {
    const r = scoreTotals(discrete, new Array(width(discrete)).fill(""));
    expect(r).toEqual({ ok: true, value: { total: 0, sections: [0, 0, 0, 0, 0, 0], complete: false, blanks: 27, warnings: [] } });
  });

  it("D7: 4.3 ticked without 4.1 and 4.2 gives the rubric's warning; with both, none", () => {
    const row: unknown[] = new Array(width(discrete)).fill(null);
    row[at(discrete, "4.3")] = "√";
    const warned = scoreTotals(discrete, row);
    expect(warned.ok && warned.value.warnings.map((w) => w.code)).toEqual(["4.3"]);
    row[at(discrete, "4.1")] = row[at(discrete, "4.2")] = true;
    const clean = scoreTotals(discrete, row);
    expect(clean.ok && clean.value.warnings).toEqual([]);
  });

  it("a refused answer: score()'s problems, naming the input", () => {
    const row: unknown[] = new Array(width(process_)).fill(null);
    row[at(process_, "2.2")] = "62";
    const r = scoreTotals(process_, row);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => p.code)).toEqual(["2.2"]);
  });

  it("rates read as numbers, as text and as distinct doubles fall in the same brackets (表2 2.2: 30% → 8, 50% → 10)", () => {
    const total = (v: unknown) => {
      const row: unknown[] = new Array(width(process_)).fill(null);
      row[at(process_, "2.2")] = v;
      const r = scoreTotals(process_, row);
      return r.ok ? r.value.total : NaN;
    };
    expect([total(0.3), total("30%"), total(0.29999999999999993), total("50%"), total(0.5), total(0.49999999999999994)]).toEqual([8, 8, 0, 10, 10, 8]);
  });
});
