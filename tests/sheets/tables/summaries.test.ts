/**
 * Recommendation summary tables (rulings S1–S3): the official layout from the template, the
 * row limit of each recommender (seed 001 二(三): 5 / 5 / 2; seed 002 二(二): 3 / 3) counted by
 * formula, 序号 numbered only on filled rows, mobile and e-mail checks on the sheet and in the data,
 * and the 环节名—场景名—实例名 form of S2's scenario column.
 */
import { GUIDE_STAGES } from "../../../templates/guide-stages";
import { findTemplate } from "../../../templates/index";
import type { SummaryTable } from "../../../templates/schema";
import { checkEmail, checkMobile } from "../../../src/core/validators";
import { PlanBuilder } from "../../../src/sheets/builder";
import type { SheetPlan } from "../../../src/sheets/plan";
import { STYLES } from "../../../src/sheets/styles";
import { emailOk, mobileOk } from "../../../src/sheets/tables/contact-formulas";
import { AUDIT_HEADER, AUDIT_KEY } from "../../../src/sheets/tables/summary-data";
import { summarySheet } from "../../../src/sheets/tables/summary-sheet";
import { paramsOf, plan, recalculated, resultFormula, sheet, typed, type Recalculated, withLibreOffice } from "./support";

function summary(id: string): SummaryTable {
  const t = findTemplate(id);
  if (t?.kind !== "summary") throw new Error(`no summary ${id}`);
  return t;
}

const textAt = (p: SheetPlan, row: number, col = 1) => p.cells.find((c) => c.row === row && c.col === col)?.value;
const dataRows = (p: SheetPlan) => new Set(p.inputs.filter((i) => i.code.startsWith("rows/")).map((i) => i.row)).size;
/** The count / limit / checks row: under the printed table (ruling F2), where the count result is bound. */
const statusRow = (p: SheetPlan) => p.results.find((r) => r.key === "count")?.row ?? 0;

describe.each(["shanxi-2018-summary", "national-2024-summary"])("%s: the official layout", (id) => {
  const t = summary(id);
  const p = plan(sheet(id), undefined);

  test("附件N, title, 推荐单位（盖章）： line, the template's columns in order, and the 注 under the table", () => {
    expect(textAt(p, 1)).toBe(t.annex);
    expect(textAt(p, 2)).toBe(t.title.zh);
    expect(textAt(p, 3)).toBe("推荐单位（盖章）：");
    // Headings too long for their column are broken before their bracket (联系方式 / （手机号）).
    expect(t.columns.map((_, i) => String(textAt(p, 4, i + 1)).replace("\n", ""))).toEqual(t.columns.map((c) => c.header.zh));
    const notes = p.cells.find((c) => typeof c.value === "string" && c.value.startsWith("注："))?.value as string;
    for (const n of t.notes) expect(notes).toContain(n.zh);
  });

  test("the default number of rows is the blank table's, and rows can go up to 200 (F1: landscape, one page wide)", () => {
    expect(dataRows(p)).toBe(t.blankRows);
    expect(dataRows(plan(sheet(id), undefined, { rows: 200 }))).toBe(200);
    expect(sheet(id).render({ rows: 201 }, undefined).ok).toBe(false);
    expect(p.print).toMatchObject({ orientation: "landscape", fitToWidth: true, repeatRows: { first: 4, last: 4 } });
  });

  test("the audit column right of the table: its header, a text cell per row for the row's source, outside the print area", () => {
    const audit = t.columns.length + 1;
    expect(textAt(p, 4, audit)).toBe(AUDIT_HEADER.zh);
    const cells = p.inputs.filter((i) => i.code.endsWith(`/${AUDIT_KEY}`));
    expect(cells).toHaveLength(t.blankRows);
    expect(cells.every((i) => i.col === audit)).toBe(true);
    expect(p.print.area).toMatchObject({ top: 1, left: 1, right: t.columns.length });
    // The official table prints down to its 注; S2's guidance and the status row are for the screen.
    const notes = p.cells.find((c) => typeof c.value === "string" && c.value.startsWith("注："));
    expect(p.print.area?.bottom).toBe(notes?.row);
    expect(statusRow(p)).toBeGreaterThan(p.print.area?.bottom ?? Infinity);
    const written = plan(sheet(id), { rows: [{ [AUDIT_KEY]: "甲县.xlsx › 汇总表 第 1 行" }] });
    expect(textAt(written, cells[0].row, audit)).toBe("甲县.xlsx › 汇总表 第 1 行");
  });

  test("序号 is a formula on every row, numbering filled rows only; nobody types it", () => {
    const serials = p.cells.filter((c) => c.col === 1 && c.row > 4 && c.formula);
    expect(serials).toHaveLength(t.blankRows);
    expect(p.inputs.some((i) => i.col === 1 && i.row > 4)).toBe(false);
  });
});

