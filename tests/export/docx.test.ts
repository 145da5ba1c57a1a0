/**
 * Issue 11 item 3, rulings F1–F3: the .docx of each document a bureau receives, read back from
 * its XML — the table's cells against the workbook's rows or the form's answers, the official
 * blocks from the templates (附件N, 推荐单位（盖章）, 注, 承诺, signatures), the page (A4, GB/T 9704
 * margins) and the fonts by name.
 */
import { findTemplate } from "../../templates/index";
import type { Form, SummaryTable } from "../../templates/schema";
import { buildDocument, exportableIds, noteText, type DocumentModel } from "../../src/export/document";
import { docxBytes } from "../../src/export/docx";
import { exportableSheets, sheetDocument } from "../../src/export/source";
import { all, bodyParagraphs, cellText, paragraphText, readDocx, tables, type XmlElement } from "./docx-xml";
import { expectWellFormed } from "../xlsx/well-formed";
import { plan, sample, sheetsOf, typed } from "./workbook";

jest.setTimeout(60_000);

const summary = (id: string) => findTemplate(id) as SummaryTable;
const form = (id: string) => findTemplate(id) as Form;

function model(id: string, data: unknown): DocumentModel {
  const built = buildDocument(id, data);
  if (!built.ok) throw new Error(JSON.stringify(built.problems));
  return built.value;
}

async function docOf(m: DocumentModel): Promise<XmlElement> {
  return readDocx(await docxBytes(m));
}

const mm = (x: number) => String(Math.round((x * 1440) / 25.4));

/** Rows of 附件4 with a blank row between them, the official example's row and a formula-like name. */
const SHANXI_ROWS = [
  { "pilot-name": "高端液压支架离散型智能制造试点示范", enterprise: "山西晋阳液压装备有限公司", contact: "王建国", mobile: "13935112345", email: "wangjg@jyhydraulic.com.cn" },
  {},
  { "pilot-name": "=SUM(1,2)", enterprise: "+山西汾河精密铸造有限公司", contact: "@李敏", mobile: "15803451234", email: "limin@fhcasting.cn" },
];

