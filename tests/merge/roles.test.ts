/**
 * Merge reads a summary table by its column roles (issue 13 item 1): a table whose enterprise,
 * project, mobile and credit-code columns have keys of their own — built here, validated by the
 * same zod schema as the catalogue's — is previewed with its duplicates, 第十三条 and cell checks,
 * and rows from the forms its `feeds` names. Every summary of the catalogue can be merged into.
 */
import { SUMMARIES, findTemplate } from "../../templates/index";
import { summarySchema, type SummarySource, type SummaryTable } from "../../templates/schema";
import { shanxi2018Summary } from "../../templates/summaries/shanxi-2018-summary";
import { accepted, overLimit, previewMerge } from "../../src/merge/preview";
import { readSources } from "../../src/merge/read-source";
import { summaryTemplates } from "../../src/merge/summary-merge";
import { findSheetTemplate } from "../../src/sheets/registry";
import { FORM, formPlan, workbookFile as file } from "./submissions";

jest.setTimeout(60_000);

/** shanxi-2018-summary with every key renamed and a 统一社会信用代码 column added. */
const RENAMED = {
  ...shanxi2018Summary,
  id: "county-summary",
  columns: [
    { key: "no", header: { zh: "序号", en: "No." }, type: "serial", required: false },
    { key: "company", header: { zh: "企业名称", en: "Enterprise name" }, type: "text", required: true, role: "enterprise" },
    { key: "credit", header: { zh: "统一社会信用代码", en: "Unified social credit code" }, type: "text", required: false, role: "uscc" },
    { key: "item", header: { zh: "项目名称", en: "Project name" }, type: "text", required: true, role: "project" },
    { key: "person", header: { zh: "联系人", en: "Contact person" }, type: "text", required: true, role: "contact" },
    { key: "phone", header: { zh: "手机", en: "Mobile" }, type: "mobile", required: true, role: "mobile" },
  ],
  feeds: [{ ...shanxi2018Summary.feeds[0], columns: { company: ["enterprise-name"], item: ["cover-pilot-name", "pilot-name"], person: ["contact-name"], phone: ["contact-mobile"] } }],
} satisfies SummarySource;

const table: SummaryTable = summarySchema.parse(RENAMED);

const row = (company: string, item: string, credit: string | null = null, phone = "13935112345") => ({ company, credit, item, person: "王建国", phone });

describe("a summary table whose columns have other keys", () => {
  test("duplicates by the enterprise column's name and 第十三条 by the project column", () => {
    const existing = [row("山西晋阳液压装备有限公司", "液压支架试点"), row("山西晋阳液压装备有限公司 ", "铸造试点"), row("山西汾河精密铸造有限公司", "轮毂试点")];
    const preview = previewMerge({ template: table.id, table, recommender: "reform-zone", existing }, []);
    expect(preview.columns.map((c) => c.key)).toEqual(["company", "credit", "item", "person", "phone"]);
    expect(preview.duplicates).toEqual([expect.objectContaining({ by: ["name"], enterprise: "山西晋阳液压装备有限公司", members: [expect.objectContaining({ rowId: "t:1" }), expect.objectContaining({ rowId: "t:2" })] })]);
    expect(preview.onePerYear).toEqual([expect.objectContaining({ projects: ["液压支架试点", "铸造试点"], rowIds: ["t:1", "t:2"] })]);
    expect(preview.problems).toEqual([]);
  });

  test("the uscc column is checked and joins rows; the mobile column is checked by its role", () => {
    const existing = [row("甲公司", "甲项目", "91140400MA0K3L7X27"), row("乙公司", "乙项目", "91140400MA0K3L7X27"), row("丙公司", "丙项目", "91140400MA0K3L7X28", "1393511234")];
    const preview = previewMerge({ template: table.id, table, recommender: "reform-zone", existing }, []);
    expect(preview.duplicates).toEqual([expect.objectContaining({ by: ["uscc"], enterprise: "甲公司" })]);
    expect(preview.problems.map((p) => [p.kind, p.column, p.rowId])).toEqual([
      ["uscc", "credit", "t:3"],
      ["mobile", "phone", "t:3"],
    ]);
  });

  test("a feeding form fills the renamed columns, its credit-code field read as the row's code", async () => {
    const sources = await readSources([await file("长治轴承.xlsx", [formPlan(FORM)])]);
    const existing = [row("另一个名字", "别的项目", FORM["org-code"])];
    const preview = previewMerge({ template: table.id, table, recommender: "reform-zone", existing }, sources);
    expect(preview.rows[1].values).toEqual({ company: FORM["enterprise-name"], credit: null, item: FORM["cover-pilot-name"], person: "孙丽", phone: "13703551234" });
    expect(preview.duplicates).toEqual([expect.objectContaining({ by: ["uscc"], members: [expect.objectContaining({ rowId: "t:1" }), expect.objectContaining({ rowId: "1:1:form" })] })]);
  });

  test("the recommender's limit is read from the table given", () => {
    const existing = [row("甲", "1"), row("乙", "2"), row("丙", "3")];
    const preview = previewMerge({ template: table.id, table, recommender: "industry-office", existing }, []);
    expect(overLimit(preview, accepted(preview, new Set()), table)?.message.en).toContain("over the limit of 2 for Provincial industry administration office");
  });
});

describe("column roles in the schema", () => {
  const issues = (t: unknown) => {
    const r = summarySchema.safeParse(t);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };
  const withColumns = (columns: unknown[], rest: object = {}) => ({ ...RENAMED, columns, ...rest });

  test("the catalogue's tables and the renamed one pass", () => {
    expect(issues(RENAMED)).toEqual([]);
  });

  test("a table needs one enterprise column, each role once, and the type a role implies", () => {
    const [serial, company, credit, item, person, phone] = RENAMED.columns;
    expect(issues(withColumns([serial, { ...company, role: undefined }, credit, item, person, phone]))).toEqual(["columns: one column has the role enterprise (the enterprise's name)"]);
    expect(issues(withColumns([serial, company, { ...credit, role: "enterprise" }, item, person, phone]))).toEqual(["columns.2.role: columns company and credit both have the role enterprise"]);
    expect(issues(withColumns([serial, company, credit, item, person, { ...phone, type: "text" }]))).toEqual(["columns.5.role: a mobile column has the type mobile, not text"]);
  });

  test("a feed fills only the table's data columns", () => {
    const feeds = [{ ...RENAMED.feeds[0], columns: { enterprise: ["enterprise-name"] } }];
    expect(issues({ ...RENAMED, feeds })).toEqual(["feeds.0.columns.enterprise: enterprise is not a data column of this table; the columns are company, credit, item, person, phone"]);
  });
});

describe("the catalogue's summary tables", () => {
  test("every one can be merged into, and has a sheet to merge into", () => {
    expect(summaryTemplates()).toEqual(SUMMARIES.map((t) => t.id));
    for (const id of summaryTemplates()) expect(findSheetTemplate(id)?.params.map((p) => p.key)).toEqual(expect.arrayContaining(["recommender", "rows"]));
  });

  test("every feed names a form of the catalogue and fields of that form", () => {
    for (const t of SUMMARIES) {
      for (const feed of t.feeds) {
        const form = findTemplate(feed.form);
        expect(form?.kind).toBe("form");
        const keys = form?.kind === "form" ? form.sections.flatMap((s) => s.fields.map((f) => f.key)) : [];
        expect(keys).toEqual(expect.arrayContaining(Object.values(feed.columns).flat()));
      }
    }
  });
});