describe("row limits come from the template's recommenders", () => {
  test.each([
    ["shanxi-2018-summary", "reform-zone", 5],
    ["shanxi-2018-summary", "city-eitc", 5],
    ["shanxi-2018-summary", "industry-office", 2],
    ["national-2024-summary", "reform-zone", 3],
    ["national-2024-summary", "city-miit", 3],
  ])("%s, %s: at most %i rows (S1, S2)", (id, recommender, limit) => {
    const p = plan(sheet(id), undefined, { recommender });
    expect(resultFormula(p, "overLimit")).toMatch(new RegExp(`^IF\\(C${statusRow(p)}>${limit},"已超上限","未超上限"\\)$`));
    expect(textAt(p, statusRow(p))).toContain(`上限 ${limit} 项`);
  });

  test("a copy of the template with another limit gives another formula (the limit is not typed twice)", () => {
    const copy = structuredClone(summary("shanxi-2018-summary"));
    copy.recommenders[2].limit = 4;
    const r = summarySheet(copy, { name: "copy", sample: {} }).render({ recommender: "industry-office" }, undefined);
    if (!r.ok) throw new Error("the copy renders");
    expect(resultFormula(r.value, "overLimit")).toContain(`C${statusRow(r.value)}>4,`);
  });
});

describe("S2's scenario column is guided by the 14 guide 环节 and the official example", () => {
  const p = plan(sheet("national-2024-summary"), undefined);

  test("the guidance under the notes lists all fourteen 环节 of GUIDE_STAGES and the official example", () => {
    const texts = p.cells.map((c) => c.value).filter((v): v is string => typeof v === "string");
    const list = texts.find((s) => s.includes("个环节之一"));
    expect(list).toContain(GUIDE_STAGES.map((g) => g.name.zh).join("、"));
    expect(GUIDE_STAGES).toHaveLength(14);
    expect(texts).toContain(summary("national-2024-summary").columns.find((c) => c.type === "scenarios")?.example?.zh);
  });

  test("the scenario cells' input prompt gives the form and the 环节 names", () => {
    const v = p.validations.find((x) => x.kind === "textLength" && x.prompt?.zh.includes("环节名—场景名—实例名"));
    expect(v?.prompt?.zh).toContain("供应链管理");
  });

  test.each([
    ["生产作业—人机协同作业—多机协同的发动机壳体柔性加工与检测", true],
    ["1. 生产作业（环节名）— 人机协同作业（场景名）— 多机协同的发动机壳体柔性加工与检测（实例名）\n2.", true],
    ["1、质量管控——在线检测——铸件缺陷识别\n2、供应链管理-供应商协同-原料准时配送", true],
    ["生产制造—人机协同作业—焊接", false],
    ["生产作业—人机协同作业", false],
    ["   ", false],
  ])("%j is %s", (text, accepted) => {
    const r = sheet("national-2024-summary").render({}, { rows: [{ scenarios: text }] });
    if (accepted) expect(r.ok).toBe(true);
    else expect(r.ok ? [] : r.problems.map((x) => x.code)).toEqual(text.trim() ? ["rows/0/scenarios"] : []);
  });
});

