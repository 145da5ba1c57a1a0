/**
 * Forms (seed 001 附件1, seed 004 附件1 and 附件3; ruling F1): A4 portrait, title 黑体 二号, body
 * 仿宋 三号, the template's fields in the official order, 限 N 字 as a text-length validation,
 * choices printed as ☑/☐, grids as small tables, and data checked field by field.
 */
import { findTemplate } from "../../../templates/index";
import type { Form, FormField } from "../../../templates/schema";
import { checkMobile } from "../../../src/core/validators";
import type { SheetPlan } from "../../../src/sheets/plan";
import { spread } from "../../../src/sheets/tables/form-sheet";
import { plan, recalculated, sheet, type Recalculated, withLibreOffice } from "./support";

const IDS = ["shanxi-2018-application", "pujiang-application", "pujiang-acceptance"];

function form(id: string): Form {
  const t = findTemplate(id);
  if (t?.kind !== "form") throw new Error(`no form ${id}`);
  return t;
}

/** The binding codes a field's cells carry, in reading order. */
function codesOf(f: FormField): string[] {
  if (f.type === "grid") return (f.grid?.rows ?? []).flatMap((_, r) => (f.grid?.columns ?? []).map((_, c) => `${f.key}/${r}/${c}`));
  if (f.type === "multichoice") return [...(f.options ?? []).map((o) => `${f.key}/${o.zh}`), ...(f.other ? [`${f.key}/其他`] : [])];
  return [f.key];
}

const valueOf = (p: SheetPlan, code: string) => {
  const i = p.inputs.find((x) => x.code === code);
  return p.cells.find((c) => c.row === i?.row && c.col === i?.col)?.value;
};

describe.each(IDS)("%s", (id) => {
  const f = form(id);
  const p = plan(sheet(id), undefined);

  test("every field is an input, in the template's (the printed form's) order, read row by row", () => {
    const inReadingOrder = [...p.inputs].sort((a, b) => a.row - b.row || a.col - b.col).map((i) => i.code);
    expect(inReadingOrder).toEqual(f.sections.flatMap((s) => s.fields.flatMap(codesOf)));
  });

  test("F1: A4 portrait, title in 黑体 22 pt, labels and answers in 仿宋 16 pt", () => {
    expect(p.print.orientation).toBe("portrait");
    // 附件N in 黑体 三号 above the title (ruling F2); a title too wide for the page is broken as typeset.
    expect(p.cells.find((c) => c.row === 1 && c.col === 1)).toMatchObject({ value: f.annex, style: { font: { name: "黑体", size: 16 } } });
    const title = p.cells.find((c) => c.row === 2 && c.col === 1);
    expect(title).toMatchObject({ style: { font: { name: "黑体", size: 22 } } });
    expect(String(title?.value).replace("\n", "")).toBe(f.title.zh);
    const fonts = new Set(p.inputs.map((i) => p.cells.find((c) => c.row === i.row && c.col === i.col)?.style?.font?.name));
    expect([...fonts]).toEqual(["仿宋"]);
    // A label too long for its column is broken before its bracket: 企业名称 / （公章）.
    const flat = (c: { value?: unknown }) => String(c.value).replace("\n", "");
    const label = p.cells.find((c) => flat(c) === f.sections[0].fields[0].label.zh || flat(c) === `${f.sections[0].fields[0].label.zh}（${f.sections[0].fields[0].unit?.zh}）`);
    expect(label?.style?.font).toMatchObject({ name: "仿宋", size: 16 });
  });

  test("the sample fills every field it gives, and no result is bound (a form computes nothing the engine does)", () => {
    const filled = plan(sheet(id), sheet(id).sample());
    expect(filled.results).toEqual([]);
    for (const key of Object.keys(sheet(id).sample() as object)) expect(filled.inputs.some((i) => i.code === key || i.code.startsWith(`${key}/`))).toBe(true);
  });
});

