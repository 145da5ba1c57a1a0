import { findRubric, RUBRICS } from "../../templates/index";
import { loadTemplate, TemplateError } from "../../templates/load";
import { loadBuiltIn } from "../../templates/catalogue";
import { shaoxingDiscrete } from "../../templates/rubrics/shaoxing-discrete";
import { shaoxingProcess } from "../../templates/rubrics/shaoxing-process";
import type { Bracket, Rubric, RubricItem, RubricSource, Source } from "../../templates/schema";

/**
 * The two Shaoxing rubrics (seed 003, 表1 离散型 and 表2 流程型) against the official tables
 * and the rulings: maxima, input codes and order, brackets, sources, and the loader's refusal
 * of malformed copies.
 */

const SEED_003 = "003_aa3605fc89ed960c.txt";

function rubric(id: string): Rubric {
  const r = findRubric(id);
  if (!r) throw new Error(`rubric ${id} is missing from the catalogue`);
  return r;
}

const discrete = rubric("shaoxing-discrete");
const process_ = rubric("shaoxing-process");

const BY: Record<"表1" | "表2", Rubric> = { 表1: discrete, 表2: process_ };

const TABLES = [
  ["表1 离散型", discrete],
  ["表2 流程型", process_],
] as const;

function items(r: Rubric): RubricItem[] {
  return r.sections.flatMap((s) => s.items);
}

function item(r: Rubric, code: string): RubricItem {
  const i = items(r).find((x) => x.code === code);
  if (!i) throw new Error(`${r.id} has no item ${code}`);
  return i;
}

function brackets(r: Rubric, code: string): Bracket[] {
  const rule = item(r, code).rule;
  if (rule.kind !== "brackets") throw new Error(`${r.id} ${code} is a ${rule.kind} rule, not brackets`);
  return rule.brackets;
}

describe("the catalogue", () => {
  it("lists exactly the two Shaoxing rubrics of seed 003 (表1, 表2)", () => {
    expect(RUBRICS.map((r) => r.id)).toEqual(["shaoxing-discrete", "shaoxing-process"]);
    expect(findRubric("nope")).toBeUndefined();
    expect(findRubric("shaoxing")).toBeUndefined(); // a scheme, not a rubric
  });
});

describe.each(TABLES)("%s: points add up (百分制)", (_table, r) => {
  it("each section's items add up to the section's max", () => {
    for (const s of r.sections) {
      expect([s.code, s.items.reduce((a, i) => a + i.max, 0)]).toEqual([s.code, s.max]);
    }
  });

  it("the sections add up to 100", () => {
    expect(r.max).toBe(100);
    expect(r.sections.reduce((a, s) => a + s.max, 0)).toBe(100);
  });
});

