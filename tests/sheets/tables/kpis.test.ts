/**
 * The KPI tracker (ruling K1, seed 002 附1): the 20 indicators in official order, numbering and
 * categories; each change computed in the direction its name gives; the current value is the
 * latest period filled in; LibreOffice's recalculation matches src/core/kpi.ts (kpiChange).
 */
import { findTemplate } from "../../../templates/index";
import type { KpiSet } from "../../../templates/schema";
import { kpiChange } from "../../../src/core/kpi";
import type { SheetPlan } from "../../../src/sheets/plan";
import { kpiSheet } from "../../../src/sheets/tables/kpi-sheet";
import { paramsOf, plan, recalculated, resultFormula, sheet, type Recalculated, withLibreOffice } from "./support";

const SET = (() => {
  const t = findTemplate("national-2024-kpis");
  if (t?.kind !== "kpi-set") throw new Error("no KPI set");
  return t;
})();
const INDICATORS = SET.categories.flatMap((c) => c.indicators);
const t = sheet("national-2024-kpis");

const numberedRows = (p: SheetPlan) => p.cells.filter((c) => c.col === 1 && typeof c.value === "number");

describe("K1: the indicators as 附1 lists them", () => {
  const p = plan(t, undefined);

  test("20 indicators numbered 1–20 in order, under their five category rows (一)–(五)", () => {
    expect(numberedRows(p).map((c) => c.value)).toEqual(INDICATORS.map((i) => i.no));
    const names = numberedRows(p).map((c) => p.cells.find((x) => x.row === c.row && x.col === 2)?.value);
    expect(names).toEqual(INDICATORS.map((i) => i.name.zh));
    const headings = p.cells.filter((c) => typeof c.value === "string" && /^\((一|二|三|四|五)\) /.test(c.value)).map((c) => c.value);
    expect(headings).toEqual(SET.categories.map((c) => `${c.code} ${c.name.zh}`));
  });

  test("a change indicator's formula takes its direction from `better`: 提升 (current − baseline), 缩短/降低 (baseline − current)", () => {
    const f = (no: number) => resultFormula(p, `kpi:${no}:value`);
    // Rows: title, basis, note, headings, period labels, (一), 1–4, (二), 5, 6, (三), 7 …
    expect(f(5)).toContain("ROUND((F12-K12)/F12,9)"); // 研制周期缩短: 基期值 F, 当前值 K
    expect(f(7)).toContain("ROUND((K15-F15)/F15,9)"); // 生产效率提升
    for (const i of INDICATORS.filter((x) => x.kind === "change")) {
      const row = numberedRows(p).find((c) => c.value === i.no)?.row;
      const gain = i.better === "higher" ? `(K${row}-F${row})` : `(F${row}-K${row})`;
      expect(f(i.no)).toContain(`ROUND(${gain}/F${row},9)`);
    }
  });

  test("a level indicator passes its current value through (with G2's 0–100% for % levels)", () => {
    expect(resultFormula(p, "kpi:1:value")).toBe('IF(K7="","",IF(ISNUMBER(K7),IF(AND(K7>=0,K7<=1),K7,"输入有误"),"输入有误"))');
    expect(resultFormula(p, "kpi:4:value")).toBe('IF(K10="","",IF(ISNUMBER(K10),IF(K10>=0,K10,"输入有误"),"输入有误"))');
  });

  test("a copy of the set with 生产效率提升 turned into a decrease flips its formula (the direction is data)", () => {
    const copy: KpiSet = structuredClone(SET);
    copy.categories[2].indicators[0].better = "lower";
    const r = kpiSheet(copy, { name: "copy", sample: {} }).render({}, undefined);
    if (!r.ok) throw new Error("the copy renders");
    expect(resultFormula(r.value, "kpi:7:value")).toContain("ROUND((F15-K15)/F15,9)");
  });

  test("periods: default 4, any of 1–12; each period is an input column with a label cell", () => {
    for (const periods of [1, 4, 12]) {
      const q = plan(t, undefined, { periods });
      expect(q.inputs.filter((i) => i.code.startsWith("indicators/1/values/")).map((i) => i.code)).toEqual(Array.from({ length: periods }, (_, k) => `indicators/1/values/${k}`));
      expect(q.inputs.filter((i) => i.code.startsWith("labels/"))).toHaveLength(periods);
    }
    expect(p.marker.params).toEqual({ periods: 4 });
    expect(t.render({ periods: 13 }, undefined).ok).toBe(false);
  });
});

