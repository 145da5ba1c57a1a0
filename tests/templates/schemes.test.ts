import { SEEDS } from "../../templates/documents";
import { GRADIENT_STAGES, GUIDE_STAGES } from "../../templates/guide-stages";
import { loadTemplate, TemplateError } from "../../templates/load";
import { testInputs, type Condition, type Scheme, type SchemeSource } from "../../templates/schema";
import { national2024 } from "../../templates/schemes/national-2024";
import { pujiang } from "../../templates/schemes/pujiang";
import { shanxi2018 } from "../../templates/schemes/shanxi-2018";
import { shaoxing } from "../../templates/schemes/shaoxing";

const SOURCES: SchemeSource[] = [shaoxing, national2024, shanxi2018, pujiang];

function load(raw: unknown): Scheme {
  const t = loadTemplate(raw);
  if (t.kind !== "scheme") throw new Error(`expected a scheme, got ${t.kind}`);
  return t;
}

const scheme = {
  shaoxing: load(shaoxing),
  national: load(national2024),
  shanxi: load(shanxi2018),
  pujiang: load(pujiang),
};

type Found = Condition & { tier: string };

function allConditions(s: Scheme): Found[] {
  return [...s.common.map((c) => ({ ...c, tier: "common" })), ...s.tiers.flatMap((t) => t.conditions.map((c) => ({ ...c, tier: t.id })))];
}

/** The one condition with this id; fails loudly if it is missing or ambiguous. */
function condition(s: Scheme, id: string): Found {
  const hits = allConditions(s).filter((c) => c.id === id);
  if (hits.length !== 1) throw new Error(`${s.id}: expected one condition ${id}, found ${hits.length}`);
  return hits[0];
}

function tier(s: Scheme, id: string) {
  const t = s.tiers.find((x) => x.id === id);
  if (!t) throw new Error(`${s.id}: no tier ${id}`);
  return t;
}

/** Loads a template expected to be malformed and returns the error it raised. */
function rejection(raw: unknown): TemplateError {
  try {
    loadTemplate(raw);
  } catch (e) {
    if (e instanceof TemplateError) return e;
    throw e;
  }
  throw new Error("the malformed template was accepted");
}