describe("表1 离散型: section and item maxima equal the official table (seed 003)", () => {
  it("sections: 1 入户诊断 10, 2 产品设计数字化 10, 3 制造过程数字化 30, 4 信息化系统 20, 5 信息安全 4, 6 成效指标 26", () => {
    expect(discrete.sections.map((s) => [s.code, s.name.zh, s.max])).toEqual([
      ["1", "入户诊断", 10],
      ["2", "产品设计数字化", 10],
      ["3", "制造过程数字化", 30],
      ["4", "信息化系统", 20],
      ["5", "信息安全", 4],
      ["6", "成效指标", 26],
    ]);
  });

  it.each<[string, number, string]>([
    ["1.1", 10, "诊断方案 □有（10分）"],
    ["2.1.1", 6, "2.1 采用CAD等技术进行产品设计（6分）"],
    ["2.1.2", 2, "2.1 采用CAM等技术，已实现产品数字化工艺设计（2分）"],
    ["2.1.3", 2, "2.1 采用CAE等技术，已实现产品数字化仿真（2分）"],
    ["3.1", 10, "关键装备数控化率（10分，单项选择）"],
    ["3.2", 10, "现场数据自动采集和分析系统（10分，多项选择）"],
    ["3.3.1", 4, "3.3 应用工业机器人（4分）"],
    ["3.3.2", 2, "3.3 应用人工智能技术（2分）"],
    ["3.3.3", 2, "3.3 应用智能检测装置（2分）"],
    ["3.3.4", 2, "3.3 应用其他智能装备（2分）"],
    ["4.1", 8, "ERP（8分）"],
    ["4.2", 8, "MES（8分）"],
    ["4.3", 4, "D1: the second “4.2”, MES–ERP 实现互通集成（4分）, headed (2分) in the table"],
    ["5.1.1", 2, "D2: 建立办公信息安全系统（2分）"],
    ["5.1.2", 2, "D2: 建立生产信息安全系统（2分）"],
    ["6.1", 5, "亩均产值（5分）"],
    ["6.2", 4, "智能化改造人才储备（4分）"],
    ["6.3", 4, "D5: R&D 经费（4分）"],
    ["6.4", 5, "D6: 生产效率提高（5分）"],
    ["6.5", 4, "D6: 产品不良品率降低（4分）"],
    ["6.6", 4, "D6: 低端用工下降率（4分）"],
  ])("表1 %s max %d — %s", (code, max) => {
    expect(item(discrete, code).max).toBe(max);
  });

  it("表1 lists exactly these 21 items, in table order", () => {
    expect(items(discrete).map((i) => i.code)).toEqual([
      "1.1", "2.1.1", "2.1.2", "2.1.3", "3.1", "3.2", "3.3.1", "3.3.2", "3.3.3", "3.3.4",
      "4.1", "4.2", "4.3", "5.1.1", "5.1.2", "6.1", "6.2", "6.3", "6.4", "6.5", "6.6",
    ]);
  });
});

describe("表2 流程型: section and item maxima equal the official table (seed 003)", () => {
  it("sections: 1 入户诊断 10, 2 制造过程数字化 40, 3 信息化系统 20, 4 信息安全 4, 5 成效指标 26", () => {
    expect(process_.sections.map((s) => [s.code, s.name.zh, s.max])).toEqual([
      ["1", "入户诊断", 10],
      ["2", "制造过程数字化", 40],
      ["3", "信息化系统", 20],
      ["4", "信息安全", 4],
      ["5", "成效指标", 26],
    ]);
  });

  it.each<[string, number, string]>([
    ["1.1", 10, "诊断方案 □有（10分）"],
    ["2.1.1", 5, "2.1 生产工艺数据自动数采率60%以上（5分）"],
    ["2.1.2", 5, "2.1 能源监控数据自动数采率60%以上（5分）"],
    ["2.1.3", 5, "2.1 环保监测数据自动数采率60%以上（5分）"],
    ["2.2", 10, "工厂自控投用率50%以上（10分，单项选择）"],
    ["2.3.1", 8, "2.3 关键质量指标在线测量（8分）"],
    ["2.3.2", 7, "2.3 关键工艺参数在线测量（7分）"],
    ["3.1", 10, "集散控制系统DCS（10分）"],
    ["3.2", 5, "安全生产信息化管理系统（5分）"],
    ["3.3", 5, "P1: the second “3.2”, 企业智能巡检系统（5分）"],
    ["4.1.1", 2, "P3: 建立办公信息安全系统（2分）"],
    ["4.1.2", 2, "P3: 建立生产信息安全系统（2分）"],
    ["5.1", 5, "亩均产值（5分）"],
    ["5.2", 4, "智能化改造人才储备（4分）"],
    ["5.3", 4, "D5: R&D 经费（4分）"],
    ["5.4", 5, "D6: 生产效率提高（5分）"],
    ["5.5", 4, "D6: 产品不良品率降低（4分）"],
    ["5.6", 4, "P2: 低端用工下降率（4分）"],
  ])("表2 %s max %d — %s", (code, max) => {
    expect(item(process_, code).max).toBe(max);
  });

  it("表2 lists exactly these 18 items, in table order", () => {
    expect(items(process_).map((i) => i.code)).toEqual([
      "1.1", "2.1.1", "2.1.2", "2.1.3", "2.2", "2.3.1", "2.3.2", "3.1", "3.2", "3.3",
      "4.1.1", "4.1.2", "5.1", "5.2", "5.3", "5.4", "5.5", "5.6",
    ]);
  });
});

