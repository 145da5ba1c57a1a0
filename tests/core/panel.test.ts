import fc from "fast-check";
import { aggregatePanel, aggregateScores, type PanelSummary } from "../../src/core/panel";
import type { Result } from "../../src/core/problems";

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.problems)}`);
  return r.value;
}

function problems<T>(r: Result<T>) {
  if (r.ok) throw new Error(`expected problems, got ${JSON.stringify(r.value)}`);
  return r.problems;
}

/** Rubric totals as experts write them: 0–100 with up to two decimals. */
const total = fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100);

describe("aggregatePanel", () => {
  it("mean, median and trimmed mean of five experts", () => {
    expect(value(aggregatePanel([70, 80, 85, 90, 100]))).toEqual<PanelSummary>({
      count: 5,
      mean: 85,
      median: 85,
      trimmedMean: 85,
      deviating: [{ index: 0, total: 70, deviation: -15 }, { index: 4, total: 100, deviation: 15 }],
    });
  });

  it("the trimmed mean drops exactly one highest and one lowest score, even when tied", () => {
    const p = value(aggregatePanel([60, 60, 90, 90]));
    expect(p.trimmedMean).toBe(75);
    expect(value(aggregatePanel([50, 80, 80, 81])).trimmedMean).toBe(80);
  });

  it("the median of an even panel is the mean of the middle two", () => {
    expect(value(aggregatePanel([70, 90, 80, 86])).median).toBe(83);
  });

  it("blank entries are absent experts and are skipped, but keep their index", () => {
    const p = value(aggregatePanel(["", 80, null, undefined, " ", 95, 60], { names: ["甲", "乙", "丙", "丁", "戊", "己", "庚"] }));
    expect(p.count).toBe(3);
    expect(p.median).toBe(80);
    expect(p.deviating).toEqual([
      { index: 5, name: "己", total: 95, deviation: 15 },
      { index: 6, name: "庚", total: 60, deviation: -20 },
    ]);
  });

  it("numeric strings are read as numbers", () => {
    expect(value(aggregatePanel(["80", " 90.5 ", 85])).median).toBe(85);
  });

  it("with one or two experts, mean and median are given and the trimmed mean is null", () => {
    expect(value(aggregatePanel([82]))).toEqual({ count: 1, mean: 82, median: 82, trimmedMean: null, deviating: [] });
    expect(value(aggregatePanel([80, 91]))).toMatchObject({ count: 2, mean: 85.5, median: 85.5, trimmedMean: null });
  });

  it("margin boundary: a total exactly 10 from the median is not deviating", () => {
    expect(value(aggregatePanel([70, 80, 90])).deviating).toEqual([]);
  });

  it("margin boundary: 10.01 from the median is deviating", () => {
    expect(value(aggregatePanel([69.99, 80, 90])).deviating).toEqual([{ index: 0, total: 69.99, deviation: -10.01 }]);
  });

  it("margin boundary: float noise (8.1 − 18.1 = −10.000000000000002 in binary) does not make 10 a deviation", () => {
    expect(value(aggregatePanel([8.1, 18.1, 28.1])).deviating).toEqual([]);
  });

  it("a custom margin applies, also 0", () => {
    expect(value(aggregatePanel([70, 80, 90], { margin: 5 })).deviating.map((d) => d.index)).toEqual([0, 2]);
    expect(value(aggregatePanel([80, 80, 80.5], { margin: 0 })).deviating.map((d) => d.index)).toEqual([2]);
  });

  it("a blank or missing name is left out of the deviating entry", () => {
    expect(value(aggregatePanel([50, 80, 80], { names: ["  "] })).deviating).toEqual([{ index: 0, total: 50, deviation: -30 }]);
  });

  it("every bad entry is a Problem naming its position; 0 and 100 are accepted", () => {
    expect(value(aggregatePanel([0, 100])).mean).toBe(50);
    const ps = problems(aggregatePanel([80, "八十", -1, 100.5, true, "85%"]));
    expect(ps.map((p) => p.code)).toEqual(["scores[1]", "scores[2]", "scores[3]", "scores[4]", "scores[5]"]);
    expect(ps[0].message.en).toMatch(/score 2 .*"八十"/);
    expect(ps[1].message.en).toContain("cannot be negative");
    expect(ps[2].message.en).toContain("maximum of 100");
    expect(ps[4].message.en).toContain("not a percentage");
  });

  it("no score at all is a Problem", () => {
    expect(problems(aggregatePanel([])).map((p) => p.code)).toEqual(["scores"]);
    expect(problems(aggregatePanel([null, ""]))[0].message.en).toContain("no expert scores");
  });

  it("a negative or non-finite margin is a Problem", () => {
    expect(problems(aggregatePanel([80], { margin: -1 })).map((p) => p.code)).toEqual(["margin"]);
    expect(problems(aggregatePanel([80], { margin: NaN })).map((p) => p.code)).toEqual(["margin"]);
  });
});

describe("aggregateScores (EXPERT_SCORE)", () => {
  it("gives the trimmed mean, mean or median", () => {
    const totals = [60, 82, 84, 86, 98];
    expect(value(aggregateScores(totals, "trimmed"))).toBe(84);
    expect(value(aggregateScores(totals, "mean"))).toBe(82);
    expect(value(aggregateScores(totals, "median"))).toBe(84);
  });

  it("trimmed with fewer than 3 experts is a Problem saying 3 are needed and how many were given", () => {
    const ps = problems(aggregateScores([80, "", 90], "trimmed"));
    expect(ps).toHaveLength(1);
    expect(ps[0].code).toBe("scores");
    expect(ps[0].message.en).toMatch(/at least 3 .*got 2/);
    expect(ps[0].message.zh).toMatch(/至少需要 3 位.*收到 2 个/);
  });

  it("mean and median work with one or two experts", () => {
    expect(value(aggregateScores([80, 90], "mean"))).toBe(85);
    expect(value(aggregateScores([77], "median"))).toBe(77);
  });

  it("an unknown method is a Problem listing the methods", () => {
    const ps = problems(aggregateScores([80, 85, 90], "average" as never));
    expect(ps[0].code).toBe("method");
    expect(ps[0].message.en).toContain("trimmed, mean or median");
  });

  it("a bad score is passed through as its Problem", () => {
    expect(problems(aggregateScores([80, 85, "x"], "mean"))[0].code).toBe("scores[2]");
  });
});

describe("panel properties", () => {
  it("mean, median and trimmed mean lie within [min, max] of the scores", () => {
    fc.assert(
      fc.property(fc.array(total, { minLength: 1, maxLength: 15 }), (totals) => {
        const p = value(aggregatePanel(totals));
        const lo = Math.min(...totals);
        const hi = Math.max(...totals);
        for (const v of [p.mean, p.median, p.trimmedMean ?? p.median]) {
          expect(v).toBeGreaterThanOrEqual(lo);
          expect(v).toBeLessThanOrEqual(hi);
        }
        expect(p.count).toBe(totals.length);
        expect(p.trimmedMean === null).toBe(totals.length < 3);
      }),
    );
  });

  it("the order of the experts does not change the summary figures", () => {
    fc.assert(
      fc.property(fc.array(total, { minLength: 1, maxLength: 12 }).chain((t) => fc.tuple(fc.constant(t), fc.shuffledSubarray(t, { minLength: t.length }))), ([a, b]) => {
        const pa = value(aggregatePanel(a));
        const pb = value(aggregatePanel(b));
        expect([pb.mean, pb.median, pb.trimmedMean]).toEqual([pa.mean, pa.median, pa.trimmedMean]);
      }),
    );
  });

  it("an expert deviates exactly when |total − median| > margin", () => {
    fc.assert(
      fc.property(fc.array(total, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 30 }), (totals, margin) => {
        const p = value(aggregatePanel(totals, { margin }));
        const flagged = new Set(p.deviating.map((d) => d.index));
        totals.forEach((t, i) => {
          const gap = Math.abs(Math.round((t - p.median) * 1000) / 1000);
          expect(flagged.has(i)).toBe(gap > margin);
        });
      }),
    );
  });

  it("never throws, whatever the entries", () => {
    fc.assert(
      fc.property(fc.array(fc.anything()), fc.constantFrom("trimmed", "mean", "median"), (totals, method) => {
        expect(typeof aggregatePanel(totals).ok).toBe("boolean");
        expect(typeof aggregateScores(totals, method).ok).toBe("boolean");
      }),
    );
  });
});
