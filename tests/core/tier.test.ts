import fc from "fast-check";
import { SCHEMES, findScheme } from "../../templates/index";
import { testInputs, type Condition, type InputDef, type Scheme, type Source } from "../../templates/schema";
import { tier, type ConditionResult, type SchemeResult, type TierResult } from "../../src/core/tier";
import type { Problem } from "../../src/core/problems";

/**
 * Recognition tiers (src/core/tier.ts) against the four scheme templates, checked from the
 * seeds and the rulings: whole enterprises per tier, the G1 boundaries of every threshold, the
 * T2 coverage and performance rules, input handling (G2, G3) and properties over random answers.
 */

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const DOC = {
  fundGuide: "000_895f6aeed786a7d3.txt",
  shanxi2018: "001_85a055208385c3cf.txt",
  shanxi2024: "002_e505e16489392b35.txt",
  shaoxing: "003_aa3605fc89ed960c.txt",
  pujiang: "004_ace3b6be19f1f47c.txt",
} as const;

function schemeNamed(id: string): Scheme {
  const s = findScheme(id);
  if (!s) throw new Error(`no scheme ${id}`);
  return s;
}

const SHAOXING = schemeNamed("shaoxing");
const NATIONAL = schemeNamed("national-2024");
const SHANXI = schemeNamed("shanxi-2018");
const PUJIANG = schemeNamed("pujiang");

type Answers = Record<string, unknown>;