describe("input codes are the rulings' public codes, in the rulings' order", () => {
  it("ruling “Shaoxing 表1”: 27 input codes", () => {
    expect(discrete.inputs.map((i) => i.code)).toEqual([
      "1.1",
      "2.1.1", "2.1.2", "2.1.3",
      "3.1",
      "3.2.1", "3.2.2", "3.2.3", "3.2.4", "3.2.5", "3.2.6", "3.2.7",
      "3.3.1", "3.3.2", "3.3.3", "3.3.4",
      "4.1", "4.2", "4.3",
      "5.1.1", "5.1.2",
      "6.1", "6.2", "6.3", "6.4", "6.5", "6.6",
    ]);
    expect(discrete.inputs).toHaveLength(27);
  });

  it("ruling “Shaoxing 表2”: 18 input codes", () => {
    expect(process_.inputs.map((i) => i.code)).toEqual([
      "1.1",
      "2.1.1", "2.1.2", "2.1.3",
      "2.2",
      "2.3.1", "2.3.2",
      "3.1", "3.2", "3.3",
      "4.1.1", "4.1.2",
      "5.1", "5.2", "5.3", "5.4", "5.5", "5.6",
    ]);
    expect(process_.inputs).toHaveLength(18);
  });

  // Issue 12 item 1: 6.5 不良品率降低 and 6.6 低端用工下降率 are reductions, which cannot exceed 100% (G2).
  it("表1 input types: 3.1 and 6.3 are rates (G2), 6.4 an improvement, 6.5–6.6 reductions (G2), 6.1 a level, the rest ticks", () => {
    const types = Object.fromEntries(discrete.inputs.map((i) => [i.code, i.type]));
    expect(types).toEqual({
      ...Object.fromEntries(discrete.inputs.map((i) => [i.code, "tick"])),
      "3.1": "rate",
      "6.1": "level",
      "6.3": "rate",
      "6.4": "improvement",
      "6.5": "reduction",
      "6.6": "reduction",
    });
  });

  it("表2 input types: 2.1.x tick-or-rate (G1), 2.2 and 5.3 rates, 5.4 an improvement, 5.5–5.6 reductions (G2), 5.1 a level, the rest ticks", () => {
    const types = Object.fromEntries(process_.inputs.map((i) => [i.code, i.type]));
    expect(types).toEqual({
      ...Object.fromEntries(process_.inputs.map((i) => [i.code, "tick"])),
      "2.1.1": "tick-or-rate",
      "2.1.2": "tick-or-rate",
      "2.1.3": "tick-or-rate",
      "2.2": "rate",
      "5.1": "level",
      "5.3": "rate",
      "5.4": "improvement",
      "5.5": "reduction",
      "5.6": "reduction",
    });
  });

  it("亩均产值 levels are, lowest first, 低于平均水平 / 平均水平 / 领先水平 (0 / 3 / 5)", () => {
    for (const [r, code] of [[discrete, "6.1"], [process_, "5.1"]] as const) {
      expect(r.inputs.find((i) => i.code === code)?.levels?.map((l) => l.name.zh)).toEqual(["低于平均水平", "平均水平", "领先水平"]);
      expect(item(r, code).rule).toEqual({ kind: "level", input: code, points: { 低于平均水平: 0, 平均水平: 3, 领先水平: 5 } });
    }
  });

  it("D4: 表1 3.2 counts the seven options 3.2.1 … 3.2.7, 3 or more → 10, partial scores to 1 decimal", () => {
    expect(item(discrete, "3.2").rule).toEqual({
      kind: "count",
      inputs: ["3.2.1", "3.2.2", "3.2.3", "3.2.4", "3.2.5", "3.2.6", "3.2.7"],
      atLeast: 3,
      points: 10,
      partialDecimals: 1,
    });
  });

  it("G1: 表2 2.1.x are tick-or-rate rules at 60% (以上 includes 60%) worth 5", () => {
    for (const code of ["2.1.1", "2.1.2", "2.1.3"]) {
      expect(item(process_, code).rule).toEqual({ kind: "tick-or-rate", input: code, points: 5, min: 0.6 });
    }
  });
});