describe("data problems name the row and column", () => {
  const s1 = sheet("shanxi-2018-summary");

  test("S3: a 10-digit mobile and a full-width ＠ e-mail are refused with the validators' reasons", () => {
    const r = s1.render({}, { rows: [{ mobile: "1391234567" }, { email: "wang＠163.com" }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { code: "rows/0/mobile", message: checkMobile("1391234567").reason },
      { code: "rows/1/email", message: checkEmail("wang＠163.com").reason },
    ]);
  });

  test("a mobile given as a JSON number keeps its 11 digits as text", () => {
    const p = plan(s1, { rows: [{ mobile: 13912345678 }] });
    const at = p.inputs.find((i) => i.code === "rows/0/mobile");
    expect(p.cells.find((c) => c.row === at?.row && c.col === at?.col)?.value).toBe("13912345678");
  });

  test("more rows than the sheet has, a 序号 given, an unknown column, a row that is not an object", () => {
    const r = s1.render({ rows: 2 }, { rows: [{ serial: 1 }, { town: "太原" }, "x"] });
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual(["rows", "rows/0/serial", "rows/1/town", "rows/2"]);
  });

  test("text beginning with = stays a value, never a formula", () => {
    const p = plan(s1, { rows: [{ enterprise: "=HYPERLINK(\"x\")" }] });
    const at = p.inputs.find((i) => i.code === "rows/0/enterprise");
    const cell = p.cells.find((c) => c.row === at?.row && c.col === at?.col);
    expect(cell).toMatchObject({ value: '=HYPERLINK("x")' });
    expect(cell?.formula).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// LibreOffice
// ---------------------------------------------------------------------------------------------

const ROW = (n: number) => ({ "pilot-name": `试点示范${n}`, enterprise: `山西某装备有限公司${n}`, contact: "王建国", mobile: "13935112345", email: "wang@example.com" });

const CASES = [
  { id: "shanxi-2018-summary", params: {}, data: sheet("shanxi-2018-summary").sample(), why: "the sample" },
  { id: "national-2024-summary", params: {}, data: sheet("national-2024-summary").sample(), why: "the sample" },
  { id: "shanxi-2018-summary", params: {}, data: undefined, why: "blank" },
  { id: "shanxi-2018-summary", params: { recommender: "industry-office" }, data: { rows: [ROW(1), {}, ROW(2), ROW(3)] }, why: "三 rows from a 省行业管理办公室: over its limit of 2, with a blank row kept in priority order" },
  { id: "shanxi-2018-summary", params: { recommender: "industry-office" }, data: { rows: [ROW(1), ROW(2)] }, why: "exactly the limit" },
  { id: "national-2024-summary", params: { rows: 5 }, data: { rows: [1, 2, 3, 4].map((n) => ({ applicant: `企业${n}`, contact: "李敏" })) }, why: "four rows against a limit of 3" },
];

/** Strings the sheet's checks and the engine's validators must agree on, and the documented differences. */
const MOBILES: [string | number, boolean][] = [
  ["13912345678", true],
  [13912345678, true],
  ["19912345678", true],
  ["12912345678", false],
  ["1391234567", false],
  ["139123456789", false],
  ["139 1234 5678", false],
  ["139-1234-5678", false],
  ["+8613912345678", false],
  ["１3912345678", false],
  ["0351-3046990", false],
  ["1391234567a", false],
];
const EMAILS: [string, boolean][] = [
  ["wangjg@jyhydraulic.com.cn", true],
  ["a.b-c@163.com", true],
  ["wang", false],
  ["wang@163", false],
  ["@163.com", false],
  ["wang@.com", false],
  ["wang@163.c", false],
  ["wa ng@163.com", false],
  ["a@b@163.com", false],
];
/** Simple on purpose (contact-formulas.ts): these pass the sheet's check but not the engine's. */
const EMAIL_LIMITS = ["wang@163..com", "wang@163.com。", "wang@１63.com"];

function contactPlan(): SheetPlan {
  const b = new PlanBuilder("checks", { template: "test", version: 1, params: {} });
  const values = [...MOBILES.map(([v]) => v), ...EMAILS.map(([v]) => v), ...EMAIL_LIMITS];
  values.forEach((v, i) => {
    b.value(i + 1, 1, v, typeof v === "string" ? { ...STYLES.label, numberFormat: "@" } : STYLES.label);
    b.formula(i + 1, 2, i < MOBILES.length ? mobileOk(`A${i + 1}`) : emailOk(`A${i + 1}`));
  });
  return b.build();
}

withLibreOffice("LibreOffice recalculates the counts, limits, 序号 and contact checks", () => {
  const plans = CASES.map((c) => plan(sheet(c.id), c.data, c.params));
  const overRow = typed(plan(sheet("shanxi-2018-summary"), { rows: [ROW(1), ROW(2)] }), "rows/1/mobile", "1391234567");
  const blankRequired = typed(plan(sheet("shanxi-2018-summary"), { rows: [ROW(1), ROW(2)] }), "rows/0/contact", null);
  let lo: Recalculated;
  beforeAll(async () => {
    lo = await recalculated([...plans, overRow, blankRequired, contactPlan()]);
  }, 180_000);

  test.each(CASES.map((c, i) => [c.id, c.why, i] as const))("%s — %s: count and overLimit as expected", (id, _why, i) => {
    const t = sheet(id);
    const want = t.expected(paramsOf(t, CASES[i].params), CASES[i].data);
    if (!want.ok) throw new Error(JSON.stringify(want.problems));
    expect(lo.results(i)).toEqual(want.value);
  });

  test("S1: over the limit reads 已超上限 and 序号 numbers the filled rows 1, (blank), 2, 3", () => {
    const i = CASES.findIndex((c) => c.why.startsWith("三 rows"));
    expect(lo.results(i)).toEqual({ count: 3, overLimit: "已超上限" });
    expect([5, 6, 7, 8, 9].map((row) => lo.value(i, row, 1))).toEqual([1, "", 2, 3, ""]);
  });

  test("S3: a hand-typed 10-digit mobile and a blank required cell are counted in the check line", () => {
    expect(lo.value(plans.length, statusRow(overRow), 5)).toBe("手机号码有误 1 处；邮箱有误 0 处；必填未填 0 处");
    expect(lo.value(plans.length + 1, statusRow(blankRequired), 5)).toBe("手机号码有误 0 处；邮箱有误 0 处；必填未填 1 处");
    expect(lo.value(0, statusRow(plans[0]), 5)).toBe("核对无误");
  });

  test("S3: the sheet's mobile check agrees with checkMobile, the e-mail check with checkEmail on common slips", () => {
    const index = plans.length + 2;
    MOBILES.forEach(([v, ok], i) => {
      expect([v, lo.value(index, i + 1, 2)]).toEqual([v, ok]);
      expect(checkMobile(v).valid).toBe(ok);
    });
    EMAILS.forEach(([v, ok], i) => {
      expect([v, lo.value(index, MOBILES.length + i + 1, 2)]).toEqual([v, ok]);
      expect(checkEmail(v).valid).toBe(ok);
    });
  });

  test("the e-mail formula's documented limits: double dots, a trailing 。 and full-width digits pass the sheet, not the engine", () => {
    const index = plans.length + 2;
    EMAIL_LIMITS.forEach((v, i) => {
      expect([v, lo.value(index, MOBILES.length + EMAILS.length + i + 1, 2)]).toEqual([v, true]);
      expect(checkEmail(v).valid).toBe(false);
    });
  });
});