describe("推荐汇总表 (S1, S2) as Word", () => {
  it("writes the workbook's rows, numbered, and leaves out blank rows (shanxi-2018-summary, read from a built workbook)", async () => {
    const sheets = await sheetsOf([plan("shanxi-2018-summary", { recommender: "太原市经济和信息化委员会", rows: SHANXI_ROWS })]);
    const [sheet] = exportableSheets(sheets);
    const doc = sheetDocument(sheet);
    if (!doc.ok) throw new Error(JSON.stringify(doc.problems));
    const xml = await docOf(doc.model);
    const [table] = tables(xml);
    const t = summary("shanxi-2018-summary");
    expect(table[0]).toEqual(t.columns.map((c) => c.header.zh));
    const filled = SHANXI_ROWS.filter((r) => Object.keys(r).length > 0) as Record<string, string>[];
    expect(table.slice(1)).toEqual(filled.map((r, i) => [String(i + 1), ...t.columns.slice(1).map((c) => r[c.key])]));
    // Text stays text: nothing beginning with = + @ became a formula or lost its first character.
    expect(table[2][1]).toBe("=SUM(1,2)");
    expect(table[2][2]).toBe("+山西汾河精密铸造有限公司");
    expect(table[2][3]).toBe("@李敏");
  });

  it("prints 附件N top-left, the title, 推荐单位（盖章）with the recommender, and the 注 in the template's words", async () => {
    const t = summary("shanxi-2018-summary");
    const xml = await docOf(model(t.id, { recommender: "太原市经济和信息化委员会", rows: SHANXI_ROWS }));
    const paragraphs = bodyParagraphs(xml);
    expect(paragraphs[0]).toBe(t.annex);
    expect(paragraphs[1]).toBe(t.title.zh);
    expect(paragraphs).toContain(`${t.stampLine.zh}太原市经济和信息化委员会`);
    const note = paragraphs.find((p) => p.startsWith("注："));
    for (const n of t.notes) expect(note).toContain(n.zh);
  });

  it("leaves out the official example row (附件1 row 1: 示例：…) and keeps the scenario lines (national-2024-summary)", async () => {
    const t = summary("national-2024-summary");
    const scenarios = t.columns.find((c) => c.type === "scenarios");
    const data = sample(t.id) as { recommender: string; rows: Record<string, string>[] };
    // Row 1 as the blank table prints it, typed into the sheet: its example is no valid entry.
    const rows = [{ applicant: "示例企业", scenarios: "生产作业—人机协同作业—占位" }, ...data.rows];
    const sheets = await sheetsOf([typed(plan(t.id, { recommender: data.recommender, rows }), "rows/0/scenarios", scenarios?.example?.zh ?? "")]);
    const doc = sheetDocument(exportableSheets(sheets)[0]);
    if (!doc.ok) throw new Error(JSON.stringify(doc.problems));
    const [table] = tables(await docOf(doc.model));
    expect(table).toHaveLength(1 + data.rows.length);
    expect(table.flat().join("\n")).not.toContain("示例");
    data.rows.forEach((r, i) => expect(table[i + 1]).toEqual([String(i + 1), ...t.columns.slice(1).map((c) => r[c.key])]));
  });

  it("is A4 landscape with GB/T 9704 margins turned, 黑体 二号 title and 仿宋 table text, bordered table with a repeated heading row", async () => {
    const xml = await docOf(model("national-2024-summary", sample("national-2024-summary")));
    const size = all(xml, "w:pgSz")[0].attrs;
    expect(size["w:orient"]).toBe("landscape");
    expect(Number(size["w:w"])).toBeGreaterThan(Number(size["w:h"]));
    expect(Math.abs(Number(size["w:w"]) - Number(mm(297)))).toBeLessThanOrEqual(2);
    expect(Math.abs(Number(size["w:h"]) - Number(mm(210)))).toBeLessThanOrEqual(2);
    const margin = all(xml, "w:pgMar")[0].attrs;
    // Turned with the page: the portrait left (28) on top, right (26) at the bottom, bottom (35) left, top (37) right.
    expect([margin["w:top"], margin["w:bottom"], margin["w:left"], margin["w:right"]]).toEqual([mm(28), mm(26), mm(35), mm(37)]);
    const runs = all(xml, "w:r");
    const title = runs.find((r) => paragraphText(r) === "卓越级智能工厂项目推荐汇总表") as XmlElement;
    expect(all(title, "w:rFonts")[0].attrs["w:eastAsia"]).toBe("黑体");
    expect(all(title, "w:sz")[0].attrs["w:val"]).toBe("44");
    const [tbl] = all(xml, "w:tbl");
    const cellRuns = all(tbl, "w:r").filter((r) => all(r, "w:t").some((t) => t.text.includes("山西晋阳液压装备有限公司")));
    expect(cellRuns.length).toBeGreaterThan(0);
    for (const r of cellRuns) {
      expect(all(r, "w:rFonts")[0].attrs["w:eastAsia"]).toBe("仿宋");
      expect(Number(all(r, "w:sz")[0].attrs["w:val"])).toBeGreaterThanOrEqual(18);
    }
    const borders = all(tbl, "w:tblBorders")[0];
    for (const side of ["w:top", "w:bottom", "w:left", "w:right", "w:insideH", "w:insideV"]) expect(all(borders, side)[0].attrs["w:val"]).toBe("single");
    expect(all(all(tbl, "w:tr")[0], "w:tblHeader")).toHaveLength(1);
  });

  it("names the field of a bad row, as build --data does", () => {
    const built = buildDocument("shanxi-2018-summary", { rows: [{ enterprise: "甲", mobile: "1234" }] });
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.problems.map((p) => p.code)).toContain("rows/0/mobile");
  });
});