describe("brackets ascend without gaps or overlaps (G4: min inclusive, max exclusive, top open)", () => {
  const all = TABLES.flatMap(([table, r]) =>
    items(r)
      .filter((i) => i.rule.kind === "brackets")
      .map((i) => [`${table} ${i.code}`, i.rule.kind === "brackets" ? i.rule.brackets : []] as const),
  );

  it("表1 has 5 bracket items (3.1, 6.3–6.6) and 表2 has 5 (2.2, 5.3–5.6)", () => {
    expect(all.map(([name]) => name)).toEqual([
      "表1 离散型 3.1", "表1 离散型 6.3", "表1 离散型 6.4", "表1 离散型 6.5", "表1 离散型 6.6",
      "表2 流程型 2.2", "表2 流程型 5.3", "表2 流程型 5.4", "表2 流程型 5.5", "表2 流程型 5.6",
    ]);
  });

  it.each(all)("%s: the first starts unbounded, each starts where the previous ends, the top is open, points never fall", (_name, bs) => {
    expect(bs[0].min).toBeNull();
    expect(bs[bs.length - 1].max).toBeNull();
    for (let i = 1; i < bs.length; i++) {
      expect(bs[i].min).toBe(bs[i - 1].max);
      expect(bs[i].points).toBeGreaterThanOrEqual(bs[i - 1].points);
    }
    for (const b of bs) if (b.min !== null && b.max !== null) expect(b.min).toBeLessThan(b.max);
  });

  const b = (min: number | null, max: number | null, points: number): Bracket => ({ min, max, points });
  it.each<[string, "表1" | "表2", string, Bracket[]]>([
    ["D3 表1 3.1 数控化率", "表1", "3.1", [b(null, 0.4, 5), b(0.4, 0.5, 6), b(0.5, 0.6, 8), b(0.6, null, 10)]],
    ["D5 表1 6.3 R&D", "表1", "6.3", [b(null, 0.01, 1), b(0.01, 0.02, 3), b(0.02, null, 4)]],
    ["D6 表1 6.4 生产效率提高", "表1", "6.4", [b(null, 0.08, 0), b(0.08, 0.15, 3), b(0.15, null, 5)]],
    ["D6 表1 6.5 不良品率降低", "表1", "6.5", [b(null, 0.05, 0), b(0.05, 0.08, 3), b(0.08, null, 4)]],
    ["D6 表1 6.6 低端用工下降率", "表1", "6.6", [b(null, 0.08, 0), b(0.08, 0.15, 3), b(0.15, null, 4)]],
    ["G1 表2 2.2 自控投用率", "表2", "2.2", [b(null, 0.3, 0), b(0.3, 0.5, 8), b(0.5, null, 10)]],
    ["D5 表2 5.3 R&D", "表2", "5.3", [b(null, 0.01, 1), b(0.01, 0.02, 3), b(0.02, null, 4)]],
    ["D6 表2 5.4 生产效率提高", "表2", "5.4", [b(null, 0.08, 0), b(0.08, 0.15, 3), b(0.15, null, 5)]],
    ["D6 表2 5.5 不良品率降低", "表2", "5.5", [b(null, 0.05, 0), b(0.05, 0.08, 3), b(0.08, null, 4)]],
    ["P2 表2 5.6 低端用工下降率", "表2", "5.6", [b(null, 0.05, 0), b(0.05, 0.08, 3), b(0.08, null, 4)]],
  ])("%s brackets are the ruling's", (_name, t, code, expected) => {
    expect(brackets(BY[t], code)).toEqual(expected);
  });
});

