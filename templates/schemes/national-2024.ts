import { DOCUMENTS, SEEDS } from "../documents";
import { GRADIENT_STAGES, GUIDE_STAGES, type GradientStage } from "../guide-stages";
import type { InputDef, SchemeSource, Source } from "../schema";
import { national2024Sample } from "../samples/national-2024";

/**
 * 智能工厂梯度培育要素条件 (seed 002 附件2; ruling T2): 基础级 < 先进级 < 卓越级 < 领航级.
 *
 * The four 基础要求 that do not vary by tier (一、1–4) are `common`; 一、5 (the GB/T 39116
 * maturity level) differs per tier, so each tier states its own bound. Coverage is asked per
 * guide 环节 (the fourteen of 《智能制造典型场景参考指引（2024年版）》, from guide-stages.ts) because
 * that is how enterprises describe their scenarios; a gradient 环节 counts as covered when any of
 * its guide 环节 is ticked (footnotes [1]–[5]).
 */
const at = (item: string): Source => ({ doc: SEEDS.shanxi2024, annex: "附件2", item, ruling: "T2" });

type Severity = "required" | "advisory";

/**
 * Ruling T2: the guide's 多环节模式创新 (seed 002 附件2, the note after footnote [5]) counts under
 * 运营管理, beside its two guide 环节. It is not a 环节 of the guide, so it is no choice of the
 * summary table's scenario column (S2), only an input here.
 */
const MULTI_STAGE = { code: "stage.multi-stage-innovation", name: { zh: "多环节模式创新", en: "Multi-stage mode innovation" } };

/** The inputs that cover a gradient 环节: its guide 环节, and for 运营管理 also 多环节模式创新. */
function coveringInputs(stage: GradientStage) {
  return stage.code === "operations" ? [...stage.guideStages, MULTI_STAGE] : stage.guideStages;
}

/** The tier wording differs: 至少覆盖 (基础/先进), 原则上应覆盖 (卓越: advisory), 须覆盖 (领航). */
function coverage(tier: string, article: string, stage: GradientStage, severity: Severity) {
  const guide = coveringInputs(stage);
  const names = guide.map((g) => g.name.zh).join("、");
  const namesEn = guide.map((g) => g.name.en).join(", ");
  const text =
    severity === "advisory"
      ? {
          zh: `原则上应覆盖${stage.name.zh}环节（${names}中至少一个）；未覆盖须书面说明理由`,
          en: `Should in principle cover ${stage.name.en} (at least one of: ${namesEn}); if not, a written justification is needed`,
        }
      : { zh: `覆盖${stage.name.zh}环节（${names}中至少一个）`, en: `Covers ${stage.name.en} (at least one of: ${namesEn})` };
  return {
    id: `${tier}.covers.${stage.code}`,
    text,
    source: at(`${article} 注${stage.footnote}`),
    severity,
    test: { kind: "any" as const, inputs: guide.map((g) => g.code), atLeast: 1 },
  };
}

function stagesNamed(...codes: string[]): GradientStage[] {
  return codes.map((code) => {
    const stage = GRADIENT_STAGES.find((s) => s.code === code);
    if (!stage) throw new Error(`guide-stages.ts has no gradient 环节 ${code}`);
    return stage;
  });
}

/**
 * The five GB/T 39116-2020 levels, lowest first. Answers name them as the standard does (三级), as
 * a digit with or without 级 (3级, 3) or by the numeral alone (三).
 */
const NUMERALS = ["一", "二", "三", "四", "五"];
const MATURITY_LEVELS = NUMERALS.map((n, i) => ({
  name: { zh: `${n}级`, en: `Level ${i + 1}` },
  aliases: [n, `${i + 1}级`, String(i + 1)],
}));

function maturity(tier: string, atLeast: string, en: string) {
  return {
    id: `${tier}.maturity`,
    text: { zh: `智能制造能力成熟度达到GB/T 39116-2020${atLeast}及以上`, en: `Smart-manufacturing maturity (GB/T 39116-2020) at level ${en} or above` },
    source: at("一、5"),
    test: { kind: "level" as const, input: "maturity", atLeast },
  };
}

function performance(tier: string, article: string, atLeast: string, zh: string, en: string) {
  return {
    id: `${tier}.performance`,
    text: { zh: `主要技术经济指标${zh}`, en: `Main technical and economic indicators ${en}` },
    source: at(article),
    test: { kind: "level" as const, input: "performance", atLeast },
  };
}

const tick = (id: string, article: string, zh: string, en: string) => ({
  id,
  text: { zh, en },
  source: at(article),
  test: { kind: "tick" as const, input: id },
});