describe("field types", () => {
  const shanxi = plan(sheet("shanxi-2018-application"), sheet("shanxi-2018-application").sample());

  test("longtext: 限 400 字 is a text-length validation of its answer cell, and longer data is refused", () => {
    const profile = shanxi.inputs.find((i) => i.code === "profile");
    const v = shanxi.validations.find((x) => x.range.top === profile?.row && x.range.left === profile?.col);
    expect(v).toMatchObject({ kind: "textLength", min: 0, max: 400, prompt: { zh: "限 400 字" } });
    const r = sheet("shanxi-2018-application").render({}, { profile: "字".repeat(401) });
    expect(r.ok ? [] : r.problems).toEqual([{ code: "profile", message: { zh: "限 400 字，收到 401 字", en: "at most 400 characters, got 401" } }]);
  });

  test("choice: a dropdown of the options in the working column H (not printed), and a formula printing them as ☑/☐", () => {
    const at = shanxi.inputs.find((i) => i.code === "ownership");
    expect(at?.col).toBe(8);
    expect(shanxi.validations.find((v) => v.range.top === at?.row && v.range.left === at?.col)).toMatchObject({ kind: "list", options: ["国有", "民营", "三资"] });
    const h = `H${at?.row}`;
    const line = ["国有", "民营", "三资"].map((o) => `IF(${h}="${o}","☑${o}","☐${o}")`).join('&"\u3000"&');
    expect(shanxi.cells.find((c) => c.row === at?.row && c.col === 2)?.formula).toBe(line);
  });

  test("multichoice: one ☑/☐ per option; chosen options from an array or from extract's object form", () => {
    expect(valueOf(shanxi, "modes/离散型智能制造模式")).toBe("☑");
    expect(valueOf(shanxi, "modes/流程型智能制造模式")).toBe("☐");
    const fromObject = plan(sheet("shanxi-2018-application"), { modes: { 流程型智能制造模式: "☑", 其他: "数字孪生工厂" } });
    expect([valueOf(fromObject, "modes/流程型智能制造模式"), valueOf(fromObject, "modes/离散型智能制造模式"), valueOf(fromObject, "modes/其他")]).toEqual(["☑", "☐", "数字孪生工厂"]);
    const other = plan(sheet("shanxi-2018-application"), { modes: ["Mass customisation", "工业互联网平台"] });
    expect([valueOf(other, "modes/大规模个性化定制模式"), valueOf(other, "modes/其他")]).toEqual(["☑", "工业互联网平台"]);
    const noOther = sheet("shanxi-2018-application").render({}, { "new-technologies": ["区块链"] });
    expect(noOther.ok ? [] : noOther.problems.map((x) => x.code)).toEqual(["new-technologies"]);
  });

  test("date: written as a spreadsheet date; percent: as a fraction (G2); mobile: as 11-digit text (S3)", () => {
    // 2018-04-02 is day 43192 counted from 1899-12-30, as Excel counts.
    expect(valueOf(shanxi, "cover-date")).toBe(43192);
    expect(valueOf(shanxi, "debt-ratio")).toBeCloseTo(0.486, 12);
    expect(valueOf(shanxi, "contact-mobile")).toBe("13935112345");
  });

  test("grid: rows × columns of inputs over the form's columns; numbers for a grid with a unit (万元)", () => {
    const p = plan(sheet("pujiang-application"), sheet("pujiang-application").sample());
    expect(valueOf(p, "performance/1/3")).toBe(520);
    expect(spread(4, 2, 6)).toEqual([
      [2, 3],
      [4, 4],
      [5, 5],
      [6, 6],
    ]);
    expect(spread(2, 2, 6)).toEqual([
      [2, 4],
      [5, 6],
    ]);
  });

  test.each<[string, Record<string, unknown>, string[]]>([
    ["shanxi-2018-application", { "contact-mobile": "1393511234" }, ["contact-mobile"]],
    ["shanxi-2018-application", { "contact-email": "wang@163" }, ["contact-email"]],
    ["shanxi-2018-application", { founded: "2006-02-30" }, ["founded"]],
    ["shanxi-2018-application", { ownership: "合资" }, ["ownership"]],
    ["shanxi-2018-application", { "debt-ratio": 48.6 }, ["debt-ratio"]],
    ["shanxi-2018-application", { "in-demo-base": "也许" }, ["in-demo-base"]],
    ["pujiang-application", { "total-assets": "很多" }, ["total-assets"]],
    ["pujiang-application", { performance: [[1, 2, 3, 4, 5]] }, ["performance/0"]],
    ["pujiang-acceptance", { "enterprise-participants": [["张伟", "总经理"]], "overall-opinion": { text: "同意" } }, ["overall-opinion"]],
  ])("%s %j → Problems at %j", (id, data, codes) => {
    const r = sheet(id).render({}, data);
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual(codes);
  });

  test("S3: the mobile's Problem is checkMobile's own reason", () => {
    const r = sheet("pujiang-application").render({}, { "contact-mobile": "+86 13912345678" });
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual([checkMobile("+86 13912345678").reason]);
  });

  test("text from data beginning with = + - @ is written as a value, never as a formula", () => {
    const p = plan(sheet("pujiang-acceptance"), { problems: "=1+1", partner: "@某公司", "project-name": "-项目" });
    expect([valueOf(p, "problems"), valueOf(p, "partner"), valueOf(p, "project-name")]).toEqual(["=1+1", "@某公司", "-项目"]);
    expect(p.cells.filter((c) => c.formula?.includes("1+1"))).toEqual([]);
  });
});

withLibreOffice("LibreOffice draws the ☑/☐ lines and the character count", () => {
  const p = plan(sheet("shanxi-2018-application"), sheet("shanxi-2018-application").sample());
  let lo: Recalculated;
  beforeAll(async () => {
    lo = await recalculated([p]);
  }, 180_000);

  test("企业性质 民营 prints ☐国有　☑民营　☐三资; 两化融合 否 prints ☐是　☑否", () => {
    const row = (code: string) => p.inputs.find((i) => i.code === code)?.row ?? 0;
    expect(lo.value(0, row("ownership"), 2)).toBe("☐国有\u3000☑民营\u3000☐三资");
    expect(lo.value(0, row("integration-pilot"), 2)).toBe("☐是\u3000☑否");
  });

  test("the count beside 企业简介, in the working column H, reads 已填 n 字 / 限 400 字", () => {
    const at = p.inputs.find((i) => i.code === "profile");
    const n = Array.from(String(valueOf(p, "profile"))).length;
    expect(lo.value(0, at?.row ?? 0, 8)).toBe(`已填 ${n} 字 / 限 400 字`);
  });
});