describe("sources: every item, section and consistency rule cites seed 003", () => {
  it.each(TABLES)("%s: template, sections, items and consistency rules all cite seed 003 and their table", (table, r) => {
    const annex = table.slice(0, 2); // 表1 or 表2
    const sources: [string, Source][] = [
      ["template", r.source],
      ...r.sections.map((s): [string, Source] => [`section ${s.code}`, s.source]),
      ...items(r).map((i): [string, Source] => [`item ${i.code}`, i.source]),
      ...r.consistency.map((c): [string, Source] => [`consistency ${c.when}`, c.source]),
    ];
    for (const [where, source] of sources) {
      expect([where, source.doc]).toEqual([where, SEED_003]);
      expect([where, source.annex?.startsWith(annex)]).toEqual([where, true]);
    }
    expect(r.document.reference).toBe("绍市工转升〔2019〕6号");
  });

  it.each<["表1" | "表2", string, string]>([
    ["表1", "3.1", "D3"],
    ["表1", "3.2", "D4"],
    ["表1", "4.3", "D1"],
    ["表1", "5.1.1", "D2"],
    ["表1", "5.1.2", "D2"],
    ["表1", "6.3", "D5"],
    ["表1", "6.4", "D6"],
    ["表1", "6.5", "D6"],
    ["表1", "6.6", "D6"],
    ["表2", "2.1.1", "G1"],
    ["表2", "2.2", "G1"],
    ["表2", "3.3", "P1"],
    ["表2", "4.1.1", "P3"],
    ["表2", "4.1.2", "P3"],
    ["表2", "5.3", "D5"],
    ["表2", "5.6", "P2"],
  ])("%s item %s cites ruling %s", (t, code, ruling) => {
    expect(item(BY[t], code).source.ruling).toBe(ruling);
  });

  it("D7: 表1 has one consistency rule — 4.3 requires 4.1 and 4.2 — citing D7", () => {
    expect(discrete.consistency).toHaveLength(1);
    expect(discrete.consistency[0]).toMatchObject({ when: "4.3", requires: ["4.1", "4.2"], source: { doc: SEED_003, ruling: "D7" } });
    expect(process_.consistency).toEqual([]);
  });
});