/** 建设成效 items other than the performance level (item 1), per tier, in the annex's order. */
const EFFECTS = {
  advanced: [
    tick("advanced.effect-2", "三(二)2", "在省（区、市）同行业起到引领带动作用", "Leads and drives its industry in the province"),
  ],
  excellent: [
    tick(
      "excellent.effect-2",
      "四(二)2",
      "在国内同行业起到引领带动作用，带动供应链上下游协同开展数智化升级",
      "Leads its industry nationally and drives up- and downstream digital-intelligent upgrading",
    ),
    tick(
      "excellent.effect-3",
      "四(二)3",
      "培育形成具有行业推广价值的智能制造解决方案，探索构建企业智能制造“标准群”",
      "Has developed smart-manufacturing solutions worth promoting in the industry and is building a company standards group",
    ),
    tick(
      "excellent.effect-4",
      "四(二)4",
      "建立较为完善的智能制造复合型人才培养体系，培养一批智能工厂建设和运营人才",
      "A fairly complete training system for cross-disciplinary smart-manufacturing talent, with smart-factory builders and operators trained",
    ),
  ],
  leading: [
    tick(
      "leading.effect-2",
      "五(二)2",
      "打造全球领先的应用标杆，通过“母工厂”等方式推动经验复制推广，引领产业链上下游形成协同创新生态",
      "A world-leading benchmark whose experience is replicated (e.g. as a mother factory), leading a collaborative innovation ecosystem along the chain",
    ),
    tick(
      "leading.effect-3",
      "五(二)3",
      "培育的智能制造解决方案实现对外输出，形成较为完善的企业“标准群”，推动形成行业、国家标准",
      "Its smart-manufacturing solutions are supplied to others, with a fairly complete standards group feeding industry and national standards",
    ),
    tick(
      "leading.effect-4",
      "五(二)4",
      "培养智能制造领军人才，对外提供智能工厂建设和运营指导或服务",
      "Develops leading smart-manufacturing talent and offers smart-factory building and operating guidance or services to others",
    ),
  ],
};

const effectInputs: InputDef[] = [...EFFECTS.advanced, ...EFFECTS.excellent, ...EFFECTS.leading].map((c) => ({
  code: c.id,
  label: c.text,
  type: "tick",
}));

const guideStageInputs: InputDef[] = [
  ...GUIDE_STAGES.map((g): InputDef => ({
    code: g.code,
    label: {
      zh: `已覆盖《智能制造典型场景参考指引（2024年版）》“${g.name.zh}”环节`,
      en: `Covers the guide stage "${g.name.en}" (Typical Smart-Manufacturing Scenarios Guide 2024)`,
    },
    type: "tick",
  })),
  {
    code: MULTI_STAGE.code,
    label: {
      zh: "已参考《智能制造典型场景参考指引（2024年版）》开展多环节模式创新（计入运营管理）",
      en: "Practises multi-stage mode innovation after the 2024 guide (counted under operations management)",
    },
    type: "tick",
  },
];

/** 一、申报条件 (seed 002, the notice itself): asked of every applicant beside the 基础要求. */
const APPLICATION = [
  {
    id: "application.registered",
    item: "一(一)",
    zh: "申报主体在山西省境内注册，具有独立法人资格",
    en: "The applicant is registered in Shanxi Province and is an independent legal person",
  },
  {
    id: "application.cooperation",
    item: "一(三)",
    zh: "申报主体愿意配合开展现场核查、技术推广和典型案例交流等工作",
    en: "The applicant is willing to cooperate with on-site verification, technology promotion and case exchanges",
  },
];