describe("data is read by the engine's rules", () => {
  test.each<[unknown, string, string]>([
    [{ indicators: { "1": { values: [62] } } }, "indicators/1/values/0", "G2: 62 is not a rate"],
    [{ indicators: { "5": { baseline: 0, values: [100] } } }, "indicators/5/baseline", "a change cannot start from 0"],
    [{ indicators: { "7": { baseline: 100, values: [-5] } } }, "indicators/7/values/0", "measures are not negative"],
    [{ indicators: { "18": { baseline: "120%" } } }, "indicators/18/baseline", "a % level's baseline is a rate too"],
    [{ indicators: { "3": { target: "高" } } }, "indicators/3/target", "a target is a number"],
    [{ indicators: { "21": { values: [1] } } }, "indicators/21", "附1 has 20 indicators"],
    [{ indicators: { "7": { values: [1, 2, 3, 4, 5] } } }, "indicators/7/values", "more values than periods"],
    [{ indicators: { "7": { current: 5 } } }, "indicators/7/current", "unknown key"],
    [{ labels: ["2023年", "2024年", "2025年", "2026年", "2027年"] }, "labels", "more labels than periods"],
  ])("%j → Problem at %s (%s)", (data, code, _why) => {
    const r = t.render(paramsOf(t), data);
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual([code]);
  });

  test("accepted values are written as numbers: 62% → 0.62 for % levels, measures as given", () => {
    const p = plan(t, { indicators: { "1": { baseline: "58%", values: ["62%"] }, "5": { baseline: "180", values: [150] } } });
    const at = (code: string) => {
      const i = p.inputs.find((x) => x.code === code);
      return p.cells.find((c) => c.row === i?.row && c.col === i?.col)?.value;
    };
    expect([at("indicators/1/baseline"), at("indicators/1/values/0"), at("indicators/5/baseline"), at("indicators/5/values/0")]).toEqual([0.58, 0.62, 180, 150]);
  });
});

withLibreOffice("LibreOffice recalculates value and status as src/core/kpi.ts computes them", () => {
  const CASES: { why: string; periods?: number; data: unknown }[] = [
    { why: "the sample", data: t.sample() },
    { why: "blank", data: undefined },
    {
      why: "the latest period filled in is current, even with a gap; a change rounding onto its target meets it",
      periods: 6,
      data: {
        indicators: {
          "7": { baseline: 100, values: [110, null, 130, null], target: "30%" },
          "9": { baseline: 10, values: [9.5, 8.8], target: "12%" },
          "14": { baseline: 3, values: [2.4], target: 0.2 },
          "18": { values: ["95%"], target: "95%" },
          "20": { values: [0], target: 1 },
          "6": { baseline: 100, values: [90], target: "5%" },
        },
      },
    },
    { why: "values without targets and targets without values are 未填", data: { indicators: { "7": { baseline: 100, values: [120] }, "10": { target: "10%" } } } },
  ];
  const plans = CASES.map((c) => plan(t, c.data, c.periods ? { periods: c.periods } : {}));
  let lo: Recalculated;
  beforeAll(async () => {
    lo = await recalculated(plans);
  }, 180_000);

  test.each(CASES.map((c, i) => [c.why, i] as const))("%s", (_why, i) => {
    const want = t.expected(paramsOf(t, CASES[i].periods ? { periods: CASES[i].periods } : {}), CASES[i].data);
    if (!want.ok) throw new Error(JSON.stringify(want.problems));
    const got = lo.results(i);
    for (const [key, value] of Object.entries(want.value)) {
      if (typeof value === "number") expect([key, got[key]]).toEqual([key, expect.closeTo(value, 12)]);
      else expect([key, got[key]]).toEqual([key, value]);
    }
  });

  test("K1 boundary: 10 → 8.8 is a 12% reduction, which meets a 12% target only because the change is rounded", () => {
    expect((10 - 8.8) / 10 >= 0.12).toBe(false);
    const engine = kpiChange(INDICATORS[8], 10, 8.8, 0.12);
    expect(engine.ok && engine.value.targetMet).toBe(true);
    expect(lo.results(2)["kpi:9:met"]).toBe("达标");
  });
});
