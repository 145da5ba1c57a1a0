import { loadTemplate, TemplateError } from "../../templates/load";
import { SEEDS } from "../../templates/documents";
import type { Form, KpiSet, SummaryTable, Template } from "../../templates/schema";
import { nationalKpis } from "../../templates/kpis/national-2024-kpis";
import { shanxi2018Summary } from "../../templates/summaries/shanxi-2018-summary";
import { national2024Summary } from "../../templates/summaries/national-2024-summary";
import { shanxi2018Application } from "../../templates/forms/shanxi-2018-application";
import { pujiangApplication } from "../../templates/forms/pujiang-application";
import { pujiangAcceptance } from "../../templates/forms/pujiang-acceptance";

function load<K extends Template["kind"]>(raw: unknown, kind: K): Extract<Template, { kind: K }> {
  const t = loadTemplate(raw);
  expect(t.kind).toBe(kind);
  return t as Extract<Template, { kind: K }>;
}

/** loadTemplate's error for a malformed copy, or a failure if it was accepted. */
function rejection(raw: unknown): TemplateError {
  try {
    loadTemplate(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return e as TemplateError;
  }
  throw new Error("the malformed template was accepted");
}

const labels = (form: Form) => form.sections.map((s) => [s.title.zh, s.fields.map((f) => f.label.zh)]);

describe("the templates load", () => {
  test.each([
    ["national-2024-kpis", nationalKpis],
    ["shanxi-2018-summary", shanxi2018Summary],
    ["national-2024-summary", national2024Summary],
    ["shanxi-2018-application", shanxi2018Application],
    ["pujiang-application", pujiangApplication],
    ["pujiang-acceptance", pujiangAcceptance],
  ])("%s passes loadTemplate", (id, raw) => {
    const t = loadTemplate(raw);
    expect(t.id).toBe(id);
    // 2 for the summaries and forms: issue 11 moved their input cells (附件N row, working column, …).
    expect(t.version).toBe(id === "national-2024-kpis" ? 1 : 2);
  });
});

describe("seed 002 附1 智能工厂建设关键绩效指标参考 (ruling K1)", () => {
  const kpis: KpiSet = load(nationalKpis, "kpi-set");
  const indicators = kpis.categories.flatMap((c) => c.indicators.map((i) => ({ ...i, category: c.code })));

  test("附1 has five categories (一)–(五) with their official names", () => {
    expect(kpis.categories.map((c) => [c.code, c.name.zh])).toEqual([
      ["(一)", "能力提升类指标"],
      ["(二)", "价值效益类指标"],
      ["(三)", "生产运营效率类指标"],
      ["(四)", "可持续发展类指标"],
      ["(五)", "推广应用类指标"],
    ]);
  });

  test("附1 lists exactly 20 indicators numbered 1–20 in order", () => {
    expect(indicators.map((i) => i.no)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  // [序号, category, official name, unit, K1 kind, better, underlying measure]
  const TABLE: [number, string, string, string, "level" | "change", "higher" | "lower", string][] = [
    [1, "(一)", "关键设备数控化率", "%", "level", "higher", "关键设备数控化率"],
    [2, "(一)", "先进过程控制投用率", "%", "level", "higher", "先进过程控制投用率"],
    [3, "(一)", "应用人工智能技术场景比例", "%", "level", "higher", "应用人工智能技术场景比例"],
    [4, "(一)", "工厂应用智能决策模型数量", "个", "level", "higher", "工厂应用智能决策模型数量"],
    [5, "(二)", "研制周期缩短", "%", "change", "lower", "研制周期"],
    [6, "(二)", "销售增长率", "%", "change", "higher", "销售额"],
    [7, "(三)", "生产效率提升", "%", "change", "higher", "生产效率"],
    [8, "(三)", "资源综合利用率提升", "%", "change", "higher", "资源综合利用率"],
    [9, "(三)", "产品不良率下降", "%", "change", "lower", "产品不良率"],
    [10, "(三)", "设备综合利用率提升", "%", "change", "higher", "设备综合利用率"],
    [11, "(三)", "库存周转率提升", "%", "change", "higher", "库存周转率"],
    [12, "(三)", "供应商准时交付率提升", "%", "change", "higher", "供应商准时交付率"],
    [13, "(三)", "订单准时交付率提升", "%", "change", "higher", "订单准时交付率"],
    [14, "(三)", "运营成本下降", "%", "change", "lower", "运营成本"],
    [15, "(三)", "全员劳动生产率提升", "%", "change", "higher", "全员劳动生产率"],
    [16, "(四)", "单位产品综合能耗降低", "%", "change", "lower", "单位产品综合能耗"],
    [17, "(四)", "单位产品二氧化碳（CO₂）排放量降低", "%", "change", "lower", "单位产品二氧化碳（CO₂）排放量"],
    [18, "(四)", "一般固废综合利用率", "%", "level", "higher", "一般固废综合利用率"],
    [19, "(四)", "水资源重复利用率", "%", "level", "higher", "水资源重复利用率"],
    [20, "(五)", "先进制造模式/解决方案向产业链供应链上下游复制推广的企业数量", "家", "level", "higher", "先进制造模式/解决方案向产业链供应链上下游复制推广的企业数量"],
  ];

  test.each(TABLE)("附1 indicator %i %s %s (%s) is a %s KPI, better %s, measuring %s", (no, category, name, unit, kind, better, measure) => {
    const i = indicators[no - 1];
    expect(i).toMatchObject({ no, category, kind, better });
    expect(i.name.zh).toBe(name);
    expect(i.unit.zh).toBe(unit);
    expect(i.measure.zh).toBe(measure);
    expect(i.source).toEqual({ doc: SEEDS.shanxi2024, annex: "附1", item: String(no), ruling: "K1" });
  });

  test("K1: exactly the names ending 提升/增长/缩短/下降/降低 (and 销售增长率) are change KPIs; 缩短/下降/降低 improve downwards", () => {
    for (const i of indicators) {
      const isChange = /(提升|增长|缩短|下降|降低)$/.test(i.name.zh) || i.name.zh === "销售增长率";
      expect([i.name.zh, i.kind]).toEqual([i.name.zh, isChange ? "change" : "level"]);
      expect([i.name.zh, i.better]).toEqual([i.name.zh, /(缩短|下降|降低)$/.test(i.name.zh) ? "lower" : "higher"]);
      if (i.kind === "level") expect(i.measure.zh).toBe(i.name.zh);
    }
  });
});

describe("seed 001 附件4 山西省级智能制造试点示范推荐汇总表 (ruling S1)", () => {
  const s: SummaryTable = load(shanxi2018Summary, "summary");

  test("附件4 title, stamp line and column headers are as printed", () => {
    expect(s.title.zh).toBe("山西省级智能制造试点示范推荐汇总表");
    expect(s.stampLine.zh).toBe("推荐单位（盖章）：");
    expect(s.columns.map((c) => c.header.zh)).toEqual(["序号", "试点示范名称", "企业名称", "联系人", "手机号码", "邮箱"]);
    expect(s.columns.map((c) => [c.key, c.type, c.required])).toEqual([
      ["serial", "serial", false],
      ["pilot-name", "text", true],
      ["enterprise", "text", true],
      ["contact", "text", true],
      ["mobile", "mobile", true],
      ["email", "email", true],
    ]);
    expect(s.blankRows).toBe(10);
  });

  test("附件4 注 1 and 2: priority order and the limit", () => {
    expect(s.notes.map((n) => n.zh)).toEqual(["推荐试点示范排名有先后", "推荐数量不能超过规定的上限"]);
  });

  test("notice 二(三): at most 5 from 综改示范区管委会 and 市经信委, 2 from 省行业管理办公室", () => {
    expect(s.recommenders.map((r) => [r.name.zh, r.limit])).toEqual([
      ["综改示范区管委会", 5],
      ["市经信委", 5],
      ["省行业管理办公室", 2],
    ]);
    for (const r of s.recommenders) expect(r.source).toMatchObject({ doc: SEEDS.shanxi2018, item: "二(三)", ruling: "S1" });
  });
});

describe("seed 002 附件1 卓越级智能工厂项目推荐汇总表 (ruling S2)", () => {
  const s: SummaryTable = load(national2024Summary, "summary");

  test("附件1 title, stamp line and column headers are as printed", () => {
    expect(s.title.zh).toBe("卓越级智能工厂项目推荐汇总表");
    expect(s.stampLine.zh).toBe("推荐单位（盖章）：");
    expect(s.columns.map((c) => c.header.zh)).toEqual([
      "序号",
      "申报单位名称",
      "卓越级智能工厂项目名称",
      "涉及典型场景实例（罗列）",
      "联系人",
      "联系方式（手机号）",
    ]);
    expect(s.columns.map((c) => c.type)).toEqual(["serial", "text", "text", "scenarios", "text", "mobile"]);
    expect(s.blankRows).toBe(7);
  });

  test("附件1 row 1's worked example is the scenario column's example, 环节—场景—实例", () => {
    const example = s.columns.find((c) => c.type === "scenarios")?.example?.zh ?? "";
    expect(example).toContain("生产作业（环节名）—人机协同作业（场景名）—多机协同的发动机壳体柔性加工与检测（实例名）");
  });

  test("附件1 注 1 and 2: priority order and the limit", () => {
    expect(s.notes.map((n) => n.zh)).toEqual(["推荐的卓越级智能工厂项目按优先次序排名", "推荐数量不能超过通知中规定的上限"]);
  });

  test("notice 二(二): at most 3 per recommender", () => {
    expect(s.recommenders.map((r) => [r.name.zh, r.limit])).toEqual([
      ["山西综改示范区管委会", 3],
      ["市工信局", 3],
    ]);
    for (const r of s.recommenders) expect(r.source).toMatchObject({ doc: SEEDS.shanxi2024, item: "二(二)", ruling: "S2" });
  });
});

describe("seed 001 附件1 智能制造试点示范申报书, section 一", () => {
  const f: Form = load(shanxi2018Application, "form");

  test("附件1 cover and 一(一)/(二) keep the printed field order", () => {
    expect(labels(f)).toEqual([
      ["封面", ["试点示范名称", "申报单位（盖章）", "推荐单位（盖章）", "申报日期"]],
      [
        "（一）企业基本信息",
        [
          "企业名称",
          "组织机构代码",
          "成立时间",
          "企业性质",
          "单位地址",
          "联系人姓名",
          "联系人电话",
          "联系人职务",
          "联系人手机",
          "联系人传真",
          "联系人E-mail",
          "总资产",
          "负债率",
          "信用等级",
          "上年销售",
          "上年税金",
          "上年利润",
          "是否在新型工业化示范基地",
          "基地名称",
          "是否是两化融合管理体系贯标试点企业",
          "企业简介",
        ],
      ],
      ["（二）试点示范基本信息", ["试点示范模式", "新技术创新应用", "名称", "地址", "起止日期", "总投资", "试点示范简述"]],
    ]);
  });

  test("附件1 一(一): 企业性质 is one of 国有/民营/三资, amounts in 万元, 企业简介 限400字", () => {
    const fields = new Map(f.sections.flatMap((s) => s.fields).map((x) => [x.key, x]));
    expect(fields.get("ownership")).toMatchObject({ type: "choice", options: [{ zh: "国有" }, { zh: "民营" }, { zh: "三资" }] });
    for (const key of ["total-assets", "last-year-sales", "last-year-tax", "last-year-profit", "total-investment"]) {
      expect(fields.get(key)).toMatchObject({ type: "number", unit: { zh: "万元" } });
    }
    expect(fields.get("debt-ratio")?.type).toBe("percent");
    expect(fields.get("profile")).toMatchObject({ type: "longtext", maxLength: 400 });
    expect(fields.get("pilot-summary")).toMatchObject({ type: "longtext", maxLength: 400 });
    expect(fields.get("in-demo-base")?.type).toBe("yesno");
    expect(fields.get("contact-mobile")?.type).toBe("mobile");
    expect(fields.get("contact-email")?.type).toBe("email");
  });

  test("附件1 一(二): 试点示范模式 offers the five modes and 其他; 新技术 offers 物联网 and 人工智能", () => {
    const fields = new Map(f.sections.flatMap((s) => s.fields).map((x) => [x.key, x]));
    expect(fields.get("modes")).toMatchObject({ type: "multichoice", other: true });
    expect(fields.get("modes")?.options?.map((o) => o.zh)).toEqual([
      "离散型智能制造模式",
      "流程型智能制造模式",
      "网络协同制造模式",
      "大规模个性化定制模式",
      "远程运维服务模式",
    ]);
    expect(fields.get("new-technologies")?.options?.map((o) => o.zh)).toEqual(["物联网", "人工智能"]);
  });
});

describe("seed 004 附件1 浦江县改造提升项目申报表", () => {
  const f: Form = load(pujiangApplication, "form");

  test("附件1 sections 一, 二, 三, 六 keep the printed field order", () => {
    expect(labels(f)).toEqual([
      ["一、企业基本情况", ["企业名称（公章）", "通讯地址", "邮政编码", "法人代表", "注册资本金", "企业经济性质", "总资产", "固定资产总额", "资产负债率"]],
      ["二、企业经营情况", ["企业经营情况"]],
      [
        "三、项目基本情况",
        ["项目名称", "项目类型", "项目实施起止时间", "项目负责人", "手机号码", "联系人", "手机号码", "传真", "主要目标", "实施内容", "现有基础", "关键问题", "技术路线"],
      ],
      ["六、审核意见", ["专家评审意见"]],
    ]);
  });

  test("附件1 二: 经营情况 is a grid of 2020年 and 本年度 × four figures in 万元", () => {
    const grid = f.sections[1].fields[0];
    expect(grid).toMatchObject({ type: "grid", unit: { zh: "万元" } });
    expect(grid.grid?.rows.map((r) => r.zh)).toEqual(["2020年", "本年度（截至申报期）"]);
    expect(grid.grid?.columns.map((c) => c.zh)).toEqual(["企业营业收入", "利润总额", "上缴税金", "信息化总投入"]);
  });

  test("附件1 三: 项目类型 is one of the four printed types; 实施内容 carries the form's hint", () => {
    const fields = new Map(f.sections.flatMap((s) => s.fields).map((x) => [x.key, x]));
    expect(fields.get("project-type")?.options?.map((o) => o.zh)).toEqual(["未来工厂", "智能工厂", "数字工厂", "数字化制造及行业平台化服务"]);
    expect(fields.get("project-type")?.type).toBe("choice");
    expect(fields.get("content")?.hint?.zh).toBe("如项目分期，明确注明每期具体目标和实施内容");
  });
});

describe("seed 004 附件3 浦江县验收表", () => {
  const f: Form = load(pujiangAcceptance, "form");

  test("附件3 keeps the printed field order", () => {
    expect(labels(f)).toEqual([
      ["验收时间", ["验收时间"]],
      [
        "项目建设情况",
        ["项目单位", "项目名称", "项目合作（支撑）单位名称", "本期设备金额", "本期软硬件金额", "软硬件占投资总额及比例", "开工时间", "竣工时间", "主要建设内容及成效"],
      ],
      ["验收中提出的主要问题及意见", ["验收中提出的主要问题及意见"]],
      ["综合意见", ["综合意见"]],
      ["企业参与验收人员", ["企业参与验收人员"]],
    ]);
  });

  test("附件3 amounts in 万元, the share is a percent, 综合意见 carries 专家签字, the form its three 备注", () => {
    const fields = new Map(f.sections.flatMap((s) => s.fields).map((x) => [x.key, x]));
    expect(fields.get("equipment-amount")).toMatchObject({ type: "number", unit: { zh: "万元" } });
    expect(fields.get("digital-amount")).toMatchObject({ type: "number", unit: { zh: "万元" } });
    expect(fields.get("digital-share")?.type).toBe("percent");
    expect(fields.get("overall-opinion")?.signature?.zh).toBe("专家签字：");
    expect(f.annex).toBe("附件3");
    expect(f.notes?.label.zh).toBe("备注");
    const notes = (f.notes?.items ?? []).map((i) => i.zh).join("；");
    for (const note of ["验收时需考察软硬件实际运行情况", "数据造假等行为的，不予验收", "如果二次验收都不过则不再验收"]) expect(notes).toContain(note);
    expect(fields.get("content-and-results")?.hint?.zh).toContain("从以下3个方面进行描述");
  });

  test("附件3 企业参与验收人员 holds the form's 6 people, 姓名 and 单位职务或岗位名称 each", () => {
    const grid = f.sections[4].fields[0].grid;
    expect(grid?.rows).toHaveLength(6);
    expect(grid?.columns.map((c) => c.zh)).toEqual(["姓名", "单位职务或岗位名称"]);
  });
});

describe("malformed copies are rejected, naming the template and the field", () => {
  test("S1 附件4: a summary whose first column is not 序号 (serial)", () => {
    const bad = structuredClone(shanxi2018Summary);
    (bad.columns[0] as { type: string }).type = "text";
    const e = rejection(bad);
    expect(e.templateId).toBe("shanxi-2018-summary");
    expect(e.message).toContain("shanxi-2018-summary");
    expect(e.message).toContain("columns.0.type");
  });

  test("S2 notice 二(二): a recommender limit of 0", () => {
    const bad = structuredClone(national2024Summary);
    (bad.recommenders[1] as { limit: number }).limit = 0;
    const e = rejection(bad);
    expect(e.message).toContain("national-2024-summary");
    expect(e.message).toContain("recommenders.1.limit");
  });

  test("seed 004 附件1 三 项目类型: a choice field without options", () => {
    const bad = structuredClone(pujiangApplication);
    delete (bad.sections[2].fields[1] as { options?: unknown }).options;
    const e = rejection(bad);
    expect(e.message).toContain("pujiang-application");
    expect(e.message).toContain("sections.2.fields.1.options");
  });

  test("seed 001 附件1: a field key used twice", () => {
    const bad = structuredClone(shanxi2018Application);
    (bad.sections[2].fields[2] as { key: string }).key = "enterprise-name";
    const e = rejection(bad);
    expect(e.message).toContain("shanxi-2018-application");
    expect(e.message).toMatch(/sections: field key enterprise-name appears twice/);
  });

  test("seed 004 附件3: a grid field without its grid", () => {
    const bad = structuredClone(pujiangAcceptance);
    delete (bad.sections[4].fields[0] as { grid?: unknown }).grid;
    const e = rejection(bad);
    expect(e.message).toContain("pujiang-acceptance");
    expect(e.message).toContain("sections.4.fields.0.grid");
  });

  test("K1 seed 002 附1: a KPI numbered out of order", () => {
    const bad = structuredClone(nationalKpis);
    const [a, b] = bad.categories[0].indicators;
    [a.no, b.no] = [b.no, a.no];
    const e = rejection(bad);
    expect(e.templateId).toBe("national-2024-kpis");
    expect(e.message).toContain("categories: indicators must be numbered 1, 2, 3… in order; found 2 at position 1");
  });

  test("K1 seed 002 附1: a KPI kind outside level/change", () => {
    const bad = structuredClone(nationalKpis);
    (bad.categories[1].indicators[0] as { kind: string }).kind = "delta";
    const e = rejection(bad);
    expect(e.message).toContain("national-2024-kpis");
    expect(e.message).toContain("categories.1.indicators.0.kind");
  });
});