describe("every scheme loads and is well formed", () => {
  test.each(SOURCES.map((s) => [s.id, s] as const))("%s passes loadTemplate", (_id, raw) => {
    const s = load(raw);
    expect(s.id).toBe(raw.id);
    expect(s.kind).toBe("scheme");
  });

  test.each(Object.values(scheme).map((s) => [s.id, s] as const))("%s: condition ids are unique", (_id, s) => {
    const ids = allConditions(s).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test.each(Object.values(scheme).map((s) => [s.id, s] as const))("%s: every input is read by at least one condition or derived value", (_id, s) => {
    const read = new Set([
      ...allConditions(s).flatMap((c) => testInputs(c.test)),
      ...s.derived.flatMap((d) => d.ratio),
    ]);
    expect(s.inputs.map((i) => i.code).filter((code) => !read.has(code))).toEqual([]);
  });
});

describe("shaoxing (seed 003 第五至八条, ruling T1)", () => {
  const s = scheme.shaoxing;

  test("is a ladder: 生产线智能化改造项目 < 智能制造示范车间 < 智能工厂", () => {
    expect(s.structure).toBe("ladder");
    expect(s.tiers.map((t) => t.name.zh)).toEqual(["生产线智能化改造项目", "智能制造示范车间", "智能工厂"]);
    expect(s.tiers.map((t) => t.source.item)).toEqual(["第六条", "第七条", "第八条"]);
  });

  test("第五条(一)–(四) 基本条件 are four common ticks", () => {
    expect(s.common.map((c) => c.source.item)).toEqual(["第五条(一)", "第五条(二)", "第五条(三)", "第五条(四)"]);
    for (const c of s.common) expect(c.test.kind).toBe("tick");
  });

  test.each([
    ["第六条 装备数控化率达到60%以上 → >= 0.6", "line.cnc-rate", "line", "第六条", "cnc-rate", ">=", 0.6],
    ["第六条 机器联网率达到40%以上 → >= 0.4", "line.network-rate", "line", "第六条", "network-rate", ">=", 0.4],
    ["第七条(二) 数控化率不低于65% → >= 0.65", "workshop.cnc-rate", "workshop", "第七条(二)", "cnc-rate", ">=", 0.65],
    ["第七条(四) 机器联网率不低于50% → >= 0.5", "workshop.network-rate", "workshop", "第七条(四)", "network-rate", ">=", 0.5],
    ["第八条(三) 智能装备占主要生产装备总数不低于70% → >= 0.7", "factory.smart-equipment-share", "factory", "第八条(三)", "smart-equipment-share", ">=", 0.7],
    ["第八条(四) 研发设计及管理工具普及率不低于70% → >= 0.7", "factory.design-tool-rate", "factory", "第八条(四)", "design-tool-rate", ">=", 0.7],
    ["第八条(四) 机器联网率达到50%以上 → >= 0.5", "factory.network-rate", "factory", "第八条(四)", "network-rate", ">=", 0.5],
  ] as const)("%s", (_name, id, tierId, item, input, op, value) => {
    const c = condition(s, id);
    expect(c.tier).toBe(tierId);
    expect(c.source).toMatchObject({ doc: SEEDS.shaoxing2019, item, ruling: "T1" });
    expect(c.test).toEqual({ kind: "compare", input, op, value });
    expect(s.inputs.find((i) => i.code === input)?.type).toBe("rate");
  });

  test("数控化率 and 联网率 are one input each, shared by the tiers that set thresholds on them", () => {
    const readers = (code: string) =>
      allConditions(s)
        .filter((c) => c.test.kind === "compare" && c.test.input === code)
        .map((c) => c.tier);
    expect(s.inputs.filter((i) => i.code === "cnc-rate")).toHaveLength(1);
    expect(s.inputs.filter((i) => i.code === "network-rate")).toHaveLength(1);
    expect(readers("cnc-rate")).toEqual(["line", "workshop"]);
    expect(readers("network-rate")).toEqual(["line", "workshop", "factory"]);
  });

  // Issue 12 item 4: the annex's key elements, item by item, instead of one tick per mode.
  test("第八条(二) needs at least one of the five new modes of the annex with every key element (附件 一至五)", () => {
    const c = condition(s, "factory.2");
    if (c.test.kind !== "groups") throw new Error("factory.2 is a groups test");
    expect(c.test.atLeast).toBe(1);
    expect(c.test.groups.map((g) => [g.name.zh, g.elements.length])).toEqual([
      ["离散型智能制造模式", 8],
      ["流程型智能制造模式", 10],
      ["网络协同制造模式", 7],
      ["大规模个性化定制模式", 5],
      ["远程运维服务模式", 6],
    ]);
    // 附件 二、2 and 3: 自动数采率 and 自控投用率 达到90%以上, rates compared ≥ 0.9 (G1).
    const process_ = c.test.groups[1].elements.filter((e) => e.kind === "compare");
    expect(process_).toEqual([
      { kind: "compare", input: "mode.process.data-rate", op: ">=", value: 0.9 },
      { kind: "compare", input: "mode.process.control-rate", op: ">=", value: 0.9 },
    ]);
    for (const e of process_) expect(s.inputs.find((i) => i.code === e.input)?.type).toBe("rate");
    expect(c.source).toMatchObject({ annex: "附件《智能制造新模式关键要素》", item: "第八条(二)" });
  });

  test("第八条(四) MES–ERP 互联互通 is a tick of 智能工厂", () => {
    expect(condition(s, "factory.mes-erp")).toMatchObject({ tier: "factory", test: { kind: "tick", input: "mes-erp" } });
  });

  test("第七条 (一)–(四) and 第八条 (一)–(五) each have a condition", () => {
    const items = (t: string) => new Set(tier(s, t).conditions.map((c) => c.source.item));
    expect([...items("workshop")]).toEqual(["第七条(一)", "第七条(二)", "第七条(三)", "第七条(四)"]);
    expect([...items("factory")]).toEqual(["第八条(一)", "第八条(二)", "第八条(三)", "第八条(四)", "第八条(五)"]);
  });
});

describe("national-2024 (seed 002 附件2, ruling T2)", () => {
  const s = scheme.national;
  const covers = (tierId: string) => tier(s, tierId).conditions.filter((c) => c.id.startsWith(`${tierId}.covers.`));

  test("is a ladder 基础级 < 先进级 < 卓越级 < 领航级 with the four 基础要求 common", () => {
    expect(s.structure).toBe("ladder");
    expect(s.tiers.map((t) => t.id)).toEqual(["basic", "advanced", "excellent", "leading"]);
    // Issue 12 item 4: the notice's 申报条件 一(一) and 一(三) beside the four 基础要求 (附件2 一、1–4).
    expect(s.common.map((c) => c.source.item)).toEqual(["一(一)", "一(三)", "一、1", "一、2", "一、3", "一、4"]);
    expect(s.cumulative).toBe(true);
    for (const c of s.common) expect(c.test.kind).toBe("tick");
  });

  test("declares the fourteen guide 环节 as tick inputs, in the guide's order", () => {
    const codes = GUIDE_STAGES.map((g) => g.code);
    expect(codes).toHaveLength(14);
    const declared = s.inputs.filter((i) => codes.includes(i.code));
    expect(declared.map((i) => i.code)).toEqual(codes);
    for (const i of declared) expect(i.type).toBe("tick");
  });

  test.each([
    { name: "基础级", tierId: "basic", level: 2 },
    { name: "先进级", tierId: "advanced", level: 2 },
    { name: "卓越级", tierId: "excellent", level: 3 },
    { name: "领航级", tierId: "leading", level: 4 },
  ])("一、5 $name 成熟度达到 $level 级及以上 → maturity at least that level", ({ tierId, level }) => {
    const c = condition(s, `${tierId}.maturity`);
    expect(c.tier).toBe(tierId);
    expect(c.source.item).toBe("一、5");
    expect(c.test).toEqual({ kind: "level", input: "maturity", atLeast: `${"一二三四五"[level - 1]}级` });
  });

  // Issue 12 item 7: a level, so 三级, 3级, 三 and 3 are all answers.
  test("maturity is a level 一级…五级, each also written as its digit, with 级 or the numeral alone", () => {
    const m = s.inputs.find((i) => i.code === "maturity");
    expect(m?.type).toBe("level");
    expect(m?.levels?.map((l) => [l.name.zh, ...l.aliases])).toEqual(["一", "二", "三", "四", "五"].map((n, i) => [`${n}级`, n, `${i + 1}级`, String(i + 1)]));
  });

  test.each([
    ["二(二)1 基础级 高于省（区、市）同行业平均水平", "basic", "二(二)1", "高于省内同行业平均水平"],
    ["三(二)1 先进级 省（区、市）同行业领先", "advanced", "三(二)1", "省内同行业领先"],
    ["四(二)1 卓越级 国内同行业领先", "excellent", "四(二)1", "国内同行业领先"],
    ["五(二)1 领航级 全球领先", "leading", "五(二)1", "全球领先"],
  ] as const)("%s", (_name, tierId, item, level) => {
    const c = condition(s, `${tierId}.performance`);
    expect(c.source.item).toBe(item);
    expect(c.test).toEqual({ kind: "level", input: "performance", atLeast: level });
  });

  test("performance levels are ordered lowest first", () => {
    expect(s.inputs.find((i) => i.code === "performance")?.levels?.map((l) => l.name.zh)).toEqual([
      "未达到省内同行业平均水平",
      "高于省内同行业平均水平",
      "省内同行业领先",
      "国内同行业领先",
      "全球领先",
    ]);
  });

  test("二(一) 基础级 covers at least 生产作业; 三(一) 先进级 生产作业、生产管理、运营管理", () => {
    expect(covers("basic").map((c) => c.id)).toEqual(["basic.covers.production"]);
    expect(covers("advanced").map((c) => c.id)).toEqual([
      "advanced.covers.production",
      "advanced.covers.production-management",
      "advanced.covers.operations",
    ]);
    for (const c of [...covers("basic"), ...covers("advanced")]) expect(c.severity).toBe("required");
  });

  test("四(一) 卓越级 原则上应覆盖全部五个环节: five advisory coverage conditions", () => {
    const cs = covers("excellent");
    expect(cs).toHaveLength(5);
    for (const c of cs) expect(c.severity).toBe("advisory");
  });

  test("五(一) 领航级 须覆盖全部五个环节: five required coverage conditions", () => {
    const cs = covers("leading");
    expect(cs).toHaveLength(5);
    for (const c of cs) expect(c.severity).toBe("required");
  });

  test("a 环节 is covered when any of its guide 环节 is ticked (footnotes [1]–[5])", () => {
    for (const stage of GRADIENT_STAGES) {
      const c = condition(s, `leading.covers.${stage.code}`);
      // 运营管理 is also covered by 多环节模式创新 (T2; issue 12 item 4).
      const extra = stage.code === "operations" ? ["stage.multi-stage-innovation"] : [];
      expect(c.test).toEqual({ kind: "any", inputs: [...stage.guideStages.map((g) => g.code), ...extra], atLeast: 1 });
      expect(c.source.item).toContain(stage.footnote);
    }
  });

  test("the other 建设成效 items are ticks of their own tier", () => {
    const effects = (tierId: string) => tier(s, tierId).conditions.filter((c) => c.id.includes(".effect-")).map((c) => c.source.item);
    expect(effects("basic")).toEqual([]);
    expect(effects("advanced")).toEqual(["三(二)2"]);
    expect(effects("excellent")).toEqual(["四(二)2", "四(二)3", "四(二)4"]);
    expect(effects("leading")).toEqual(["五(二)2", "五(二)3", "五(二)4"]);
  });
});

describe("shanxi-2018 (seed 001 附件2 text, seed 000 numbers, ruling T3)", () => {
  const s = scheme.shanxi;

  test("seven alternatives: five modes and two new technologies", () => {
    expect(s.structure).toBe("alternatives");
    expect(s.tiers.map((t) => t.name.zh)).toEqual([
      "离散型智能制造",
      "流程型智能制造",
      "网络协同制造",
      "大规模个性化定制",
      "远程运维服务",
      "物联网创新应用",
      "人工智能创新应用",
    ]);
  });

  test("一、推荐的基本条件 (一)(二)(四)(五) are common ticks; (三) is the 要素条件 themselves", () => {
    expect(s.common.map((c) => c.source)).toEqual(
      ["一(一)", "一(二)", "一(四)", "一(五)"].map((item) => ({ doc: SEEDS.shanxi2018, item, ruling: "T3" })),
    );
  });

  test.each([
    { name: "离散型", tierId: "discrete", heading: "一(一)", count: 7 },
    { name: "流程型", tierId: "process", heading: "一(二)", count: 7 },
    { name: "网络协同", tierId: "networked", heading: "一(三)", count: 6 },
    { name: "大规模个性化定制", tierId: "customization", heading: "一(四)", count: 4 },
    { name: "远程运维服务", tierId: "remote-service", heading: "一(五)", count: 5 },
    { name: "物联网", tierId: "iot", heading: "二(一)", count: 5 },
    { name: "人工智能", tierId: "ai", heading: "二(二)", count: 4 },
  ])("附件2 $heading $name: a condition for each of its $count numbered 要素", ({ tierId, heading, count }) => {
    const fromAnnex = tier(s, tierId).conditions.filter((c) => c.source.doc === SEEDS.shanxi2018 && c.source.annex === "附件2");
    const expected = Array.from({ length: count }, (_, i) => `${heading}${i + 1}`);
    expect(fromAnnex.map((c) => c.source.item)).toEqual(expected);
  });

  test.each([
    ["seed 000 一(一)3 离散型 制造装备数控化率超过70% → > 0.7", "discrete.cnc-rate", "discrete", "一(一)3", ">", 0.7],
    ["seed 000 一(二)2 流程型 生产工艺数据自动数采率达到90%以上 → >= 0.9", "process.data-collection-rate", "process", "一(二)2", ">=", 0.9],
    ["seed 000 一(二)3 流程型 工厂自控投用率达到90%以上 → >= 0.9", "process.auto-control-rate", "process", "一(二)3", ">=", 0.9],
  ] as const)("%s", (_name, id, tierId, item, op, value) => {
    const c = condition(s, id);
    expect(c.tier).toBe(tierId);
    expect(c.source).toEqual({ doc: SEEDS.shanxiFundGuide, item, ruling: "T3" });
    expect(c.test).toEqual({ kind: "compare", input: id, op, value });
    expect(s.inputs.find((i) => i.code === id)?.type).toBe("rate");
    // The rest of the item stays a yes/no answer, cited to the 2018 notice.
    const rest = tier(s, tierId).conditions.find((x) => x.source.doc === SEEDS.shanxi2018 && x.source.item === item);
    expect(rest?.test.kind).toBe("tick");
  });

  test("only those three 要素 carry numbers; every other condition is a tick", () => {
    const compares = allConditions(s).filter((c) => c.test.kind === "compare").map((c) => c.id);
    expect(compares.sort()).toEqual(["discrete.cnc-rate", "process.auto-control-rate", "process.data-collection-rate"]);
  });
});

describe("pujiang (seed 004 三、实施要求, ruling T4)", () => {
  const s = scheme.pujiang;

  test("four alternatives with registration common", () => {
    expect(s.structure).toBe("alternatives");
    expect(s.tiers.map((t) => t.name.zh)).toEqual(["数字工厂（数字化车间）", "智能工厂", "未来工厂", "中小企业数字化制造及行业平台化服务"]);
    expect(s.common.map((c) => c.test)).toEqual([{ kind: "tick", input: "registered" }]);
  });

  test("amounts are 万元 numbers excluding civil works; the digital share is digital / total", () => {
    for (const code of ["total-investment", "digital-investment"]) {
      expect(s.inputs.find((i) => i.code === code)).toMatchObject({ type: "number", unit: { zh: "万元" }, min: 0 });
    }
    expect(s.inputs.find((i) => i.code === "total-investment")?.label.zh).toContain("不含土建、工程");
    expect(s.inputs.find((i) => i.code === "period")).toMatchObject({ type: "number", unit: { zh: "年" }, min: 0 });
    expect(s.derived).toEqual([expect.objectContaining({ code: "digital-share", ratio: ["digital-investment", "total-investment"] })]);
  });

  test.each([
    ["三(一)1 数字工厂 总投资达500万以上 → >= 500", "digital-factory.total", "total-investment", ">=", 500],
    ["三(一)1 数字工厂 数字化投资占比不低于30% → >= 0.3", "digital-factory.share", "digital-share", ">=", 0.3],
    ["三(一)1 数字工厂 数字化投资不低于200万元 → >= 200", "digital-factory.digital", "digital-investment", ">=", 200],
    ["三(一)1 数字工厂 建设周期不超过2年 → <= 2", "digital-factory.period", "period", "<=", 2],
    ["三(二)1 智能工厂 总投资达800万以上 → >= 800", "smart-factory.total", "total-investment", ">=", 800],
    ["三(二)1 智能工厂 数字化投资占比不低于30% → >= 0.3", "smart-factory.share", "digital-share", ">=", 0.3],
    ["三(二)1 智能工厂 数字化投资不低于300万元 → >= 300", "smart-factory.digital", "digital-investment", ">=", 300],
    ["三(二)1 智能工厂 建设周期不超过2年 → <= 2", "smart-factory.period", "period", "<=", 2],
    ["三(三)1 未来工厂 总投资达2000万以上 → >= 2000", "future-factory.total", "total-investment", ">=", 2000],
    ["三(三)1 未来工厂 数字化占比不低于25% → >= 0.25", "future-factory.share", "digital-share", ">=", 0.25],
    ["三(三)1 未来工厂 建设周期不超过3年 → <= 3", "future-factory.period", "period", "<=", 3],
    ["三(四)1 中小企业数字化 建设周期不超过1年 → <= 1", "sme.period", "period", "<=", 1],
  ] as const)("%s", (name, id, input, op, value) => {
    const c = condition(s, id);
    expect(c.source).toMatchObject({ doc: SEEDS.pujiang, item: name.split(" ")[0], ruling: "T4" });
    expect(c.test).toEqual({ kind: "compare", input, op, value });
  });

  test("未来工厂 sets no absolute digital amount; 中小企业 no investment at all", () => {
    const reads = (tierId: string) => tier(s, tierId).conditions.flatMap((c) => testInputs(c.test));
    expect(reads("future-factory")).not.toContain("digital-investment");
    expect(reads("sme").filter((code) => code.includes("investment") || code === "digital-share")).toEqual([]);
  });

  test.each([
    ["数字工厂 items 2–3", "digital-factory", ["三(一)2", "三(一)3"]],
    ["智能工厂 items 2–6", "smart-factory", ["三(二)2", "三(二)3", "三(二)4", "三(二)5", "三(二)6"]],
    ["未来工厂 items 2–10", "future-factory", ["三(三)2", "三(三)3", "三(三)4", "三(三)5", "三(三)6", "三(三)7", "三(三)8", "三(三)9", "三(三)10"]],
    ["中小企业 items 2(1), 2(2), 3", "sme", ["三(四)2(1)", "三(四)2(2)", "三(四)3"]],
  ] as const)("%s are ticks", (_name, tierId, items) => {
    const ticks = tier(s, tierId).conditions.filter((c) => c.test.kind === "tick");
    expect(ticks.map((c) => c.source.item)).toEqual(items);
  });

  test("the discrete-only items (三(二)3, 三(三)4) tell a process-industry enterprise to tick them as not applicable", () => {
    for (const code of ["smart-factory.3", "future-factory.4"]) {
      const label = s.inputs.find((i) => i.code === code)?.label;
      expect(label?.zh).toContain("离散制造业");
      expect(label?.zh).toContain("不适用");
      expect(label?.en).toContain("not applicable");
    }
  });
});

describe("a malformed scheme is rejected, naming the template and the field", () => {
  const copy = <T>(x: T): T => structuredClone(x) as T;

  test("a condition reading an undeclared input", () => {
    const bad = copy(shaoxing) as { tiers: { conditions: { test: { input?: string } }[] }[] };
    bad.tiers[1].conditions[1].test.input = "cnc-ratio";
    const e = rejection(bad);
    expect(e.templateId).toBe("shaoxing");
    expect(e.message).toContain("template shaoxing is malformed");
    expect(e.issues).toEqual([expect.stringMatching(/^tiers\.1\.conditions\.1\.test: .*cnc-ratio/)]);
  });

  test("an op outside the enum", () => {
    const bad = copy(pujiang) as { tiers: { conditions: { test: { op?: string } }[] }[] };
    bad.tiers[0].conditions[0].test.op = "=>";
    const e = rejection(bad);
    expect(e.templateId).toBe("pujiang");
    expect(e.issues.some((i) => i.startsWith("tiers.0.conditions.0.test.op:"))).toBe(true);
  });

  test("a level atLeast that is not a level of the input", () => {
    const bad = copy(national2024) as { tiers: { id: string; conditions: { id: string; test: { atLeast?: string } }[] }[] };
    const t = bad.tiers.findIndex((x) => x.id === "excellent");
    const c = bad.tiers[t].conditions.findIndex((x) => x.id === "excellent.performance");
    bad.tiers[t].conditions[c].test.atLeast = "国内领先";
    const e = rejection(bad);
    expect(e.templateId).toBe("national-2024");
    expect(e.issues).toEqual([`tiers.${t}.conditions.${c}.test.atLeast: 国内领先 is not a level of performance`]);
  });

  test("a declared input that no condition reads", () => {
    const bad = copy(shanxi2018);
    bad.inputs = [...bad.inputs, { code: "discrete.8", label: { zh: "多余", en: "Extra" }, type: "tick" }];
    const e = rejection(bad);
    expect(e.templateId).toBe("shanxi-2018");
    expect(e.issues).toEqual(["inputs: input discrete.8 is declared but no condition reads it"]);
  });

  test("the unmodified templates are not mutated by the copies", () => {
    expect(() => load(shaoxing)).not.toThrow();
    expect(() => load(pujiang)).not.toThrow();
    expect(() => load(national2024)).not.toThrow();
  });
});