export const national2024 = {
  id: "national-2024",
  // 2: maturity became a level (一级…五级), 多环节模式创新 and the 申报条件 一(一)/(三) became inputs (issue 12).
  version: 2,
  kind: "scheme",
  structure: "ladder",
  // Ruling T5: each tier builds on the ones below (卓越级 needs 基础级's 生产作业 coverage …).
  cumulative: true,
  title: { zh: "智能工厂梯度培育要素条件（2024年）", en: "Smart-factory gradient cultivation conditions (2024)" },
  document: DOCUMENTS.shanxi2024,
  source: at("一至五"),
  inputs: [
    ...APPLICATION.map((a): InputDef => ({ code: a.id, label: { zh: a.zh, en: a.en }, type: "tick" })),
    {
      code: "requirement.1",
      label: { zh: "规模以上工业企业，企业和产品均具有较强市场竞争力", en: "Industrial enterprise above designated size; enterprise and products are competitive" },
      type: "tick",
    },
    {
      code: "requirement.2",
      label: {
        zh: "近三年经营和财务状况良好，无不良信用记录、无较大及以上安全、环保等事故，无违法违规行为",
        en: "Sound operations and finances over three years; no bad credit, no major safety or environmental accident, no violations",
      },
      type: "tick",
    },
    {
      code: "requirement.3",
      label: {
        zh: "关键技术装备、工业软件、工业操作系统、系统解决方案等安全可控，网络安全和数据安全风险可控",
        en: "Key equipment, industrial software, OS and solutions are secure and controllable; network and data security risks controlled",
      },
      type: "tick",
    },
    {
      code: "requirement.4",
      label: {
        zh: "建立智能工厂统筹规划、建设和运营的组织机制，拥有一批智能制造专业人才",
        en: "An organisation for planning, building and running the smart factory, with smart-manufacturing professionals",
      },
      type: "tick",
    },
    {
      code: "maturity",
      label: { zh: "智能制造能力成熟度等级（GB/T 39116-2020）", en: "Smart-manufacturing capability maturity level (GB/T 39116-2020)" },
      type: "level",
      levels: MATURITY_LEVELS,
    },
    ...guideStageInputs,
    {
      code: "performance",
      label: { zh: "主要技术经济指标水平", en: "Level of the main technical and economic indicators" },
      type: "level",
      // Lowest first. The annex words the bars 省（区、市）同行业…; the aliases accept that wording.
      levels: [
        { name: { zh: "未达到省内同行业平均水平", en: "Not above the provincial industry average" }, aliases: ["低于省内同行业平均水平"] },
        { name: { zh: "高于省内同行业平均水平", en: "Above the provincial industry average" }, aliases: ["高于省（区、市）同行业平均水平"] },
        { name: { zh: "省内同行业领先", en: "Leading in the provincial industry" }, aliases: ["省（区、市）同行业领先水平", "省内同行业领先水平"] },
        { name: { zh: "国内同行业领先", en: "Leading in the national industry" }, aliases: ["国内同行业领先水平"] },
        { name: { zh: "全球领先", en: "World-leading" }, aliases: ["全球领先水平"] },
      ],
    },
    ...effectInputs,
  ],
  common: [
    ...APPLICATION.map((a) => ({ id: a.id, text: { zh: a.zh, en: a.en }, source: { doc: SEEDS.shanxi2024, item: a.item, ruling: "T2" }, test: { kind: "tick" as const, input: a.id } })),
    tick("requirement.1", "一、1", "企业应为规模以上工业企业，企业和产品均具有较强市场竞争力", "An industrial enterprise above designated size, with competitive enterprise and products"),
    tick(
      "requirement.2",
      "一、2",
      "近三年经营和财务状况良好，无不良信用记录、无较大及以上安全、环保等事故，无违法违规行为",
      "Sound operations and finances over the last three years, no bad credit record, no major safety or environmental accident, no violations",
    ),
    tick(
      "requirement.3",
      "一、3",
      "关键技术装备、工业软件、工业操作系统、系统解决方案等安全可控，网络安全和数据安全风险可控",
      "Key equipment, industrial software, industrial OS and solutions secure and controllable; network and data security risks controlled",
    ),
    tick(
      "requirement.4",
      "一、4",
      "建立智能工厂统筹规划、建设和运营的组织机制，拥有一批智能制造专业人才",
      "An organisation for planning, building and running the smart factory, with a body of smart-manufacturing professionals",
    ),
  ],
  tiers: [
    {
      id: "basic",
      name: { zh: "基础级智能工厂", en: "Basic smart factory" },
      source: at("二"),
      conditions: [
        maturity("basic", "二级", "2"),
        ...stagesNamed("production").map((s) => coverage("basic", "二(一)", s, "required")),
        performance("basic", "二(二)1", "高于省内同行业平均水平", "应高于省（区、市）同行业平均水平", "above the provincial industry average"),
      ],
    },
    {
      id: "advanced",
      name: { zh: "先进级智能工厂", en: "Advanced smart factory" },
      source: at("三"),
      conditions: [
        maturity("advanced", "二级", "2"),
        ...stagesNamed("production", "production-management", "operations").map((s) => coverage("advanced", "三(一)", s, "required")),
        performance("advanced", "三(二)1", "省内同行业领先", "应处于省（区、市）同行业领先水平", "leading in the provincial industry"),
        ...EFFECTS.advanced,
      ],
    },
    {
      id: "excellent",
      name: { zh: "卓越级智能工厂", en: "Excellent smart factory" },
      source: at("四"),
      conditions: [
        maturity("excellent", "三级", "3"),
        // 原则上应覆盖全部五个环节: a missing 环节 is a warning needing a justification (T2).
        ...GRADIENT_STAGES.map((s) => coverage("excellent", "四(一)", s, "advisory")),
        performance("excellent", "四(二)1", "国内同行业领先", "应处于国内同行业领先水平", "leading in the national industry"),
        ...EFFECTS.excellent,
      ],
    },
    {
      id: "leading",
      name: { zh: "领航级智能工厂", en: "Leading smart factory" },
      source: at("五"),
      conditions: [
        maturity("leading", "四级", "4"),
        // 须覆盖全部五个环节 (五(一)5 calls 运营管理 经营管理; its heading lists 运营管理: the same 环节).
        ...GRADIENT_STAGES.map((s) => coverage("leading", "五(一)", s, "required")),
        performance("leading", "五(二)1", "全球领先", "全球领先", "world-leading"),
        ...EFFECTS.leading,
      ],
    },
  ],
  sheet: { name: "梯度培育要素自评", commonTitle: "一、基础要求" },
  sample: national2024Sample,
} satisfies SchemeSource;