describe("forms (申报书, 浦江申报表, 验收表) as Word", () => {
  it.each(exportableIds().map((id) => [id]))("%s: every XML part of the package is well-formed", async (id) => {
    await expectWellFormed(await docxBytes(model(id, sample(id))));
  });

  it("exports exactly the two summary tables and the three forms", () => {
    expect([...exportableIds()].sort()).toEqual(["national-2024-summary", "pujiang-acceptance", "pujiang-application", "shanxi-2018-application", "shanxi-2018-summary"]);
    const refused = buildDocument("shaoxing-discrete", {});
    expect(refused.ok).toBe(false);
  });

  it.each(["shanxi-2018-application", "pujiang-application", "pujiang-acceptance"])("%s: every answer of the workbook's form is in the cell beside its label; A4 portrait, GB/T 9704 margins", async (id) => {
    const f = form(id);
    const sheets = await sheetsOf([plan(id, sample(id))]);
    const doc = sheetDocument(exportableSheets(sheets)[0]);
    if (!doc.ok) throw new Error(JSON.stringify(doc.problems));
    const xml = await docOf(doc.model);
    const rows = tables(xml).flat();
    const data = sample(id) as Record<string, unknown>;
    for (const field of f.sections.flatMap((s) => s.fields)) {
      const value = data[field.key];
      if (value === undefined || field.type === "grid" || field.type === "multichoice" || field.type === "choice" || field.type === "yesno") continue;
      const label = field.unit ? `${field.label.zh}（${field.unit.zh}）` : field.label.zh;
      const expected = field.type === "date" ? dateText(String(value)) : String(value);
      const row = rows.find((r) => r.some((c, i) => c.split("\n")[0] === label && r[i + 1]?.startsWith(expected)));
      // The 申报书's cover prints its fields as lines, label：answer.
      const line = bodyParagraphs(xml).includes(`${label}：${expected}`);
      expect({ field: field.key, found: row !== undefined || line }).toEqual({ field: field.key, found: true });
    }
    const size = all(xml, "w:pgSz")[0].attrs;
    expect(size["w:orient"]).toBe("portrait");
    expect(Number(size["w:h"])).toBeGreaterThan(Number(size["w:w"]));
    const margin = all(xml, "w:pgMar")[0].attrs;
    expect([margin["w:top"], margin["w:bottom"], margin["w:left"], margin["w:right"]]).toEqual([mm(37), mm(35), mm(28), mm(26)]);
    const paragraphs = bodyParagraphs(xml);
    expect(paragraphs[0]).toBe(f.annex);
    expect(paragraphs[1]).toBe(f.title.zh);
  });

  it("申报书: the cover has no 封面 title, 一、企业和试点示范基本信息 starts a new page, and the 真实性承诺 row carries the seed's pledge and signature lines", async () => {
    const f = form("shanxi-2018-application");
    const xml = await docOf(model(f.id, sample(f.id)));
    const paragraphs = bodyParagraphs(xml);
    expect(paragraphs).not.toContain("封面");
    // The cover: its lines after the title, each field's label and answer.
    expect(paragraphs.slice(2, 6)).toEqual(["试点示范名称：高端液压支架离散型智能制造试点示范", "申报单位（盖章）：山西晋阳液压装备有限公司", "推荐单位（盖章）：山西转型综合改革示范区管理委员会", "申报日期：2018年4月2日"]);
    const heading = all(xml, "w:p").find((p) => paragraphText(p) === "一、企业和试点示范基本信息") as XmlElement;
    expect(all(heading, "w:pageBreakBefore")).toHaveLength(1);
    const cells = tables(xml).flat(2);
    const pledge = f.pledge;
    if (!pledge) throw new Error("the 申报书 template has no pledge");
    expect(cells).toContain(pledge.title.zh);
    const text = cells.find((c) => c.startsWith(pledge.text.zh)) ?? "";
    for (const s of pledge.signatures) expect(text).toContain(s.zh);
    // 企业性质 prints every option with the chosen one ticked.
    expect(cells).toContain("☐国有  ☑民营  ☐三资");
  });

  it("浦江申报表: 项目内容概述 is one cell merged down beside its five long texts", async () => {
    const xml = await docOf(model("pujiang-application", sample("pujiang-application")));
    const group = all(xml, "w:tc").filter((tc) => cellText(tc) === "项目内容概述");
    expect(group).toHaveLength(1);
    expect(all(group[0], "w:vMerge")[0].attrs["w:val"]).toBe("restart");
    expect(all(xml, "w:vMerge").filter((v) => v.attrs["w:val"] !== "restart")).toHaveLength(4);
  });

  it("验收表: 专家签字 under 综合意见 and the 备注 under the table, in the template's words", async () => {
    const f = form("pujiang-acceptance");
    const xml = await docOf(model(f.id, sample(f.id)));
    const cells = tables(xml).flat(2);
    expect(cells.some((c) => c.includes("专家签字："))).toBe(true);
    if (!f.notes) throw new Error("the 验收表 template has no notes");
    expect(bodyParagraphs(xml)).toContain(noteText(f.notes));
    expect(noteText(f.notes)).toMatch(/^备注：1、.+；2、.+；3、.+。$/);
  });

  it("writes a field's text as it is: =SUM(1,2) stays literal", async () => {
    const data = { ...(sample("pujiang-application") as Record<string, unknown>), "project-name": "=SUM(1,2)" };
    const sheets = await sheetsOf([plan("pujiang-application", data)]);
    const doc = sheetDocument(sheets[0]);
    if (!doc.ok) throw new Error(JSON.stringify(doc.problems));
    const cells = tables(await docOf(doc.model)).flat(2);
    expect(cells).toContain("=SUM(1,2)");
  });
});

describe("text from a stranger's workbook", () => {
  it("characters XML forbids (what `_xFFFE_` in a cell decodes to) never reach document.xml", async () => {
    const clean = model("shanxi-2018-summary", { recommender: "reform-zone", rows: [SHANXI_ROWS[0]] });
    const hostile = JSON.parse(JSON.stringify(clean).replace("王建国", "王\\ufffe建\\u0001国")) as DocumentModel;
    const bytes = await docxBytes(hostile);
    await expectWellFormed(bytes);
    expect(tables(await readDocx(bytes)).flat(2)).toContain("王建国");
  });
});

describe("which sheets export", () => {
  it("refuses a sheet that is not a summary table or a form, saying what it is", async () => {
    const sheets = await sheetsOf([plan("shaoxing-discrete", undefined)]);
    expect(exportableSheets(sheets)).toEqual([]);
    const doc = sheetDocument(sheets[0]);
    expect(doc.ok).toBe(false);
    if (!doc.ok) expect(doc.problems[0].message.zh).toContain("不是推荐汇总表或申报表");
  });
});

function dateText(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}