describe("loadTemplate refuses malformed copies, naming the template id and the field path", () => {
  function copy(src: RubricSource, edit: (c: Record<string, any>) => void): unknown { // eslint-disable-line @typescript-eslint/no-explicit-any
    const c = structuredClone(src) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    edit(c);
    return c;
  }

  function refusal(raw: unknown): TemplateError {
    try {
      loadTemplate(raw);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      // The message names the template id, then one line per bad field: "path: reason".
      expect(e.message).toBe(`template ${e.templateId} is malformed:\n${e.issues.map((i) => `  - ${i}`).join("\n")}`);
      return e;
    }
    throw new Error("the malformed template was accepted");
  }

  it("the unmodified sources load (and equal the catalogue's)", () => {
    expect(loadTemplate(structuredClone(shaoxingDiscrete))).toEqual(discrete);
    expect(loadTemplate(structuredClone(shaoxingProcess))).toEqual(process_);
  });

  it("a section whose items do not add up to its max (表1 section 1 stated as 11)", () => {
    const e = refusal(copy(shaoxingDiscrete, (c) => (c.sections[0].max = 11)));
    expect(e.templateId).toBe("shaoxing-discrete");
    expect(e.message).toMatch(/^template shaoxing-discrete is malformed/);
    expect(e.issues).toContain("sections.0.max: section 1 states 11 points but its items add up to 10");
    expect(e.issues).toContain("max: the rubric states 100 points but its sections add up to 101");
  });

  it("an item whose max disagrees with its rule (表2 2.3.2 stated as 8 while its tick awards 7)", () => {
    const e = refusal(copy(shaoxingProcess, (c) => (c.sections[1].items[5].max = 8)));
    expect(e.templateId).toBe("shaoxing-process");
    expect(e.issues).toContain("sections.1.items.5.max: item 2.3.2 states max 8 but its rule awards at most 7");
  });

  it("a bracket gap (表1 3.1's third bracket starting at 55% instead of 50%)", () => {
    const e = refusal(copy(shaoxingDiscrete, (c) => (c.sections[2].items[0].rule.brackets[2].min = 0.55)));
    expect(e.templateId).toBe("shaoxing-discrete");
    expect(e.issues).toEqual(["sections.2.items.0.rule.brackets.2.min: bracket 2 starts at 0.55 but the previous one ends at 0.5: a gap or an overlap"]);
    expect(e.message).toContain("sections.2.items.0.rule.brackets.2.min");
  });

  it("a bracket overlap (表2 5.6's top bracket starting at 7% while the one below ends at 8%)", () => {
    const e = refusal(copy(shaoxingProcess, (c) => (c.sections[4].items[5].rule.brackets[2].min = 0.07)));
    expect(e.templateId).toBe("shaoxing-process");
    expect(e.issues).toEqual(["sections.4.items.5.rule.brackets.2.min: bracket 2 starts at 0.07 but the previous one ends at 0.08: a gap or an overlap"]);
  });

  it("G4: a closed top bracket (表1 3.1 capped at 70%) is refused", () => {
    const e = refusal(copy(shaoxingDiscrete, (c) => (c.sections[2].items[0].rule.brackets[3].max = 0.7)));
    expect(e.issues).toEqual(["sections.2.items.0.rule.brackets.3.max: the top bracket extends upward: max must be null (ruling G4)"]);
  });

  it("an item reading an undeclared input (表1 1.1 reading “9.9”)", () => {
    const e = refusal(copy(shaoxingDiscrete, (c) => (c.sections[0].items[0].rule.input = "9.9")));
    expect(e.templateId).toBe("shaoxing-discrete");
    expect(e.issues).toContain("sections.0.items.0.rule: item 1.1 reads input 9.9, which is not declared");
    expect(e.issues).toContain("inputs: input 1.1 is declared but no item reads it");
  });

  it("two items reading one input (表1 2.1.2 reading 2.1.1)", () => {
    const e = refusal(copy(shaoxingDiscrete, (c) => (c.sections[1].items[1].rule.input = "2.1.1")));
    expect(e.templateId).toBe("shaoxing-discrete");
    expect(e.issues).toContain("sections.1.items.1.rule: input 2.1.1 is read by items 2.1.1 and 2.1.2");
    expect(e.issues).toContain("inputs: input 2.1.2 is declared but no item reads it");
  });

  it("a count rule sharing an input with a tick item (表1 3.2 also reading 3.3.1)", () => {
    const e = refusal(copy(shaoxingDiscrete, (c) => c.sections[2].items[1].rule.inputs.push("3.3.1")));
    expect(e.issues).toContain("sections.2.items.2.rule: input 3.3.1 is read by items 3.2 and 3.3.1");
  });

  it("a consistency rule naming an undeclared input (D7)", () => {
    const e = refusal(copy(shaoxingDiscrete, (c) => (c.consistency[0].requires = ["4.1", "4.9"])));
    expect(e.issues).toEqual(["consistency.0: consistency rule names undeclared input 4.9"]);
  });

  it("a built-in source citing a file that is not a seed (a loaded template cites its own document: tests/templates/user.test.ts)", () => {
    const raw = copy(shaoxingProcess, (c) => (c.sections[0].items[0].source.doc = "003.txt"));
    expect(loadTemplate(raw).id).toBe("shaoxing-process");
    let e: unknown;
    try {
      loadBuiltIn("rubric", raw);
    } catch (thrown) {
      e = thrown;
    }
    expect(e).toBeInstanceOf(TemplateError);
    expect((e as TemplateError).templateId).toBe("shaoxing-process");
    expect((e as TemplateError).issues).toEqual([expect.stringMatching(/^sections\.0\.items\.0\.source\.doc: a built-in template cites one of the seed files \(.*\), not 003\.txt$/)]);
  });
});
