import fc from "fast-check";
import type { KpiIndicator, KpiSet } from "../../templates/schema";
import { changeByDirection, findIndicator, kpiChange } from "../../src/core/kpi";
import type { Result } from "../../src/core/problems";

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.problems)}`);
  return r.value;
}

function problems<T>(r: Result<T>) {
  if (r.ok) throw new Error(`expected problems, got ${JSON.stringify(r.value)}`);
  return r.problems;
}

const percent = { zh: "%", en: "%" };

/** Seed 002 附1 indicators, written inline so these tests do not depend on the KPI template. */
function indicator(no: number, zh: string, en: string, kind: KpiIndicator["kind"], better: KpiIndicator["better"], unit = percent): KpiIndicator {
  return {
    no,
    name: { zh, en },
    unit,
    kind,
    better,
    measure: { zh, en },
    source: { doc: "002_e505e16489392b35.txt", annex: "附1", item: String(no), ruling: "K1" },
  };
}

const cncRate = indicator(1, "关键设备数控化率", "CNC rate of key equipment", "level", "higher");
const models = indicator(4, "工厂应用智能决策模型数量", "Intelligent decision models in use", "level", "higher", { zh: "个", en: "models" });
const rdCycle = indicator(5, "研制周期缩短", "R&D cycle shortened", "change", "lower");
const efficiency = indicator(7, "生产效率提升", "Production efficiency improved", "change", "higher");
const defects = indicator(9, "产品不良率下降", "Product defect rate reduced", "change", "lower");

describe("kpiChange — change indicators (K1)", () => {
  it("K1: 生产效率提升 is (current − baseline) / baseline: 100 → 120 is 20%", () => {
    expect(value(kpiChange(efficiency, 100, 120))).toEqual({ value: 0.2, kind: "change", missing: [], targetMet: null });
  });

  it("K1: 研制周期缩短 is (baseline − current) / baseline: 200 → 150 days is 25%", () => {
    expect(value(kpiChange(rdCycle, 200, 150)).value).toBe(0.25);
  });

  it("K1: a lower-is-better measure that grew is a negative change: 200 → 220 days is −10%", () => {
    expect(value(kpiChange(rdCycle, 200, 220)).value).toBe(-0.1);
  });

  it("K1: a rate measure given as percentages: 不良率 2% → 1.5% is a 25% reduction", () => {
    expect(value(kpiChange(defects, "2%", "1.5%")).value).toBe(0.25);
    expect(value(kpiChange(defects, 0.02, 0.015)).value).toBe(0.25);
  });

  it("K1: numbers written with thousands separators are read", () => {
    expect(value(kpiChange(efficiency, "1,000", "1,250")).value).toBe(0.25);
  });

  it("K1: a baseline of 0 is a Problem: no relative change from 0", () => {
    const ps = problems(kpiChange(efficiency, 0, 50));
    expect(ps.map((p) => p.code)).toEqual(["baseline"]);
    expect(ps[0].message.en).toContain("cannot be computed from 0");
  });

  it("K1: negative measures are Problems naming the input", () => {
    expect(problems(kpiChange(efficiency, -5, 10)).map((p) => p.code)).toEqual(["baseline"]);
    expect(problems(kpiChange(efficiency, 5, "-10")).map((p) => p.code)).toEqual(["current"]);
  });

  it("K1: a non-numeric measure is a Problem naming the input and echoing it", () => {
    const ps = problems(kpiChange(efficiency, "一百", 120));
    expect(ps[0].code).toBe("baseline");
    expect(ps[0].message.en).toContain('"一百"');
  });

  it("G3: a blank baseline or current gives value null and lists it as missing, without a Problem", () => {
    expect(value(kpiChange(efficiency, "", 120, 0.1))).toEqual({ value: null, kind: "change", missing: ["baseline"], targetMet: null });
    expect(value(kpiChange(efficiency, 100, null))).toMatchObject({ value: null, missing: ["current"] });
    expect(value(kpiChange(efficiency, undefined, " "))).toMatchObject({ value: null, missing: ["baseline", "current"] });
  });

  it("K1: a 0 baseline is reported even when the current value is blank", () => {
    expect(problems(kpiChange(efficiency, 0, "")).map((p) => p.code)).toEqual(["baseline"]);
  });
});

describe("kpiChange — level indicators (K1)", () => {
  it("K1: a level is the current value passed through; the baseline is ignored and may be blank", () => {
    expect(value(kpiChange(models, "", 12))).toEqual({ value: 12, kind: "level", missing: [], targetMet: null });
    expect(value(kpiChange(models, "n/a", 12)).value).toBe(12);
  });

  it("G2: a level in % reads 62% and 0.62 alike", () => {
    expect(value(kpiChange(cncRate, null, "62%")).value).toBe(0.62);
    expect(value(kpiChange(cncRate, null, 0.62)).value).toBe(0.62);
  });

  it("G2: a level in % refuses 62 rather than reading it as 62%", () => {
    const ps = problems(kpiChange(cncRate, null, 62));
    expect(ps[0].code).toBe("current");
    expect(ps[0].message.en).toContain("enter 62% or 0.62");
  });

  it("G3: a blank level is null and missing current", () => {
    expect(value(kpiChange(cncRate, 0.5, ""))).toEqual({ value: null, kind: "level", missing: ["current"], targetMet: null });
  });

  it("K1: a negative count is a Problem", () => {
    expect(problems(kpiChange(models, null, -1)).map((p) => p.code)).toEqual(["current"]);
  });
});

describe("kpiChange — targets", () => {
  it("G1: a change exactly at its target meets it (达到 includes the number)", () => {
    expect(value(kpiChange(efficiency, 100, 120, "20%")).targetMet).toBe(true);
    expect(value(kpiChange(efficiency, 100, 120, 0.2)).targetMet).toBe(true);
    expect(value(kpiChange(efficiency, 100, 120, 0.21)).targetMet).toBe(false);
  });

  it("G1: float noise does not miss the target: 1.1 → 1.21 is exactly 10%", () => {
    expect(value(kpiChange(efficiency, 1.1, 1.21, "10%"))).toMatchObject({ value: 0.1, targetMet: true });
  });

  it("K1: a lower-is-better change is compared once directed: cycle 200 → 150 meets a 20% shortening target", () => {
    expect(value(kpiChange(rdCycle, 200, 150, "20%")).targetMet).toBe(true);
    expect(value(kpiChange(rdCycle, 200, 220, "0%")).targetMet).toBe(false);
  });

  it("G2: a change target may exceed 100%", () => {
    expect(value(kpiChange(efficiency, 100, 260, 1.5)).targetMet).toBe(true);
  });

  it("levels: value ≥ target; a % level target follows G2", () => {
    expect(value(kpiChange(cncRate, null, "70%", "70%")).targetMet).toBe(true);
    expect(value(kpiChange(cncRate, null, "69%", 0.7)).targetMet).toBe(false);
    expect(value(kpiChange(models, null, 12, 10)).targetMet).toBe(true);
    expect(problems(kpiChange(cncRate, null, "70%", 70)).map((p) => p.code)).toEqual(["target"]);
  });

  it("targetMet is null without a target or without a value", () => {
    expect(value(kpiChange(efficiency, 100, 120, "")).targetMet).toBeNull();
    expect(value(kpiChange(efficiency, 100, "", 0.1)).targetMet).toBeNull();
  });

  it("a non-numeric target is a Problem, listed with the others", () => {
    expect(problems(kpiChange(efficiency, "x", 120, "高")).map((p) => p.code)).toEqual(["baseline", "target"]);
  });
});

describe("changeByDirection", () => {
  it.each([
    ["increase", 0.2],
    ["higher", 0.2],
    ["提升", 0.2],
    [" Increase ", 0.2],
    ["decrease", -0.2],
    ["LOWER", -0.2],
    ["降低", -0.2],
    ["缩短", -0.2],
  ])("K1: 100 → 120 in direction %j is %d", (direction, expected) => {
    expect(value(changeByDirection(100, 120, direction))).toEqual({ value: expected, missing: [] });
  });

  it.each(["up", "", "constructor", 1, null])("an unknown direction %j is a Problem listing the words", (direction) => {
    const ps = problems(changeByDirection(100, 120, direction));
    expect(ps[0].code).toBe("direction");
    expect(ps[0].message.en).toContain("increase / higher");
  });

  it("G3: blanks are missing, a 0 baseline is a Problem", () => {
    expect(value(changeByDirection("", 5, "increase"))).toEqual({ value: null, missing: ["baseline"] });
    expect(problems(changeByDirection(0, 5, "increase"))[0].code).toBe("baseline");
  });
});

const kpiSet: KpiSet = {
  id: "test-kpis",
  version: 1,
  kind: "kpi-set",
  title: { zh: "测试指标", en: "Test indicators" },
  document: { reference: "智能工厂梯度培育 2024（测试）", issuer: { zh: "工业和信息化部", en: "MIIT" }, year: 2024 },
  source: { doc: "002_e505e16489392b35.txt", annex: "附1", item: "附1" },
  categories: [
    { code: "(一)", name: { zh: "能力提升类指标", en: "Capability" }, indicators: [{ ...cncRate, no: 1 }, { ...models, no: 2 }] },
    { code: "(三)", name: { zh: "生产运营效率类指标", en: "Efficiency" }, indicators: [{ ...efficiency, no: 3 }] },
  ],
};

describe("findIndicator", () => {
  it.each([3, "3", " 3 ", "生产效率提升", "Production efficiency improved", "production EFFICIENCY improved"])("K1: %j finds 生产效率提升", (ref) => {
    expect(value(findIndicator(kpiSet, ref)).name.zh).toBe("生产效率提升");
  });

  it("K1: numbers run on across categories: 1 and 2 are in the first, 3 in the second", () => {
    expect([1, 2, 3].map((n) => value(findIndicator(kpiSet, n)).name.zh)).toEqual(["关键设备数控化率", "工厂应用智能决策模型数量", "生产效率提升"]);
  });

  it.each([0, 4, "21", 2.5, "生产效率", "", null, true])("%j is a Problem telling how to refer to indicators", (ref) => {
    const ps = problems(findIndicator(kpiSet, ref));
    expect(ps[0].code).toBe("indicator");
    expect(ps[0].message.en).toContain("number 1–3 or its full zh or en name");
    expect(ps[0].message.zh).toContain("序号 1–3");
  });
});

describe("kpi properties", () => {
  const measure = fc.double({ min: 0.001, max: 1e6, noNaN: true });

  it("K1: higher and lower directions give opposite changes, and baseline × (1 + change) ≈ current", () => {
    fc.assert(
      fc.property(measure, measure, (b, c) => {
        const up = value(kpiChange(efficiency, b, c)).value as number;
        const down = value(kpiChange(rdCycle, b, c)).value as number;
        expect(up).toBeCloseTo(-down, 8);
        // The change is rounded to 9 decimals, so the reconstruction is off by at most b × 5e-10.
        expect(Math.abs(b * (1 + up) - c)).toBeLessThanOrEqual(b * 1e-9 + 1e-9);
      }),
    );
  });

  it("targetMet agrees with value ≥ target", () => {
    fc.assert(
      fc.property(measure, measure, fc.double({ min: -2, max: 5, noNaN: true }), (b, c, t) => {
        const r = value(kpiChange(efficiency, b, c, t));
        expect(r.targetMet).toBe((r.value as number) >= t);
      }),
    );
  });

  it("never throws, whatever the inputs", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), fc.anything(), (b, c, t, ref) => {
        for (const ind of [cncRate, models, rdCycle, efficiency]) expect(typeof kpiChange(ind, b, c, t).ok).toBe("boolean");
        expect(typeof changeByDirection(b, c, t).ok).toBe("boolean");
        expect(typeof findIndicator(kpiSet, ref).ok).toBe("boolean");
      }),
    );
  });
});