function check(s: Scheme, inputs: unknown): SchemeResult {
  const r = tier(s, inputs);
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.problems)}`);
  return r.value;
}

function problemsOf(s: Scheme, inputs: unknown): Problem[] {
  const r = tier(s, inputs);
  if (r.ok) throw new Error(`expected problems, got met = ${JSON.stringify(r.value.met)}`);
  return r.problems;
}

function tierOf(r: SchemeResult, id: string): TierResult {
  const t = r.tiers.find((x) => x.tier === id);
  if (!t) throw new Error(`no tier ${id} in ${r.scheme}`);
  return t;
}

function conditionOf(r: SchemeResult, tierId: string, id: string): ConditionResult {
  const c = tierOf(r, tierId).conditions.find((x) => x.id === id);
  if (!c) throw new Error(`no condition ${id} in tier ${tierId}`);
  return c;
}

const ids = (cs: ConditionResult[]): string[] => cs.map((c) => c.id);

/** Every input answered "no": ticks false, rates and amounts 0, levels the lowest, integers their minimum. */
function allNo(s: Scheme): Answers {
  const out: Answers = {};
  for (const i of s.inputs) {
    if (i.type === "tick") out[i.code] = false;
    else if (i.type === "level") out[i.code] = i.levels![0].name.zh;
    else if (i.type === "integer") out[i.code] = i.min ?? 0;
    else out[i.code] = 0;
  }
  return out;
}

/** The positional form of an object answer: the template's input order, undefined where absent. */
function positional(s: Scheme, answers: Answers): unknown[] {
  return s.inputs.map((i) => answers[i.code]);
}

/** A whole enterprise answers every input: no blanks (ruling G3). */
function expectWhole(r: SchemeResult): void {
  expect(r.missing).toEqual([]);
  expect(r.complete).toBe(true);
}

// ---------------------------------------------------------------------------------------------
// Shaoxing (seed 003 第五至八条, ruling T1): a ladder
// ---------------------------------------------------------------------------------------------

const shaoxingAt = (item: string): Source => ({ doc: DOC.shaoxing, item, ruling: "T1" });

const SX_BASIC = { "basic.1": true, "basic.2": true, "basic.3": true, "basic.4": true };

/** 第五条 + 第六条 exactly at the thresholds (数控化率 60%, 联网率 40%), nothing of 第七、八条. */
const SX_LINE: Answers = {
  ...allNo(SHAOXING),
  ...SX_BASIC,
  "line.equipment": "是",
  "cnc-rate": 0.6,
  "line.data": "√",
  "network-rate": 0.4,
};

/** 第五至七条 exactly at the thresholds (数控化率 65%, 联网率 50%), nothing of 第八条 but the shared 联网率. */
const SX_WORKSHOP: Answers = {
  ...SX_LINE,
  "cnc-rate": 0.65,
  "network-rate": 0.5,
  "workshop.1": true,
  "workshop.2": true,
  "workshop.3": true,
  "workshop.4": true,
};

/** 第五至八条 exactly at the thresholds (智能装备占比 70%, 普及率 70%), one new mode (网络协同). */
const SX_FACTORY: Answers = {
  ...SX_WORKSHOP,
  "factory.1": true,
  // 第八条(二): 网络协同制造 practised, with each of its six key elements (附件 三、1–6).
  "mode.networked": true,
  ...Object.fromEntries([1, 2, 3, 4, 5, 6].map((k) => [`mode.networked.${k}`, true])),
  "factory.3": true,
  "smart-equipment-share": 0.7,
  "factory.4": true,
  "design-tool-rate": 0.7,
  "mes-erp": true,
  "factory.5": true,
};

const SX_COMMON_IDS = ["basic.1", "basic.2", "basic.3", "basic.4"];
const SX_LINE_IDS = ["line.equipment", "line.cnc-rate", "line.data", "line.network-rate"];
const SX_WORKSHOP_IDS = ["workshop.1", "workshop.cnc-rate", "workshop.2", "workshop.3", "workshop.4", "workshop.network-rate"];
const SX_FACTORY_IDS = [
  "factory.1",
  "factory.2",
  "factory.3",
  "factory.smart-equipment-share",
  "factory.4",
  "factory.design-tool-rate",
  "factory.mes-erp",
  "factory.network-rate",
  "factory.5",
];

describe("shaoxing — whole enterprises (seed 003 第五至八条, ruling T1)", () => {
  test("T1 第六条: an enterprise meeting 生产线智能化改造项目 exactly is met = line, next = 示范车间 with all six 第七条 conditions unmet", () => {
    const r = check(SHAOXING, SX_LINE);
    expectWhole(r);
    expect(r.structure).toBe("ladder");
    expect(r.met).toBe("line");
    expect(r.metNames).toEqual([{ zh: "生产线智能化改造项目", en: "Production-line smart upgrade project" }]);
    expect(r.tiers.map((t) => t.met)).toEqual([true, false, false]);
    expect(r.next?.tier).toBe("workshop");
    expect(r.next?.name.zh).toBe("智能制造示范车间");
    expect(ids(r.next!.unmet)).toEqual(SX_WORKSHOP_IDS);
    expect(r.next!.unmet.map((c) => c.source.item)).toEqual(["第七条(一)", "第七条(二)", "第七条(二)", "第七条(三)", "第七条(四)", "第七条(四)"]);
  });

  test("T1 第七条: an enterprise meeting 智能制造示范车间 exactly is met = workshop, next = 智能工厂 lacking every 第八条 condition but 联网率 50% (第八条(四))", () => {
    const r = check(SHAOXING, SX_WORKSHOP);
    expectWhole(r);
    expect(r.met).toBe("workshop");
    expect(r.tiers.map((t) => t.met)).toEqual([true, true, false]);
    expect(r.next?.tier).toBe("factory");
    expect(ids(r.next!.unmet)).toEqual(SX_FACTORY_IDS.filter((id) => id !== "factory.network-rate"));
    expect(conditionOf(r, "factory", "factory.network-rate").met).toBe(true);
  });

  test("T1 第八条: an enterprise meeting 智能工厂 exactly is met = factory, next = null, every tier met", () => {
    const r = check(SHAOXING, SX_FACTORY);
    expectWhole(r);
    expect(r.met).toBe("factory");
    expect(r.metNames.map((n) => n.zh)).toEqual(["智能工厂"]);
    expect(r.next).toBeNull();
    expect(r.tiers.map((t) => [t.tier, t.met, ids(t.unmet), ids(t.warnings)])).toEqual([
      ["line", true, [], []],
      ["workshop", true, [], []],
      ["factory", true, [], []],
    ]);
    expect(ids(tierOf(r, "factory").conditions)).toEqual([...SX_COMMON_IDS, ...SX_FACTORY_IDS]);
  });

  test("T1: a blank sheet meets nothing; next = 生产线 with 第五条 and 第六条 all unmet, every input missing (G3)", () => {
    const r = check(SHAOXING, {});
    expect(r.met).toBeNull();
    expect(r.metNames).toEqual([]);
    expect(r.next?.tier).toBe("line");
    expect(ids(r.next!.unmet)).toEqual([...SX_COMMON_IDS, ...SX_LINE_IDS]);
    expect(r.next!.unmet.every((c) => c.found.zh === "未填" && c.missing.length === 1)).toBe(true);
    expect(r.next!.unmet.map((c) => c.missing[0])).toEqual(["basic.1", "basic.2", "basic.3", "basic.4", "line.equipment", "cnc-rate", "line.data", "network-rate"]);
    expect(r.missing).toEqual(SHAOXING.inputs.map((i) => i.code));
    expect(r.complete).toBe(false);
  });

  test("T1: an enterprise answering no everywhere meets nothing; next = 生产线 with all eight conditions unmet and nothing missing", () => {
    const r = check(SHAOXING, allNo(SHAOXING));
    expectWhole(r);
    expect(r.met).toBeNull();
    expect(r.next?.tier).toBe("line");
    expect(ids(r.next!.unmet)).toEqual([...SX_COMMON_IDS, ...SX_LINE_IDS]);
    expect(r.next!.unmet.every((c) => c.missing.length === 0)).toBe(true);
  });

  test("T1 (each tier holds its own article): 第八条 met without 第六条's 数控化率 60% is still met = factory", () => {
    const r = check(SHAOXING, { ...SX_FACTORY, "cnc-rate": 0.3 });
    expect(r.tiers.map((t) => t.met)).toEqual([false, false, true]);
    expect(r.met).toBe("factory");
    expect(r.next).toBeNull();
  });

  // [tier, condition id, override, source item, expected met]: the exact enterprise of that tier with one condition broken.
  const BREAK: [string, string, Answers, string, string | null][] = [
    ["factory", "basic.1", { "basic.1": false }, "第五条(一)", null],
    ["factory", "basic.2", { "basic.2": "否" }, "第五条(二)", null],
    ["factory", "basic.3", { "basic.3": 0 }, "第五条(三)", null],
    ["factory", "basic.4", { "basic.4": "无" }, "第五条(四)", null],
    ["line", "line.equipment", { "line.equipment": false }, "第六条", null],
    ["line", "line.cnc-rate", { "cnc-rate": 0.5999 }, "第六条", null],
    ["line", "line.data", { "line.data": "□" }, "第六条", null],
    ["line", "line.network-rate", { "network-rate": 0.3999 }, "第六条", null],
    ["workshop", "workshop.1", { "workshop.1": false }, "第七条(一)", "line"],
    ["workshop", "workshop.cnc-rate", { "cnc-rate": 0.6499 }, "第七条(二)", "line"],
    ["workshop", "workshop.2", { "workshop.2": false }, "第七条(二)", "line"],
    ["workshop", "workshop.3", { "workshop.3": false }, "第七条(三)", "line"],
    ["workshop", "workshop.4", { "workshop.4": false }, "第七条(四)", "line"],
    ["workshop", "workshop.network-rate", { "network-rate": 0.4999 }, "第七条(四)", "line"],
    ["factory", "factory.1", { "factory.1": false }, "第八条(一)", "workshop"],
    ["factory", "factory.2", { "mode.networked": false }, "第八条(二)", "workshop"],
    ["factory", "factory.3", { "factory.3": false }, "第八条(三)", "workshop"],
    ["factory", "factory.smart-equipment-share", { "smart-equipment-share": 0.6999 }, "第八条(三)", "workshop"],
    ["factory", "factory.4", { "factory.4": false }, "第八条(四)", "workshop"],
    ["factory", "factory.design-tool-rate", { "design-tool-rate": 0.6999 }, "第八条(四)", "workshop"],
    ["factory", "factory.mes-erp", { "mes-erp": false }, "第八条(四)", "workshop"],
    ["factory", "factory.5", { "factory.5": false }, "第八条(五)", "workshop"],
  ];
  const EXACT: Record<string, Answers> = { line: SX_LINE, workshop: SX_WORKSHOP, factory: SX_FACTORY };

  test.each(BREAK)("T1 %s fails by exactly %s: that condition alone is unmet, with its source, and next names it", (tierId, id, override, item, met) => {
    const r = check(SHAOXING, { ...EXACT[tierId], ...override });
    expectWhole(r);
    const t = tierOf(r, tierId);
    expect(t.met).toBe(false);
    expect(ids(t.unmet)).toEqual([id]);
    const source = id === "factory.2" ? { ...shaoxingAt(item), annex: "附件《智能制造新模式关键要素》" } : shaoxingAt(item);
    expect(t.unmet[0].source).toEqual(source);
    expect(t.unmet[0].severity).toBe("required");
    expect(t.unmet[0].missing).toEqual([]);
    expect(r.met).toBe(met);
    // A broken 第五条 condition fails every tier, so next is the first tier; otherwise the broken one.
    expect(r.next?.tier).toBe(met === null ? "line" : tierId);
    expect(ids(r.next!.unmet)).toEqual([id]);
  });

  /** Every key element of a mode (附件), and the practice tick, answered yes. */
  const modeComplete = (mode: string): Answers =>
    Object.fromEntries(SHAOXING.inputs.filter((i) => i.code === mode || i.code.startsWith(`${mode}.`)).map((i) => [i.code, i.type === "rate" ? 0.9 : true]));

  test("T1 第八条(二) + 附件 (issue 12 item 4): any one of the five new modes with every key element is enough; practice alone is not", () => {
    const withoutNetworked = { ...SX_FACTORY, ...Object.fromEntries(Object.keys(modeComplete("mode.networked")).map((k) => [k, false])) };
    for (const mode of ["mode.discrete", "mode.process", "mode.networked", "mode.customization", "mode.remote-service"]) {
      expect([mode, check(SHAOXING, { ...withoutNetworked, ...modeComplete(mode) }).met]).toEqual([mode, "factory"]);
      expect([mode, check(SHAOXING, { ...withoutNetworked, [mode]: true }).met]).toEqual([mode, "workshop"]);
    }
    const none = conditionOf(check(SHAOXING, withoutNetworked), "factory", "factory.2");
    expect(none.found.zh).toMatch(/^无一组要素齐备（离散型智能制造模式 0\/8、流程型智能制造模式 0\/10、网络协同制造模式 0\/7/);
  });

  test("附件 二、2 and 3: 流程型 needs 自动数采率 and 自控投用率 达到90%以上 (G1 ≥): 0.9 meets, 0.8999 does not, 90 is an error", () => {
    const process_ = { ...SX_FACTORY, "mode.networked": false, ...modeComplete("mode.process") };
    expect(check(SHAOXING, process_).met).toBe("factory");
    expect(check(SHAOXING, { ...process_, "mode.process.data-rate": 0.8999 }).met).toBe("workshop");
    expect(check(SHAOXING, { ...process_, "mode.process.control-rate": 0.8999 }).met).toBe("workshop");
    expect(problemsOf(SHAOXING, { ...process_, "mode.process.control-rate": 90 })[0].message.en).toBe("a rate cannot exceed 100%: enter 90% or 0.9, not 90");
    const c = SHAOXING.tiers[2].conditions.find((x) => x.id === "factory.2")!;
    expect(c.source).toEqual({ doc: DOC.shaoxing, annex: "附件《智能制造新模式关键要素》", item: "第八条(二)", ruling: "T1" });
  });

  test("T1 第八条(二) + G3: no mode complete and some elements left blank is unmet and lists exactly the blanks as missing", () => {
    const r = check(SHAOXING, { ...SX_FACTORY, "mode.networked.2": "", "mode.process.4": null });
    const c = conditionOf(r, "factory", "factory.2");
    expect(c.met).toBe(false);
    expect(c.missing).toEqual(["mode.process.4", "mode.networked.2"]);
    expect(r.missing).toEqual(["mode.process.4", "mode.networked.2"]);
    expect(r.met).toBe("workshop");
  });
});

describe("shaoxing — G1 boundaries (seed 003 第六至八条)", () => {
  test("G1 第六条 达到60%以上 (≥): 数控化率 0.6 meets line.cnc-rate, 0.5999 does not", () => {
    expect(conditionOf(check(SHAOXING, SX_LINE), "line", "line.cnc-rate").met).toBe(true);
    expect(check(SHAOXING, SX_LINE).met).toBe("line");
    expect(conditionOf(check(SHAOXING, { ...SX_LINE, "cnc-rate": 0.5999 }), "line", "line.cnc-rate").met).toBe(false);
    expect(check(SHAOXING, { ...SX_LINE, "cnc-rate": 0.5999 }).met).toBeNull();
  });

  test("G1 第六条: 数控化率 written as \"60%\" is 0.6 and meets", () => {
    expect(check(SHAOXING, { ...SX_LINE, "cnc-rate": "60%" }).met).toBe("line");
    expect(check(SHAOXING, { ...SX_LINE, "cnc-rate": "59.99%" }).met).toBeNull();
  });

  test("G1 第七条(二) 不低于65% (≥): 数控化率 0.65 meets workshop.cnc-rate, 0.6499 and 0.6 do not", () => {
    expect(conditionOf(check(SHAOXING, SX_WORKSHOP), "workshop", "workshop.cnc-rate").met).toBe(true);
    expect(conditionOf(check(SHAOXING, { ...SX_WORKSHOP, "cnc-rate": "65%" }), "workshop", "workshop.cnc-rate").met).toBe(true);
    expect(conditionOf(check(SHAOXING, { ...SX_WORKSHOP, "cnc-rate": 0.6499 }), "workshop", "workshop.cnc-rate").met).toBe(false);
    expect(conditionOf(check(SHAOXING, { ...SX_WORKSHOP, "cnc-rate": 0.6 }), "workshop", "workshop.cnc-rate").met).toBe(false);
  });

  test("G1 第六条 联网率达到40%以上 (≥): 0.4 meets line.network-rate, 0.3999 does not", () => {
    expect(conditionOf(check(SHAOXING, SX_LINE), "line", "line.network-rate").met).toBe(true);
    expect(conditionOf(check(SHAOXING, { ...SX_LINE, "network-rate": 0.3999 }), "line", "line.network-rate").met).toBe(false);
  });

  test("G1 第七条(四) 不低于50% and 第八条(四) 达到50%以上 (≥): 联网率 0.5 meets both, 0.4999 meets neither, 0.4 only 第六条", () => {
    const at = (rate: number) => {
      const r = check(SHAOXING, { ...SX_FACTORY, "network-rate": rate });
      return ["line.network-rate", "workshop.network-rate", "factory.network-rate"].map((id) => conditionOf(r, id.split(".")[0], id).met);
    };
    expect(at(0.5)).toEqual([true, true, true]);
    expect(at(0.4999)).toEqual([true, false, false]);
    expect(at(0.4)).toEqual([true, false, false]);
    expect(at(0.3999)).toEqual([false, false, false]);
  });

  test("G1 第八条(三) 智能装备占比不低于70% (≥): 0.7 meets, 0.6999 does not", () => {
    expect(conditionOf(check(SHAOXING, SX_FACTORY), "factory", "factory.smart-equipment-share").met).toBe(true);
    expect(conditionOf(check(SHAOXING, { ...SX_FACTORY, "smart-equipment-share": 0.6999 }), "factory", "factory.smart-equipment-share").met).toBe(false);
  });

  test("G1 第八条(四) 研发设计及管理工具普及率不低于70% (≥): 0.7 meets, 0.6999 does not", () => {
    expect(conditionOf(check(SHAOXING, SX_FACTORY), "factory", "factory.design-tool-rate").met).toBe(true);
    expect(conditionOf(check(SHAOXING, { ...SX_FACTORY, "design-tool-rate": 0.6999 }), "factory", "factory.design-tool-rate").met).toBe(false);
  });

  test("T1 found text: 数控化率 0.6 shows \"60% ≥ 60%\" for 第六条 and \"60% < 65%\" for 第七条, in percent", () => {
    const r = check(SHAOXING, SX_LINE);
    expect(conditionOf(r, "line", "line.cnc-rate").found).toEqual({ zh: "装备数控化率 60% ≥ 60%", en: "Equipment CNC rate 60% ≥ 60%" });
    expect(conditionOf(r, "workshop", "workshop.cnc-rate").found).toEqual({ zh: "装备数控化率 60% < 65%", en: "Equipment CNC rate 60% < 65%" });
    expect(conditionOf(r, "workshop", "workshop.network-rate").found).toEqual({ zh: "机器联网率 40% < 50%", en: "Machine networking rate 40% < 50%" });
  });

  test("T1 found text: 0.5999 shows 59.99% against 60%, and 智能装备占比 0.6999 shows 69.99% against 70%", () => {
    expect(conditionOf(check(SHAOXING, { ...SX_LINE, "cnc-rate": 0.5999 }), "line", "line.cnc-rate").found.zh).toBe("装备数控化率 59.99% < 60%");
    expect(conditionOf(check(SHAOXING, { ...SX_FACTORY, "smart-equipment-share": 0.6999 }), "factory", "factory.smart-equipment-share").found.zh).toBe(
      "智能装备占主要生产装备总数比例 69.99% < 70%",
    );
  });
});

// ---------------------------------------------------------------------------------------------
// National 2024 gradient (seed 002 附件2, ruling T2): a ladder
// ---------------------------------------------------------------------------------------------

const nationalAt = (item: string): Source => ({ doc: DOC.shanxi2024, annex: "附件2", item, ruling: "T2" });

const NT_REQ = { "application.registered": true, "application.cooperation": true, "requirement.1": true, "requirement.2": true, "requirement.3": true, "requirement.4": true };
const NO_STAGES = Object.fromEntries(
  [
    "stage.factory-construction",
    "stage.infrastructure",
    "stage.product-design",
    "stage.process-design",
    "stage.production",
    "stage.quality",
    "stage.equipment",
    "stage.planning",
    "stage.logistics",
    "stage.safety",
    "stage.energy-carbon",
    "stage.environment",
    "stage.marketing",
    "stage.supply-chain",
  ].map((c) => [c, false]),
);

/** 一、1–5 at 二级, only 质量管控 (→ 生产作业, 注[3]), performance above the provincial average. */
const NT_BASIC: Answers = {
  ...allNo(NATIONAL),
  ...NT_REQ,
  ...NO_STAGES,
  maturity: 2,
  "stage.quality": true,
  performance: "高于省内同行业平均水平",
};

/** 三: 二级, 生产作业 (设备管理) + 生产管理 (能碳管理) + 运营管理 (供应链管理), provincial leading, 三(二)2. */
const NT_ADVANCED: Answers = {
  ...NT_BASIC,
  "stage.quality": false,
  "stage.equipment": true,
  "stage.energy-carbon": true,
  "stage.supply-chain": "√",
  performance: "省内同行业领先",
  "advanced.effect-2": true,
};

/** 四: 三级, one guide 环节 per gradient 环节, national leading, 四(二)2–4. */
const NT_EXCELLENT: Answers = {
  ...NT_ADVANCED,
  maturity: 3,
  "stage.infrastructure": true,
  "stage.process-design": true,
  performance: "国内同行业领先",
  "excellent.effect-2": true,
  "excellent.effect-3": true,
  "excellent.effect-4": true,
};

/** 五: 四级, all five 环节, world-leading, 五(二)2–4. */
const NT_LEADING: Answers = {
  ...NT_EXCELLENT,
  maturity: 4,
  performance: "全球领先",
  "leading.effect-2": true,
  "leading.effect-3": true,
  "leading.effect-4": true,
};

const NT_COMMON_IDS = ["application.registered", "application.cooperation", "requirement.1", "requirement.2", "requirement.3", "requirement.4"];

describe("national-2024 — whole enterprises (seed 002 附件2, ruling T2)", () => {
  test("T2 二: an enterprise meeting 基础级 exactly is met = basic; next = 先进级 lacking 生产管理, 运营管理, provincial leading and 三(二)2", () => {
    const r = check(NATIONAL, NT_BASIC);
    expectWhole(r);
    expect(r.met).toBe("basic");
    expect(r.metNames).toEqual([{ zh: "基础级智能工厂", en: "Basic smart factory" }]);
    expect(r.next?.tier).toBe("advanced");
    expect(ids(r.next!.unmet)).toEqual(["advanced.covers.production-management", "advanced.covers.operations", "advanced.performance", "advanced.effect-2"]);
    expect(r.next!.unmet.map((c) => c.source.item)).toEqual(["三(一) 注[4]", "三(一) 注[5]", "三(二)1", "三(二)2"]);
  });

  test("T2 三: an enterprise meeting 先进级 exactly is met = advanced; next = 卓越级 lacking 三级, national leading and 四(二)2–4 (uncovered 环节 are warnings, not unmet)", () => {
    const r = check(NATIONAL, NT_ADVANCED);
    expectWhole(r);
    expect(r.met).toBe("advanced");
    expect(r.next?.tier).toBe("excellent");
    expect(ids(r.next!.unmet)).toEqual(["excellent.maturity", "excellent.performance", "excellent.effect-2", "excellent.effect-3", "excellent.effect-4"]);
    expect(ids(tierOf(r, "excellent").warnings)).toEqual(["excellent.covers.factory-construction", "excellent.covers.rd-design"]);
  });

  test("T2 四: an enterprise meeting 卓越级 exactly is met = excellent, no warnings; next = 领航级 lacking 四级, world-leading and 五(二)2–4", () => {
    const r = check(NATIONAL, NT_EXCELLENT);
    expectWhole(r);
    expect(r.met).toBe("excellent");
    expect(tierOf(r, "excellent").warnings).toEqual([]);
    expect(r.next?.tier).toBe("leading");
    expect(ids(r.next!.unmet)).toEqual(["leading.maturity", "leading.performance", "leading.effect-2", "leading.effect-3", "leading.effect-4"]);
    expect(r.next!.unmet[0].source).toEqual(nationalAt("一、5"));
  });

  test("T2 五: an enterprise meeting 领航级 is met = leading, next = null, every tier met without warnings", () => {
    const r = check(NATIONAL, NT_LEADING);
    expectWhole(r);
    expect(r.met).toBe("leading");
    expect(r.next).toBeNull();
    expect(r.tiers.map((t) => [t.tier, t.met, ids(t.unmet), ids(t.warnings)])).toEqual([
      ["basic", true, [], []],
      ["advanced", true, [], []],
      ["excellent", true, [], []],
      ["leading", true, [], []],
    ]);
  });

  test("T1/T2: a blank sheet meets nothing; next = 基础级 with 一、1–5, 生产作业 and performance unmet and missing", () => {
    const r = check(NATIONAL, {});
    expect(r.met).toBeNull();
    expect(r.next?.tier).toBe("basic");
    expect(ids(r.next!.unmet)).toEqual([...NT_COMMON_IDS, "basic.maturity", "basic.covers.production", "basic.performance"]);
    expect(r.next!.unmet.find((c) => c.id === "basic.covers.production")?.missing).toEqual(["stage.production", "stage.quality", "stage.equipment"]);
    expect(r.missing).toEqual(NATIONAL.inputs.map((i) => i.code));
  });

  test("T2: an enterprise answering no everywhere (一级, nothing covered, below average) meets nothing; next = 基础级 with all seven conditions unmet", () => {
    const r = check(NATIONAL, allNo(NATIONAL));
    expectWhole(r);
    expect(r.met).toBeNull();
    expect(ids(r.next!.unmet)).toEqual([...NT_COMMON_IDS, "basic.maturity", "basic.covers.production", "basic.performance"]);
  });

  const BREAK: [string, string, Answers, string, string | null][] = [
    ["basic", "requirement.1", { "requirement.1": false }, "一、1", null],
    ["basic", "requirement.2", { "requirement.2": false }, "一、2", null],
    ["basic", "requirement.3", { "requirement.3": false }, "一、3", null],
    ["basic", "requirement.4", { "requirement.4": false }, "一、4", null],
    ["basic", "basic.maturity", { maturity: 1 }, "一、5", null],
    ["basic", "basic.covers.production", { "stage.quality": false }, "二(一) 注[3]", null],
    ["basic", "basic.performance", { performance: "未达到省内同行业平均水平" }, "二(二)1", null],
    ["advanced", "advanced.covers.production-management", { "stage.energy-carbon": false }, "三(一) 注[4]", "basic"],
    ["advanced", "advanced.covers.operations", { "stage.supply-chain": false }, "三(一) 注[5]", "basic"],
    ["advanced", "advanced.performance", { performance: "高于省内同行业平均水平" }, "三(二)1", "basic"],
    ["advanced", "advanced.effect-2", { "advanced.effect-2": false }, "三(二)2", "basic"],
    ["excellent", "excellent.maturity", { maturity: 2 }, "一、5", "advanced"],
    ["excellent", "excellent.performance", { performance: "省内同行业领先" }, "四(二)1", "advanced"],
    ["excellent", "excellent.effect-2", { "excellent.effect-2": false }, "四(二)2", "advanced"],
    ["excellent", "excellent.effect-3", { "excellent.effect-3": false }, "四(二)3", "advanced"],
    ["excellent", "excellent.effect-4", { "excellent.effect-4": false }, "四(二)4", "advanced"],
    ["leading", "leading.maturity", { maturity: 3 }, "一、5", "excellent"],
    ["leading", "leading.covers.factory-construction", { "stage.infrastructure": false }, "五(一) 注[1]", "excellent"],
    ["leading", "leading.covers.rd-design", { "stage.process-design": false }, "五(一) 注[2]", "excellent"],
    ["leading", "leading.performance", { performance: "国内同行业领先" }, "五(二)1", "excellent"],
    ["leading", "leading.effect-2", { "leading.effect-2": false }, "五(二)2", "excellent"],
    ["leading", "leading.effect-3", { "leading.effect-3": false }, "五(二)3", "excellent"],
    ["leading", "leading.effect-4", { "leading.effect-4": false }, "五(二)4", "excellent"],
  ];
  const EXACT: Record<string, Answers> = { basic: NT_BASIC, advanced: NT_ADVANCED, excellent: NT_EXCELLENT, leading: NT_LEADING };

  test.each(BREAK)("T2 %s fails by exactly %s: that condition alone is unmet, with its source, and next names it", (tierId, id, override, item, met) => {
    const r = check(NATIONAL, { ...EXACT[tierId], ...override });
    expectWhole(r);
    const t = tierOf(r, tierId);
    expect(t.met).toBe(false);
    expect(ids(t.unmet)).toEqual([id]);
    expect(t.unmet[0].source).toEqual(nationalAt(item));
    expect(t.unmet[0].severity).toBe("required");
    expect(r.met).toBe(met);
    expect(r.next?.tier).toBe(tierId);
    expect(ids(r.next!.unmet)).toEqual([id]);
  });
});

describe("national-2024 — maturity, coverage and performance (seed 002 附件2, ruling T2)", () => {
  test.each([
    [1, null, [false, false, false, false]],
    [2, "advanced", [true, true, false, false]],
    [3, "excellent", [true, true, true, false]],
    [4, "leading", [true, true, true, true]],
    [5, "leading", [true, true, true, true]],
  ] as const)("T2 一、5: GB/T 39116 maturity %d with everything else of 领航级 gives met = %s (二级 基础/先进, 三级 卓越, 四级 领航; 及以上 ≥)", (level, met, maturityMet) => {
    const r = check(NATIONAL, { ...NT_LEADING, maturity: level });
    expect(r.met).toBe(met);
    expect(["basic", "advanced", "excellent", "leading"].map((t) => conditionOf(r, t, `${t}.maturity`).met)).toEqual(maturityMet);
  });

  // Issue 12 item 7: maturity became a level input, so what was found is the level's name.
  test("T2 一、5 found text: maturity 2 reads as the level 二级", () => {
    expect(conditionOf(check(NATIONAL, { ...NT_EXCELLENT, maturity: 2 }), "excellent", "excellent.maturity").found).toEqual({ zh: "二级", en: "Level 2" });
  });

  test.each([3, "3", "三级", "3级", "三", " 三 级 ", "Level 3"])("issue 12 item 7: maturity %p is GB/T 39116 三级, as 3 is", (answer) => {
    const r = check(NATIONAL, { ...NT_EXCELLENT, maturity: answer });
    expect(r.met).toBe("excellent");
    expect(conditionOf(r, "leading", "leading.maturity").found.zh).toBe("三级");
  });

  test("T2 一、5: maturity is a whole level 1–5; 2.5 and 6 are problems naming maturity", () => {
    expect(problemsOf(NATIONAL, { ...NT_BASIC, maturity: 2.5 }).map((p) => p.code)).toEqual(["maturity"]);
    expect(problemsOf(NATIONAL, { ...NT_BASIC, maturity: 6 }).map((p) => p.code)).toEqual(["maturity"]);
  });

  test.each([
    ["未达到省内同行业平均水平", null],
    ["高于省内同行业平均水平", "basic"],
    ["省内同行业领先", "advanced"],
    ["国内同行业领先", "excellent"],
    ["全球领先", "leading"],
  ] as const)("T2 二(二)1–五(二)1: performance %s with everything else of 领航级 gives met = %s (levels are ordered)", (performance, met) => {
    expect(check(NATIONAL, { ...NT_LEADING, performance }).met).toBe(met);
  });

  test("T2 三(二)1: 高于省内同行业平均水平 is not enough for 先进级 (provincial leading is required); found shows the level", () => {
    const r = check(NATIONAL, { ...NT_ADVANCED, performance: "高于省内同行业平均水平" });
    expect(r.met).toBe("basic");
    const c = conditionOf(r, "advanced", "advanced.performance");
    expect(c.met).toBe(false);
    expect(c.found.zh).toBe("高于省内同行业平均水平");
    expect(conditionOf(r, "basic", "basic.performance").met).toBe(true);
  });

  test("T2: the annex's own wording 省（区、市）同行业领先水平 is accepted as 省内同行业领先", () => {
    expect(check(NATIONAL, { ...NT_ADVANCED, performance: "省（区、市）同行业领先水平" }).met).toBe("advanced");
  });

  test("T2 注[3]: only 质量管控 ticked covers 生产作业 for 基础级, and the found text names it", () => {
    const r = check(NATIONAL, NT_BASIC);
    const c = conditionOf(r, "basic", "basic.covers.production");
    expect(c.met).toBe(true);
    expect(c.found.zh).toContain("质量管控");
    expect(r.met).toBe("basic");
  });

  // T2: the footnotes [1]–[5] map the fourteen guide 环节 onto the five gradient 环节.
  const MAPPING: [string, string][] = [
    ["stage.factory-construction", "factory-construction"],
    ["stage.infrastructure", "factory-construction"],
    ["stage.product-design", "rd-design"],
    ["stage.process-design", "rd-design"],
    ["stage.production", "production"],
    ["stage.quality", "production"],
    ["stage.equipment", "production"],
    ["stage.planning", "production-management"],
    ["stage.logistics", "production-management"],
    ["stage.safety", "production-management"],
    ["stage.energy-carbon", "production-management"],
    ["stage.environment", "production-management"],
    ["stage.marketing", "operations"],
    ["stage.supply-chain", "operations"],
  ];
  const GRADIENT = ["factory-construction", "rd-design", "production", "production-management", "operations"];

  test.each(MAPPING)("T2 注[1]–[5]: ticking only %s covers exactly the gradient 环节 %s", (stage, gradient) => {
    const r = check(NATIONAL, { ...NT_LEADING, ...NO_STAGES, [stage]: true });
    expect(GRADIENT.filter((g) => conditionOf(r, "leading", `leading.covers.${g}`).met)).toEqual([gradient]);
  });

  test("T2 四(一) 原则上应覆盖: 卓越级 with 工厂建设 uncovered is still met, with one advisory warning citing 注[1]", () => {
    const r = check(NATIONAL, { ...NT_EXCELLENT, "stage.infrastructure": false });
    expectWhole(r);
    const t = tierOf(r, "excellent");
    expect(t.met).toBe(true);
    expect(t.unmet).toEqual([]);
    expect(ids(t.warnings)).toEqual(["excellent.covers.factory-construction"]);
    expect(t.warnings[0].severity).toBe("advisory");
    expect(t.warnings[0].source).toEqual(nationalAt("四(一) 注[1]"));
    expect(t.warnings[0].found).toEqual({ zh: "均不具备", en: "none present" });
    expect(r.met).toBe("excellent");
    expect(r.next?.tier).toBe("leading");
  });

  test("T2 四(一): 卓越级 missing two 环节 keeps the tier with two warnings, none of them in next.unmet", () => {
    const r = check(NATIONAL, { ...NT_EXCELLENT, "stage.infrastructure": false, "stage.process-design": false });
    const t = tierOf(r, "excellent");
    expect(t.met).toBe(true);
    expect(ids(t.warnings)).toEqual(["excellent.covers.factory-construction", "excellent.covers.rd-design"]);
    expect(r.met).toBe("excellent");
    expect(ids(r.next!.unmet)).not.toContain("excellent.covers.rd-design");
  });

  // Before issue 12 this answer met 卓越级 although 先进级 failed (运营管理 uncovered): T5 makes the gradient a ladder.
  test("T5: 卓越级 with 运营管理 uncovered is not met, because 先进级's hard coverage of 运营管理 is unmet; its own advisory one stays a warning", () => {
    const r = check(NATIONAL, { ...NT_EXCELLENT, "stage.supply-chain": false });
    const t = tierOf(r, "excellent");
    expect(tierOf(r, "advanced").met).toBe(false);
    expect(t.met).toBe(false);
    expect(ids(t.unmet)).toEqual(["advanced.covers.operations"]);
    expect(ids(t.warnings)).toEqual(["excellent.covers.operations"]);
    expect(r.met).toBe("basic");
    expect(ids(r.next!.unmet)).toEqual(["advanced.covers.operations"]);
  });

  test("T5 (issue 12 item 3): 卓越级 with no 生产作业 环节 fails on 基础级's and 先进级's coverage, and nothing is met", () => {
    const r = check(NATIONAL, { ...NT_EXCELLENT, "stage.equipment": false, "stage.quality": false, "stage.production": false });
    expect(tierOf(r, "excellent").met).toBe(false);
    expect(ids(tierOf(r, "excellent").unmet)).toEqual(["basic.covers.production", "advanced.covers.production"]);
    expect(ids(tierOf(r, "leading").unmet)).toEqual(expect.arrayContaining(["basic.covers.production", "advanced.covers.production", "leading.covers.production"]));
    expect(r.met).toBeNull();
  });

  test("T5: 多环节模式创新 counts under 运营管理 (seed 002 附件2 note after 注[5])", () => {
    const r = check(NATIONAL, { ...NT_ADVANCED, "stage.supply-chain": false, "stage.multi-stage-innovation": true });
    expect(r.met).toBe("advanced");
  });

  test("T5: Shaoxing and Pujiang are not ladders of cumulative tiers — each type on its own article", () => {
    expect(SHAOXING.cumulative).toBe(false);
    expect(PUJIANG.cumulative).toBe(false);
    expect(NATIONAL.cumulative).toBe(true);
    // 智能工厂 met with 第六条's 数控化率 60% unmet: 第八条 sets no 数控化率.
    const r = check(SHAOXING, { ...SX_FACTORY, "cnc-rate": 0.5 });
    expect(tierOf(r, "line").met).toBe(false);
    expect(r.met).toBe("factory");
  });

  test("seed 002 一(一), 一(三): registration in Shanxi and the willingness to cooperate are conditions of every tier", () => {
    const r = check(NATIONAL, { ...NT_LEADING, "application.cooperation": false });
    expect(r.met).toBeNull();
    expect(conditionOf(r, "basic", "application.cooperation").source).toEqual({ doc: DOC.shanxi2024, item: "一(三)", ruling: "T2" });
  });

  test("T2 五(一) 须覆盖: 领航级 with 研发设计 uncovered is not met; the unmet coverage is required and next lists it", () => {
    const r = check(NATIONAL, { ...NT_LEADING, "stage.process-design": false });
    const t = tierOf(r, "leading");
    expect(t.met).toBe(false);
    expect(ids(t.unmet)).toEqual(["leading.covers.rd-design"]);
    expect(t.unmet[0].severity).toBe("required");
    expect(t.warnings).toEqual([]);
    expect(r.met).toBe("excellent");
    expect(ids(tierOf(r, "excellent").warnings)).toEqual(["excellent.covers.rd-design"]);
    expect(r.next?.tier).toBe("leading");
    expect(ids(r.next!.unmet)).toEqual(["leading.covers.rd-design"]);
  });

  test("T2 二(一) 至少覆盖生产作业: 基础级 with no 生产作业 guide 环节 is not met even with every other 环节 covered", () => {
    const r = check(NATIONAL, { ...NT_LEADING, maturity: 2, performance: "高于省内同行业平均水平", "stage.equipment": false });
    expect(ids(tierOf(r, "basic").unmet)).toEqual(["basic.covers.production"]);
    expect(r.met).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Shanxi 2018 (seed 001 附件2, seed 000 一(一)(二), ruling T3): alternatives
// ---------------------------------------------------------------------------------------------

const SHANXI_MODES: [string, string, number][] = [
  // [mode, 附件2 item, number of 要素]
  ["discrete", "一(一)", 7],
  ["process", "一(二)", 7],
  ["networked", "一(三)", 6],
  ["customization", "一(四)", 4],
  ["remote-service", "一(五)", 5],
  ["iot", "二(一)", 5],
  ["ai", "二(二)", 4],
];

const SHANXI_BASIC = { "basic.1": true, "basic.2": true, "basic.4": true, "basic.5": true };

/** Every 要素 of one mode ticked, its rates exactly at seed 000's thresholds where ≥, just above where >. */
function shanxiMode(mode: string, n: number): Answers {
  const out: Answers = { ...allNo(SHANXI), ...SHANXI_BASIC };
  for (let i = 1; i <= n; i++) out[`${mode}.${i}`] = true;
  if (mode === "discrete") out["discrete.cnc-rate"] = 0.7001;
  if (mode === "process") Object.assign(out, { "process.data-collection-rate": 0.9, "process.auto-control-rate": 0.9 });
  return out;
}

function shanxiConditionIds(mode: string, n: number): string[] {
  const out: string[] = [];
  for (let i = 1; i <= n; i++) {
    out.push(`${mode}.${i}`);
    if (mode === "discrete" && i === 3) out.push("discrete.cnc-rate");
    if (mode === "process" && i === 2) out.push("process.data-collection-rate");
    if (mode === "process" && i === 3) out.push("process.auto-control-rate");
  }
  return out;
}

const SHANXI_COMMON_IDS = ["basic.1", "basic.2", "basic.4", "basic.5"];

describe("shanxi-2018 — whole enterprises (seed 001 附件2, ruling T3)", () => {
  test.each(SHANXI_MODES)("T3 附件2 %s: an enterprise meeting every 要素 of this mode only is met = [this mode], next = null", (mode, _item, n) => {
    const r = check(SHANXI, shanxiMode(mode, n));
    expectWhole(r);
    expect(r.structure).toBe("alternatives");
    expect(r.met).toEqual([mode]);
    expect(r.metNames).toEqual([tierOf(r, mode).name]);
    expect(r.next).toBeNull();
    expect(ids(tierOf(r, mode).conditions)).toEqual([...SHANXI_COMMON_IDS, ...shanxiConditionIds(mode, n)]);
    for (const t of r.tiers) expect([t.tier, t.met]).toEqual([t.tier, t.tier === mode]);
  });

  test("T3: an enterprise meeting 离散型 and 物联网 is met = both, in document order", () => {
    const r = check(SHANXI, { ...shanxiMode("discrete", 7), "iot.1": true, "iot.2": true, "iot.3": true, "iot.4": true, "iot.5": true });
    expect(r.met).toEqual(["discrete", "iot"]);
    expect(r.metNames.map((n) => n.zh)).toEqual(["离散型智能制造", "物联网创新应用"]);
  });

  test("T3: a blank sheet meets nothing: met = [], next = null, each mode lists all its conditions unmet as missing", () => {
    const r = check(SHANXI, {});
    expect(r.met).toEqual([]);
    expect(r.metNames).toEqual([]);
    expect(r.next).toBeNull();
    for (const [mode, , n] of SHANXI_MODES) {
      const t = tierOf(r, mode);
      expect(ids(t.unmet)).toEqual([...SHANXI_COMMON_IDS, ...shanxiConditionIds(mode, n)]);
      expect(t.unmet.every((c) => c.missing.length === 1 && c.found.en === "not answered")).toBe(true);
    }
    expect(r.missing).toEqual(SHANXI.inputs.map((i) => i.code));
  });

  test("T3: an enterprise answering no everywhere meets nothing: met = [], every mode unmet, nothing missing", () => {
    const r = check(SHANXI, allNo(SHANXI));
    expectWhole(r);
    expect(r.met).toEqual([]);
    expect(r.tiers.every((t) => !t.met)).toBe(true);
    expect(ids(tierOf(r, "ai").unmet)).toEqual([...SHANXI_COMMON_IDS, "ai.1", "ai.2", "ai.3", "ai.4"]);
  });

  const BREAK: [string, string, Answers, Source][] = [
    ...SHANXI_COMMON_IDS.map((id, i): [string, string, Answers, Source] => [
      "discrete",
      id,
      { [id]: false },
      { doc: DOC.shanxi2018, item: ["一(一)", "一(二)", "一(四)", "一(五)"][i], ruling: "T3" },
    ]),
    ...SHANXI_MODES.flatMap(([mode, item, n]) =>
      Array.from({ length: n }, (_x, i): [string, string, Answers, Source] => [
        mode,
        `${mode}.${i + 1}`,
        { [`${mode}.${i + 1}`]: false },
        { doc: DOC.shanxi2018, annex: "附件2", item: `${item}${i + 1}`, ruling: "T3" },
      ]),
    ),
    ["discrete", "discrete.cnc-rate", { "discrete.cnc-rate": 0.7 }, { doc: DOC.fundGuide, item: "一(一)3", ruling: "T3" }],
    ["process", "process.data-collection-rate", { "process.data-collection-rate": 0.8999 }, { doc: DOC.fundGuide, item: "一(二)2", ruling: "T3" }],
    ["process", "process.auto-control-rate", { "process.auto-control-rate": 0.8999 }, { doc: DOC.fundGuide, item: "一(二)3", ruling: "T3" }],
  ];

  test.each(BREAK)("T3 %s fails by exactly %s: that condition alone is unmet, with its source; met = []", (mode, id, override, source) => {
    const n = SHANXI_MODES.find(([m]) => m === mode)![2];
    const r = check(SHANXI, { ...shanxiMode(mode, n), ...override });
    expectWhole(r);
    const t = tierOf(r, mode);
    expect(t.met).toBe(false);
    expect(ids(t.unmet)).toEqual([id]);
    expect(t.unmet[0].source).toEqual(source);
    expect(r.met).toEqual([]);
    expect(r.next).toBeNull();
  });
});

describe("shanxi-2018 — G1 boundaries (seed 000 一(一)3, 一(二)2–3; ruling T3)", () => {
  const discrete = (rate: unknown) => conditionOf(check(SHANXI, { ...shanxiMode("discrete", 7), "discrete.cnc-rate": rate }), "discrete", "discrete.cnc-rate");

  test("G1/T3 seed 000 一(一)3 数控化率超过70% (>): exactly 0.7 does NOT meet, 0.7001 does", () => {
    expect(discrete(0.7).met).toBe(false);
    expect(discrete("70%").met).toBe(false);
    expect(discrete(0.7001).met).toBe(true);
    expect(discrete("70.01%").met).toBe(true);
    expect(check(SHANXI, { ...shanxiMode("discrete", 7), "discrete.cnc-rate": 0.7 }).met).toEqual([]);
  });

  test("T3 found text: 数控化率 0.6 reads \"60% ≤ 70%\", 0.7 reads \"70% ≤ 70%\", 0.7001 reads \"70.01% > 70%\"", () => {
    expect(discrete(0.6).found).toEqual({ zh: "制造装备数控化率 60% ≤ 70%", en: "Manufacturing equipment CNC rate 60% ≤ 70%" });
    expect(discrete(0.7).found.zh).toBe("制造装备数控化率 70% ≤ 70%");
    expect(discrete(0.7001).found.zh).toBe("制造装备数控化率 70.01% > 70%");
  });

  test.each(["process.data-collection-rate", "process.auto-control-rate"])("G1/T3 seed 000 一(二) %s 达到90%以上 (≥): 0.9 meets, 0.8999 does not", (code) => {
    const at = (rate: number) => conditionOf(check(SHANXI, { ...shanxiMode("process", 7), [code]: rate }), "process", code);
    expect(at(0.9).met).toBe(true);
    expect(at(0.9).found.zh).toMatch(/ 90% ≥ 90%$/);
    expect(at(0.8999).met).toBe(false);
    expect(at(0.8999).found.zh).toMatch(/ 89\.99% < 90%$/);
    expect(check(SHANXI, { ...shanxiMode("process", 7), [code]: 0.9 }).met).toEqual(["process"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Pujiang (seed 004 三, ruling T4): alternatives
// ---------------------------------------------------------------------------------------------

const pujiangAt = (item: string): Source => ({ doc: DOC.pujiang, item, ruling: "T4" });

function pujiangTicks(prefix: string, suffixes: string[]): Answers {
  return Object.fromEntries(suffixes.map((s) => [`${prefix}.${s}`, true]));
}

const PJ_DF_TICKS = ["2", "3"];
const PJ_SF_TICKS = ["2", "3", "4", "5", "6"];
const PJ_FF_TICKS = ["2", "3", "4", "5", "6", "7", "8", "9", "10"];
const PJ_SME_TICKS = ["2-1", "2-2", "3"];

/** 三(一): total 500, digital 200 (40%), 2 years. */
const PJ_DIGITAL: Answers = { ...allNo(PUJIANG), registered: true, "total-investment": 500, "digital-investment": 200, period: 2, ...pujiangTicks("digital-factory", PJ_DF_TICKS) };
/** 三(二): total 800, digital 300 (37.5%), 2 years. */
const PJ_SMART: Answers = { ...allNo(PUJIANG), registered: true, "total-investment": 800, "digital-investment": 300, "design-tool-rate": 1, period: 2, ...pujiangTicks("smart-factory", PJ_SF_TICKS) };
/** 三(三): total 2000, digital 500 (25%), 3 years. */
const PJ_FUTURE: Answers = { ...allNo(PUJIANG), registered: true, "total-investment": 2000, "digital-investment": 500, "design-tool-rate": 1, period: 3, ...pujiangTicks("future-factory", PJ_FF_TICKS) };
/** 三(四): 1 year; amounts small. */
const PJ_SME: Answers = { ...allNo(PUJIANG), registered: true, "total-investment": 100, "digital-investment": 50, period: 1, ...pujiangTicks("sme", PJ_SME_TICKS) };

const PJ_EXACT: Record<string, Answers> = { "digital-factory": PJ_DIGITAL, "smart-factory": PJ_SMART, "future-factory": PJ_FUTURE, sme: PJ_SME };

describe("pujiang — whole enterprises (seed 004 三, ruling T4)", () => {
  test.each(Object.keys(PJ_EXACT))("T4 三: an enterprise meeting %s exactly is met = [it] only, next = null", (id) => {
    const r = check(PUJIANG, PJ_EXACT[id]);
    expectWhole(r);
    expect(r.structure).toBe("alternatives");
    expect(r.met).toEqual([id]);
    expect(r.next).toBeNull();
    expect(r.tiers.filter((t) => t.met).map((t) => t.tier)).toEqual([id]);
  });

  test("T4 三(一)/(二): 总投资 800, 数字化 300, 2 years and both tick lists meets 数字工厂 and 智能工厂 together", () => {
    const r = check(PUJIANG, { ...PJ_SMART, ...pujiangTicks("digital-factory", PJ_DF_TICKS) });
    expect(r.met).toEqual(["digital-factory", "smart-factory"]);
    expect(r.metNames.map((n) => n.zh)).toEqual(["数字工厂（数字化车间）", "智能工厂"]);
  });

  test("T4: a blank sheet meets nothing: met = [], next = null, 数字工厂 lists registration, amounts, share, period and ticks as missing", () => {
    const r = check(PUJIANG, {});
    expect(r.met).toEqual([]);
    expect(r.next).toBeNull();
    const t = tierOf(r, "digital-factory");
    expect(ids(t.unmet)).toEqual([
      "registered",
      "digital-factory.total",
      "digital-factory.share",
      "digital-factory.digital",
      "digital-factory.period",
      "digital-factory.2",
      "digital-factory.3",
    ]);
    expect(t.unmet.find((c) => c.id === "digital-factory.share")?.missing).toEqual(["digital-investment", "total-investment"]);
    expect(r.missing).toEqual(PUJIANG.inputs.map((i) => i.code));
  });

  const BREAK: [string, string, Answers, string][] = [
    ["digital-factory", "registered", { registered: false }, "三(一)1、(二)1、(三)1、(四)1"],
    ["digital-factory", "digital-factory.total", { "total-investment": 499.99 }, "三(一)1"],
    ["digital-factory", "digital-factory.share", { "total-investment": 1000, "digital-investment": 299.9 }, "三(一)1"],
    ["digital-factory", "digital-factory.digital", { "digital-investment": 199.99 }, "三(一)1"],
    ["digital-factory", "digital-factory.period", { period: 2.01 }, "三(一)1"],
    ["digital-factory", "digital-factory.2", { "digital-factory.2": false }, "三(一)2"],
    ["digital-factory", "digital-factory.3", { "digital-factory.3": false }, "三(一)3"],
    ["smart-factory", "smart-factory.total", { "total-investment": 799.99 }, "三(二)1"],
    ["smart-factory", "smart-factory.share", { "total-investment": 1100, "digital-investment": 329.9 }, "三(二)1"],
    ["smart-factory", "smart-factory.digital", { "digital-investment": 299.99 }, "三(二)1"],
    ["smart-factory", "smart-factory.period", { period: 2.01 }, "三(二)1"],
    ...PJ_SF_TICKS.map((s): [string, string, Answers, string] => ["smart-factory", `smart-factory.${s}`, { [`smart-factory.${s}`]: false }, `三(二)${s}`]),
    ["future-factory", "future-factory.total", { "total-investment": 1999.99 }, "三(三)1"],
    ["future-factory", "future-factory.share", { "digital-investment": 499.99 }, "三(三)1"],
    ["future-factory", "future-factory.period", { period: 3.01 }, "三(三)1"],
    ...PJ_FF_TICKS.map((s): [string, string, Answers, string] => ["future-factory", `future-factory.${s}`, { [`future-factory.${s}`]: false }, `三(三)${s}`]),
    ["sme", "sme.period", { period: 1.01 }, "三(四)1"],
    ["sme", "sme.2-1", { "sme.2-1": false }, "三(四)2(1)"],
    ["sme", "sme.2-2", { "sme.2-2": false }, "三(四)2(2)"],
    ["sme", "sme.3", { "sme.3": false }, "三(四)3"],
  ];

  test.each(BREAK)("T4 %s fails by exactly %s: that condition alone is unmet, with its source", (tierId, id, override, item) => {
    const r = check(PUJIANG, { ...PJ_EXACT[tierId], ...override });
    expectWhole(r);
    const t = tierOf(r, tierId);
    expect(t.met).toBe(false);
    expect(ids(t.unmet)).toEqual([id]);
    expect(t.unmet[0].source).toEqual(pujiangAt(item));
    expect(r.met).toEqual([]);
  });
});

describe("pujiang — G1 boundaries (seed 004 三(一)1–(四)1, ruling T4)", () => {
  const cond = (answers: Answers, tierId: string, id: string) => conditionOf(check(PUJIANG, answers), tierId, id);

  test("G1/T4 三(一)1 总投资达500万以上 (≥): 500 meets, 499.99 does not; found shows 万元", () => {
    expect(cond(PJ_DIGITAL, "digital-factory", "digital-factory.total").met).toBe(true);
    const below = cond({ ...PJ_DIGITAL, "total-investment": 499.99 }, "digital-factory", "digital-factory.total");
    expect(below.met).toBe(false);
    expect(below.found).toEqual({ zh: "项目总投资（不含土建、工程） 499.99 万元 < 500 万元", en: "Total project investment (excluding civil works) 499.99 10k CNY < 500 10k CNY" });
  });

  test("G1/T4 三(一)1 数字化投资占比不低于30% (≥): exactly 0.3 (300 of 1000) meets, 0.2999 does not; found in percent", () => {
    const exact = cond({ ...PJ_DIGITAL, "total-investment": 1000, "digital-investment": 300 }, "digital-factory", "digital-factory.share");
    expect(exact.met).toBe(true);
    expect(exact.found).toEqual({ zh: "数字化改造软硬件投资占总投资比例 30% ≥ 30%", en: "Digital investment as a share of total investment 30% ≥ 30%" });
    expect(check(PUJIANG, { ...PJ_DIGITAL, "total-investment": 1000, "digital-investment": 300 }).met).toEqual(["digital-factory"]);
    const below = cond({ ...PJ_DIGITAL, "total-investment": 1000, "digital-investment": 299.9 }, "digital-factory", "digital-factory.share");
    expect(below.met).toBe(false);
    expect(below.found.zh).toBe("数字化改造软硬件投资占总投资比例 29.99% < 30%");
  });

  test("G1/T4 三(一)1 数字化投资不低于200万元 (≥): 200 meets, 199.99 does not", () => {
    expect(cond(PJ_DIGITAL, "digital-factory", "digital-factory.digital").met).toBe(true);
    expect(cond({ ...PJ_DIGITAL, "digital-investment": 199.99 }, "digital-factory", "digital-factory.digital").met).toBe(false);
  });

  test("G1/T4 三(一)1 建设周期不超过2年 (≤): 2 meets, 2.01 does not", () => {
    expect(cond(PJ_DIGITAL, "digital-factory", "digital-factory.period").met).toBe(true);
    const over = cond({ ...PJ_DIGITAL, period: 2.01 }, "digital-factory", "digital-factory.period");
    expect(over.met).toBe(false);
    expect(over.found.zh).toBe("建设周期 2.01 年 > 2 年");
  });

  test("G1/T4 三(二)1: 智能工厂 needs 800 / 30% / 300 / 2 years: 800 and 300 meet, 799.99 and 299.99 do not", () => {
    expect(check(PUJIANG, PJ_SMART).met).toEqual(["smart-factory"]);
    expect(cond({ ...PJ_SMART, "total-investment": 799.99 }, "smart-factory", "smart-factory.total").met).toBe(false);
    expect(cond({ ...PJ_SMART, "digital-investment": 299.99 }, "smart-factory", "smart-factory.digital").met).toBe(false);
  });

  test("G1/T4 三(三)1 未来工厂 占比不低于25% (≥): exactly 0.25 (500 of 2000) meets, 499.99 of 2000 does not; 3 years meets, 3.01 not", () => {
    expect(cond(PJ_FUTURE, "future-factory", "future-factory.share").met).toBe(true);
    expect(cond(PJ_FUTURE, "future-factory", "future-factory.share").found.zh).toBe("数字化改造软硬件投资占总投资比例 25% ≥ 25%");
    expect(cond({ ...PJ_FUTURE, "digital-investment": 499.99 }, "future-factory", "future-factory.share").met).toBe(false);
    expect(cond(PJ_FUTURE, "future-factory", "future-factory.period").met).toBe(true);
    expect(cond({ ...PJ_FUTURE, period: 3.01 }, "future-factory", "future-factory.period").met).toBe(false);
  });

  test("T4 三(三)1: 未来工厂 states total, share and period but no absolute digital amount", () => {
    expect(ids(tierOf(check(PUJIANG, PJ_FUTURE), "future-factory").conditions)).toEqual([
      "registered",
      "future-factory.total",
      "future-factory.share",
      "future-factory.period",
      ...PJ_FF_TICKS.map((x) => `future-factory.${x}`),
      "future-factory.design-tool-rate",
    ]);
  });

  test("issue 12 item 4: seed 004 三(二)3 / 三(三)4 研发设计工具普及率100% is a rate (G2), 99% fails, 100 is an error", () => {
    expect(cond({ ...PJ_SMART, "design-tool-rate": 0.99 }, "smart-factory", "smart-factory.design-tool-rate").met).toBe(false);
    expect(check(PUJIANG, PJ_SMART).met).toEqual(["smart-factory"]);
    expect(problemsOf(PUJIANG, { ...PJ_SMART, "design-tool-rate": 100 })[0].message.en).toContain("enter 100% or 1, not 100");
  });

  test("issue 12 item 4: the investment inputs carry seed 004's 备注 definitions", () => {
    const note = (code: string) => PUJIANG.inputs.find((i) => i.code === code)?.note;
    expect(note("digital-investment")?.text.zh).toMatch(/^数字化改造软件包括产品生命周期管理（PLM）.*；数字化改造硬件包括各种智能传感器/);
    expect(note("total-investment")?.text.zh).toMatch(/^智能化装备包括智能立库、AGV/);
    expect(note("digital-investment")?.source).toEqual({ doc: DOC.pujiang, item: "三 备注", ruling: "T4" });
  });

  // Before issue 12 this met 数字工厂 with a "120% ≥ 30%" share.
  test("G2 (issue 12 item 2): digital investment 600 of a total of 500 is an error naming both inputs, not a 120% share", () => {
    const problems = problemsOf(PUJIANG, { ...PJ_DIGITAL, "total-investment": 500, "digital-investment": 600 });
    expect(problems.map((p) => p.code)).toEqual(["digital-investment"]);
    expect(problems[0].message.zh).toContain("数字化改造软硬件投资（digital-investment，600）大于项目总投资（不含土建、工程）（total-investment，500）");
    expect(problems[0].message.en).toContain("total-investment");
    // Equal is a share of 100%, allowed.
    expect(check(PUJIANG, { ...PJ_DIGITAL, "total-investment": 500, "digital-investment": 500 }).met).toEqual(["digital-factory"]);
  });

  test("G1/T4 三(四)1 中小企业 建设周期不超过1年 (≤): 1 meets, 1.01 does not", () => {
    expect(check(PUJIANG, PJ_SME).met).toEqual(["sme"]);
    expect(cond({ ...PJ_SME, period: 1.01 }, "sme", "sme.period").met).toBe(false);
    expect(check(PUJIANG, { ...PJ_SME, period: 1.01 }).met).toEqual([]);
  });

  test("T4 三(一)1: total 0 → the share cannot be computed: unmet with a found text saying so, nothing missing, no crash", () => {
    const r = tier(PUJIANG, { ...PJ_DIGITAL, "total-investment": 0, "digital-investment": 0 });
    expect(r.ok).toBe(true);
    const value = check(PUJIANG, { ...PJ_DIGITAL, "total-investment": 0, "digital-investment": 0 });
    for (const [tierId, id] of [
      ["digital-factory", "digital-factory.share"],
      ["smart-factory", "smart-factory.share"],
      ["future-factory", "future-factory.share"],
    ]) {
      const c = conditionOf(value, tierId, id);
      expect(c.met).toBe(false);
      expect(c.missing).toEqual([]);
      expect(c.found).toEqual({
        zh: "数字化改造软硬件投资占总投资比例无法计算（分母为 0）",
        en: "Digital investment as a share of total investment cannot be computed (denominator is 0)",
      });
    }
    expect(ids(tierOf(value, "digital-factory").unmet)).toEqual(["digital-factory.total", "digital-factory.share", "digital-factory.digital"]);
    expect(value.met).toEqual([]);
  });

  test("T4 + G3: a blank total leaves the share unmet with total-investment missing, not a division", () => {
    const c = conditionOf(check(PUJIANG, { ...PJ_DIGITAL, "total-investment": "" }), "digital-factory", "digital-factory.share");
    expect(c.met).toBe(false);
    expect(c.missing).toEqual(["total-investment"]);
    expect(c.found.zh).toBe("未填");
  });

  test("T4: amounts are non-negative: −1 万元 is a problem naming total-investment", () => {
    expect(problemsOf(PUJIANG, { ...PJ_DIGITAL, "total-investment": -1 }).map((p) => p.code)).toEqual(["total-investment"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Inputs (G2, G3): object and positional forms, problems
// ---------------------------------------------------------------------------------------------

const TOP: [string, Scheme, Answers][] = [
  ["shaoxing", SHAOXING, SX_FACTORY],
  ["national-2024", NATIONAL, NT_LEADING],
  ["shanxi-2018", SHANXI, shanxiMode("process", 7)],
  ["pujiang", PUJIANG, PJ_DIGITAL],
];

describe("inputs — object and positional forms (src/core/inputs.ts; G2, G3)", () => {
  test("templates/index.ts: SCHEMES holds exactly the four schemes (T1–T4), found by id", () => {
    expect(SCHEMES.map((s) => s.id)).toEqual(["shaoxing", "national-2024", "shanxi-2018", "pujiang"]);
    expect(findScheme("nope")).toBeUndefined();
  });

  test.each(TOP)("inputs.ts %s: an object and the positional array in input order give the same result", (_id, s, answers) => {
    expect(tier(s, positional(s, answers))).toEqual(tier(s, answers));
    const partial = Object.fromEntries(Object.entries(answers).filter((_e, i) => i % 3 !== 0));
    const fromArray = check(s, positional(s, partial));
    expect(fromArray).toEqual(check(s, partial));
    expect(fromArray.complete).toBe(false);
  });

  test("G3: a key given as undefined, null, \"\" or spaces is blank like an absent key", () => {
    const without = Object.fromEntries(Object.entries(SX_FACTORY).filter(([code]) => code !== "cnc-rate"));
    const absent = check(SHAOXING, without);
    expect(absent.missing).toEqual(["cnc-rate"]);
    for (const blank of [undefined, null, "", "   "]) expect(check(SHAOXING, { ...SX_FACTORY, "cnc-rate": blank })).toEqual(absent);
  });

  test("G3: FALSE, 否 and 无 are answers, not blanks", () => {
    for (const no of [false, "FALSE", "否", "无"]) expect(check(SHAOXING, { ...SX_FACTORY, "mes-erp": no }).missing).toEqual([]);
  });

  test("inputs.ts: an unknown input code is ok:false with a problem naming that code", () => {
    const ps = problemsOf(SHAOXING, { ...SX_FACTORY, cnc_rate: 0.6 });
    expect(ps.map((p) => p.code)).toEqual(["cnc_rate"]);
    expect(ps[0].message.en).toContain("not an input code");
    expect(ps[0].message.en).toContain("cnc-rate");
  });

  test("G2: a rate given as 62 is ok:false with a problem on cnc-rate mentioning 62% (enter 62% or 0.62)", () => {
    const ps = problemsOf(SHAOXING, { ...SX_FACTORY, "cnc-rate": 62 });
    expect(ps.map((p) => p.code)).toEqual(["cnc-rate"]);
    expect(ps[0].message.en).toContain("62%");
    expect(ps[0].message.en).toContain("0.62");
    expect(ps[0].message.zh).toContain("62%");
  });

  test("G2: the same 62 positionally is the same problem; \"62%\" and 0.62 are the same answer", () => {
    expect(problemsOf(SHAOXING, positional(SHAOXING, { ...SX_FACTORY, "cnc-rate": 62 }))).toEqual(problemsOf(SHAOXING, { ...SX_FACTORY, "cnc-rate": 62 }));
    expect(check(SHAOXING, { ...SX_FACTORY, "cnc-rate": "62%" })).toEqual(check(SHAOXING, { ...SX_FACTORY, "cnc-rate": 0.62 }));
  });

  test("G2: a share 1.2 (Shanxi 自动数采率) and a negative rate are problems naming the input", () => {
    expect(problemsOf(SHANXI, { "process.data-collection-rate": 1.2 }).map((p) => p.code)).toEqual(["process.data-collection-rate"]);
    expect(problemsOf(SHAOXING, { "network-rate": -0.1 }).map((p) => p.code)).toEqual(["network-rate"]);
  });

  test("inputs.ts: every bad answer is reported at once, each naming its code", () => {
    const ps = problemsOf(SHAOXING, { ...SX_FACTORY, "cnc-rate": 62, "mes-erp": "maybe", bogus: 1 });
    expect(ps.map((p) => p.code).sort()).toEqual(["bogus", "cnc-rate", "mes-erp"]);
  });

  // A string already carrying % must be quoted as typed, not turned into advice 100 times too small.
  test("G2: a rate written \"620%\" is refused with a message that quotes 620%, not \"enter 6.2% … not 6.2\"", () => {
    const ps = problemsOf(SHAOXING, { ...SX_FACTORY, "cnc-rate": "620%" });
    expect(ps.map((p) => p.code)).toEqual(["cnc-rate"]);
    expect(ps[0].message.en).toContain("620%");
    expect(ps[0].message.en).not.toContain("enter 6.2%");
  });

  test.each(TOP)("inputs.ts %s: a positional array of the wrong length is a problem on \"inputs\"", (_id, s) => {
    const n = s.inputs.length;
    for (const raw of [[], new Array(n - 1).fill(true), new Array(n + 1).fill(true)]) {
      const ps = problemsOf(s, raw);
      expect(ps.map((p) => p.code)).toEqual(["inputs"]);
      expect(ps[0].message.en).toContain(`exactly ${n} values`);
    }
  });

  test.each([["a string", "abc"], ["a number", 42], ["null", null], ["true", true]])("inputs.ts: inputs given as %s are a problem on \"inputs\"", (_what, raw) => {
    expect(problemsOf(SHAOXING, raw).map((p) => p.code)).toEqual(["inputs"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: random valid answers, and anything at all
// ---------------------------------------------------------------------------------------------

/** A raw answer and what it means: a boolean, a number, a level index, or null for blank. */
interface Drawn {
  raw: unknown;
  value: boolean | number | null;
}

const blank: fc.Arbitrary<Drawn> = fc.constantFrom<unknown>(undefined, null, "", "  ").map((raw) => ({ raw, value: null }));
const TRUE_WORDS = [true, 1, "TRUE", "true", "是", "有", "☑", "√", "✓", "yes", "Y", " 是 "];
const FALSE_WORDS = [false, 0, "FALSE", "false", "否", "无", "□", "☐", "no", "N"];
const tickArb: fc.Arbitrary<Drawn> = fc.oneof(
  blank,
  fc.constantFrom(...TRUE_WORDS).map((raw) => ({ raw, value: true })),
  fc.constantFrom(...FALSE_WORDS).map((raw) => ({ raw, value: false })),
);

/** Values on and beside every rate threshold of the schemes (G1). */
const RATE_EDGES = [0, 0.25, 0.3, 0.3999, 0.4, 0.4999, 0.5, 0.5999, 0.6, 0.6499, 0.65, 0.6999, 0.7, 0.7001, 0.8999, 0.9, 1];
const rateArb: fc.Arbitrary<Drawn> = fc.oneof(
  blank,
  fc.constantFrom(...RATE_EDGES).map((v) => ({ raw: v, value: v })),
  fc.double({ min: 0, max: 1, noNaN: true }).map((v) => ({ raw: v, value: v })),
  fc.integer({ min: 0, max: 10_000 }).map((k) => ({ raw: `${k / 100}%`, value: k / 100 / 100 })),
  fc.constantFrom(...RATE_EDGES).map((v) => ({ raw: String(v), value: v })),
);

const improvementArb: fc.Arbitrary<Drawn> = fc.oneof(
  blank,
  fc.double({ min: -2, max: 5, noNaN: true }).map((v) => ({ raw: v, value: v })),
);

function levelArb(def: InputDef): fc.Arbitrary<Drawn> {
  const words = (def.levels ?? []).flatMap((l, i) => [l.name.zh, l.name.en, l.name.en.toUpperCase(), ...l.aliases].map((raw) => ({ raw, value: i })));
  return fc.oneof(blank, fc.constantFrom(...words));
}

/** Amounts on and beside the Pujiang thresholds (T4) and the maturity levels (T2). */
const AMOUNT_EDGES = [0, 1, 1.01, 2, 2.01, 3, 3.01, 4, 5, 199.99, 200, 299.99, 300, 499.99, 500, 799.99, 800, 1000, 1999.99, 2000];

function amountArb(def: InputDef): fc.Arbitrary<Drawn> {
  const min = def.min ?? -1e6;
  const max = def.max ?? 1e6;
  const inRange = (v: number) => v >= min && v <= max && (def.type !== "integer" || Number.isInteger(v));
  const edges = AMOUNT_EDGES.filter(inRange);
  const numbers: fc.Arbitrary<number> =
    def.type === "integer"
      ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
      : fc.oneof(fc.double({ min, max, noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 5000 }).filter(inRange));
  return fc.oneof(
    blank,
    (edges.length ? fc.constantFrom(...edges) : numbers).map((v) => ({ raw: v, value: v })),
    numbers.map((v) => ({ raw: v, value: v })),
    numbers.map((v) => ({ raw: String(v), value: v })),
  );
}

function answerArb(def: InputDef): fc.Arbitrary<Drawn> {
  switch (def.type) {
    case "tick":
      return tickArb;
    case "rate":
      return rateArb;
    case "improvement":
      return improvementArb;
    case "reduction":
      return improvementArb.filter((d) => d.value === null || (d.value as number) <= 1);
    case "tick-or-rate":
      return fc.oneof(tickArb, rateArb);
    case "level":
      return levelArb(def);
    case "number":
    case "integer":
      return amountArb(def);
  }
}

/** The exact enterprises above, per scheme: property runs start from one of them often enough that every tier is met. */
const BASES: Record<string, Answers[]> = {
  shaoxing: [SX_LINE, SX_WORKSHOP, SX_FACTORY],
  "national-2024": [NT_BASIC, NT_ADVANCED, NT_EXCELLENT, NT_LEADING],
  "shanxi-2018": SHANXI_MODES.map(([mode, , n]) => shanxiMode(mode, n)),
  pujiang: Object.values(PJ_EXACT),
};

/** What a hand-built answer means, for the oracle (only the spellings the enterprises above use). */
function drawnFrom(s: Scheme, answers: Answers): Record<string, Drawn> {
  return Object.fromEntries(
    s.inputs.map((d) => {
      const raw = answers[d.code];
      let value: boolean | number;
      if (d.type === "tick") {
        if (TRUE_WORDS.includes(raw as never)) value = true;
        else if (FALSE_WORDS.includes(raw as never)) value = false;
        else throw new Error(`${d.code}: unexpected tick ${String(raw)}`);
      } else if (d.type === "level") {
        value = d.levels!.findIndex((l) => l.name.zh === raw || l.aliases.includes(String(raw)));
        if (value < 0) throw new Error(`${d.code}: unexpected level ${String(raw)}`);
      } else if (typeof raw === "number") value = raw;
      else throw new Error(`${d.code}: unexpected answer ${String(raw)}`);
      return [d.code, { raw, value }];
    }),
  );
}

/**
 * Random valid answers for a scheme, in object or positional form: either every input drawn at
 * random, or one of the exact enterprises with about one input in ten redrawn (near the tiers).
 */
function sheetArb(s: Scheme) {
  const bases = BASES[s.id].map((a) => drawnFrom(s, a));
  const picks = fc.record(Object.fromEntries(s.inputs.map((d) => [d.code, fc.tuple(answerArb(d), fc.nat(9))])) as Record<string, fc.Arbitrary<[Drawn, number]>>);
  return fc
    .record({ base: fc.integer({ min: -1, max: bases.length - 1 }), picks, form: fc.constantFrom("object", "array", "object without blanks") })
    .map(({ base, picks: p, form }) => {
      const drawn: Record<string, Drawn> = {};
      for (const d of s.inputs) {
        const [x, k] = p[d.code];
        drawn[d.code] = base < 0 || k === 0 ? x : bases[base][d.code];
      }
      return { drawn, form };
    });
}

function rawOf(s: Scheme, drawn: Record<string, Drawn>, form: string): unknown {
  if (form === "array") return s.inputs.map((d) => drawn[d.code].raw);
  const entries = s.inputs.map((d) => [d.code, drawn[d.code]] as const);
  const kept = form === "object" ? entries : entries.filter(([, x]) => x.value !== null);
  return Object.fromEntries(kept.map(([code, x]) => [code, x.raw]));
}

/** The rulings' reading of one condition, from the drawn values (null = blank). */
function expected(s: Scheme, c: Condition, v: Record<string, Drawn>): { met: boolean; missing: string[] } {
  const t = c.test;
  const val = (code: string) => v[code].value;
  switch (t.kind) {
    case "tick":
      return val(t.input) === null ? { met: false, missing: [t.input] } : { met: val(t.input) === true, missing: [] };
    case "any": {
      const met = t.inputs.filter((code) => val(code) === true).length >= t.atLeast;
      return { met, missing: met ? [] : t.inputs.filter((code) => val(code) === null) };
    }
    case "level": {
      if (val(t.input) === null) return { met: false, missing: [t.input] };
      const required = s.inputs.find((d) => d.code === t.input)!.levels!.findIndex((l) => l.name.zh === t.atLeast);
      return { met: (val(t.input) as number) >= required, missing: [] };
    }
    case "groups": {
      // Seed 003 第八条(二): a group counts when every element is met; blanks matter while unmet.
      const results = t.groups.map((g) => g.elements.map((e) => expected(s, { ...c, test: e }, v)));
      const met = results.filter((g) => g.every((e) => e.met)).length >= t.atLeast;
      return { met, missing: met ? [] : [...new Set(results.flat().flatMap((e) => e.missing))] };
    }
    case "compare": {
      const derived = s.derived.find((d) => d.code === t.input);
      const reads = derived ? derived.ratio : [t.input];
      const blanks = reads.filter((code) => val(code) === null);
      if (blanks.length) return { met: false, missing: blanks };
      let n: number;
      if (derived) {
        const den = val(derived.ratio[1]) as number;
        if (den === 0) return { met: false, missing: [] };
        n = (val(derived.ratio[0]) as number) / den;
      } else n = val(t.input) as number;
      const met = t.op === ">=" ? n >= t.value : t.op === ">" ? n > t.value : t.op === "<=" ? n <= t.value : n < t.value;
      return { met, missing: [] };
    }
  }
}

const NOT_ANSWERED = { zh: "未填", en: "not answered" };

/** The input codes a condition reads (a derived ratio reads its numerator and denominator). */
function reads(s: Scheme, c: Condition): string[] {
  const t = c.test;
  if (t.kind === "any" || t.kind === "groups") return testInputs(t);
  return s.derived.find((d) => d.code === t.input)?.ratio ?? [t.input];
}

describe("properties over random valid answers (T1–T4, G1, G3)", () => {
  test.each(SCHEMES.map((s) => [s.id, s] as const))(
    "T1–T4, G3 %s: tier never throws, each condition is met exactly as the rulings read it (unmet = blank or real failure), tier.met = no required unmet, and met/next follow the structure",
    (_id, s) => {
      const timesMet = new Map(s.tiers.map((t) => [t.id, 0]));
      fc.assert(
        fc.property(sheetArb(s), ({ drawn, form }) => {
          const result = tier(s, rawOf(s, drawn, form));
          // G2: a part larger than its whole is refused, naming the part.
          const larger = s.derived.filter((d) => (drawn[d.ratio[0]].value ?? -Infinity) > (drawn[d.ratio[1]].value ?? Infinity));
          if (larger.length) {
            expect(!result.ok && result.problems.map((p) => p.code)).toEqual(larger.map((d) => d.ratio[0]));
            return;
          }
          if (!result.ok) throw new Error(`valid answers refused: ${JSON.stringify(result.problems)}`);
          const r = result.value;

          // G3: blanks are listed, in input order.
          const blanks = s.inputs.filter((d) => drawn[d.code].value === null).map((d) => d.code);
          expect([r.missing, r.complete]).toEqual([blanks, blanks.length === 0]);

          expect(r.tiers.map((t) => t.tier)).toEqual(s.tiers.map((t) => t.id));
          s.tiers.forEach((def, i) => {
            const t = r.tiers[i];
            // T5: a cumulative ladder's tier also holds every lower tier's required conditions.
            const lower = s.cumulative ? s.tiers.slice(0, i).flatMap((l) => l.conditions).filter((c) => c.severity === "required") : [];
            const defs = [...s.common, ...lower, ...def.conditions];
            // [id, met, missing, found-if-blank, severity, source]: engine vs the rulings' reading.
            const got = t.conditions.map((c) => [c.id, c.met, c.missing, c.missing.length ? c.found : null, c.severity, c.source]);
            const want = defs.map((c) => {
              const e = expected(s, c, drawn);
              return [c.id, e.met, e.missing, e.missing.length ? NOT_ANSWERED : null, c.severity, c.source];
            });
            expect(got).toEqual(want);
            // Every unmet condition is either a blank (its inputs are in missing) or a real failure on answered values.
            const unexplained = t.conditions.filter((c, j) => {
              if (c.met) return false;
              const blank = c.missing.length > 0 && c.missing.every((code) => blanks.includes(code));
              const realFailure = reads(s, defs[j]).every((code) => drawn[code].value !== null) && c.missing.length === 0 && !expected(s, defs[j], drawn).met;
              return !blank && !realFailure;
            });
            expect(unexplained).toEqual([]);
            expect(t.unmet).toEqual(t.conditions.filter((c) => !c.met && c.severity === "required"));
            expect(t.warnings).toEqual(t.conditions.filter((c) => !c.met && c.severity === "advisory"));
            expect(t.met).toBe(t.unmet.length === 0);
            if (t.met) timesMet.set(t.tier, timesMet.get(t.tier)! + 1);
          });

          if (s.structure === "ladder") {
            const highest = r.tiers.map((t) => t.met).lastIndexOf(true);
            expect(r.met).toBe(highest >= 0 ? s.tiers[highest].id : null);
            expect(r.metNames).toEqual(highest >= 0 ? [s.tiers[highest].name] : []);
            const above = r.tiers[highest + 1];
            expect(r.next).toEqual(above ? { tier: above.tier, name: above.name, unmet: above.unmet } : null);
            if (r.next) expect(r.next.unmet.length).toBeGreaterThan(0);
          } else {
            expect(r.met).toEqual(r.tiers.filter((t) => t.met).map((t) => t.tier));
            expect(r.metNames).toEqual(r.tiers.filter((t) => t.met).map((t) => t.name));
            expect(r.next).toBeNull();
          }
        }),
        { numRuns: 300 },
      );
      // The runs are not vacuous: every tier was met in some of them.
      expect([...timesMet].filter(([, n]) => n === 0)).toEqual([]);
    },
  );

  test.each(SCHEMES.map((s) => [s.id, s] as const))("inputs.ts %s: the object and positional forms of the same random answers give the same result", (_id, s) => {
    fc.assert(
      fc.property(sheetArb(s), ({ drawn }) => {
        const fromObject = tier(s, rawOf(s, drawn, "object"));
        expect(tier(s, rawOf(s, drawn, "array"))).toEqual(fromObject);
        expect(tier(s, rawOf(s, drawn, "object without blanks"))).toEqual(fromObject);
      }),
      { numRuns: 100 },
    );
  });
});

describe("properties over anything (core functions return problems, never throw)", () => {
  function wellFormed(r: ReturnType<typeof tier>): void {
    if (r.ok) return;
    expect(r.problems.length).toBeGreaterThan(0);
    for (const p of r.problems) {
      expect(typeof p.code).toBe("string");
      expect(p.message.zh.length).toBeGreaterThan(0);
      expect(p.message.en.length).toBeGreaterThan(0);
    }
  }

  test("problems.ts contract: tier never throws for fc.anything() as the inputs, for every scheme", () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        for (const s of SCHEMES) wellFormed(tier(s, raw));
      }),
      { numRuns: 300 },
    );
  });

  // Echoing a bad answer back must not throw: JSON.stringify does for BigInts and circular objects.
  test("problems.ts contract: an answer holding a BigInt or a circular reference is a problem, not a thrown TypeError", () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    for (const bad of [[0n], { n: 1n }, circular]) {
      expect(problemsOf(SHAOXING, { ...SX_FACTORY, "mes-erp": bad }).map((p) => p.code)).toEqual(["mes-erp"]);
    }
  });

  test("problems.ts contract: tier never throws for fc.anything() with dates, maps, sets, boxed values, typed and sparse arrays and null-prototype objects", () => {
    const rich = fc.anything({ withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withObjectString: true, withTypedArray: true, withSparseArray: true, withUnicodeString: true });
    fc.assert(
      fc.property(rich, (raw) => {
        for (const s of SCHEMES) {
          wellFormed(tier(s, raw));
          wellFormed(tier(s, Object.fromEntries(s.inputs.map((d) => [d.code, raw]))));
        }
      }),
      { numRuns: 200 },
    );
  });

  test.each(SCHEMES.map((s) => [s.id, s] as const))("problems.ts contract, %s: tier never throws for anything under the scheme's own input codes, object or positional", (_id, s) => {
    const codes = s.inputs.map((d) => d.code);
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...codes), fc.anything()), (answers) => {
        wellFormed(tier(s, answers));
        wellFormed(tier(s, positional(s, answers)));
      }),
      { numRuns: 200 },
    );
  });
});
