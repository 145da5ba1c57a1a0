/**
 * The merge preview (issue 6) over real workbooks: summary sheets and application forms written
 * by the xlsx writer, read back by read-source, then previewed into a summary table.
 */
import fc from "fast-check";
import { accepted, enterpriseKey, overLimit, previewMerge, type MergePreview } from "../../src/merge/preview";
import { readSources, type SourceFile } from "../../src/merge/read-source";
import { checkParams } from "../../src/sheets/params";
import { SHEET_TEMPLATES } from "../../src/sheets/registry";
import { national2024SummarySample as NATIONAL_2024_SUMMARY_SAMPLE } from "../../templates/samples/national-2024-summary";
import { FORM, formPlan, ROW_A, ROW_B, ROW_C, summaryPlan, workbookFile as file, type Row } from "./submissions";


const target = (recommender = "reform-zone", existing: Row[] = []) => ({ template: "shanxi-2018-summary" as const, recommender, existing, file: "推荐汇总表.xlsx", sheet: "试点示范推荐汇总表" });

describe("previewMerge", () => {
  test("rows in priority order: existing rows, then each source's rows in order, each with its source", async () => {
    const sources = await readSources([await file("区县汇总.xlsx", [summaryPlan([ROW_B, ROW_C])]), await file("长治轴承.xlsx", [formPlan(FORM)])]);
    const preview = previewMerge(target("reform-zone", [ROW_A]), sources);
    expect(preview.rows.map((r) => r.values.enterprise)).toEqual([ROW_A.enterprise, ROW_B.enterprise, ROW_C.enterprise, FORM["enterprise-name"]]);
    expect(preview.rows.map((r) => r.id)).toEqual(["t:1", "1:1:1", "1:1:2", "2:1:form"]);
    expect(preview.rows[0].source).toEqual({ file: "推荐汇总表.xlsx", sheet: "试点示范推荐汇总表", row: 0, existing: true });
    expect(preview.rows[2].source).toEqual({ file: "区县汇总.xlsx", sheet: "试点示范推荐汇总表", row: 1, existing: false });
    expect(preview.rows[2].audit).toBe("区县汇总.xlsx › 试点示范推荐汇总表 第 2 行");
    expect(preview.rows[3].audit).toBe("长治轴承.xlsx › 试点示范申报书");
    // The form's fields fill S1's columns.
    expect(preview.rows[3].values).toEqual({ "pilot-name": FORM["cover-pilot-name"], enterprise: FORM["enterprise-name"], contact: "孙丽", mobile: "13703551234", email: "sunli@czbearing.cn" });
    expect(preview.rows[1].values).toEqual(ROW_B);
    expect(preview.problems).toEqual([]);
    expect(preview.duplicates).toEqual([]);
    expect(overLimit(preview, accepted(preview, new Set()))).toBeNull();
    expect(accepted(preview, new Set()).map((r) => r.id)).toEqual(preview.rows.map((r) => r.id));
  });

  test("an invalid mobile is named with file, sheet and cell; the row is written only if kept", async () => {
    const bad = { ...ROW_B, mobile: "1580345123" };
    const sources = await readSources([await file("区县汇总.xlsx", [summaryPlan([ROW_A, bad])])]);
    const preview = previewMerge(target(), sources);
    const mobile = preview.problems.filter((p) => p.kind === "mobile");
    expect(mobile).toHaveLength(1);
    // Data rows start at row 5; 手机号码 is the fifth column: the second row's is E6.
    expect(mobile[0]).toMatchObject({ severity: "error", file: "区县汇总.xlsx", sheet: "试点示范推荐汇总表", cell: "E6", column: "mobile", rowId: "1:1:2" });
    expect(mobile[0].message.zh).toContain("11 位");
    expect(preview.rows.map((r) => r.invalid)).toEqual([false, true]);
    expect(accepted(preview, new Set()).map((r) => r.id)).toEqual(["1:1:1"]);
    expect(accepted(preview, new Set(["1:1:2"])).map((r) => r.id)).toEqual(["1:1:1", "1:1:2"]);
  });

  test("a blank required column and an invalid form e-mail and 统一社会信用代码 name their cells", async () => {
    const sources = await readSources([
      await file("区县汇总.xlsx", [summaryPlan([{ ...ROW_A, contact: "" }])]),
      await file("长治轴承.xlsx", [formPlan({ ...FORM, "contact-email": "sunli＠czbearing.cn", "org-code": "91140400MA0K3L7X2B" })]),
    ]);
    const preview = previewMerge(target(), sources);
    expect(preview.problems.find((p) => p.kind === "required")).toMatchObject({ file: "区县汇总.xlsx", cell: "D5", column: "contact" });
    const email = preview.problems.find((p) => p.kind === "email");
    const uscc = preview.problems.find((p) => p.kind === "uscc");
    expect(email).toMatchObject({ file: "长治轴承.xlsx", sheet: "试点示范申报书", rowId: "2:1:form" });
    expect(email?.cell).toMatch(/^[A-Z]+\d+$/);
    expect(uscc?.message.zh).toContain("校验位");
    expect(uscc?.cell).toMatch(/^[A-Z]+\d+$/);
    expect(uscc?.cell).not.toBe(email?.cell);
    expect(preview.rows.every((r) => r.invalid)).toBe(true);
  });

  test("duplicates by enterprise name across two files, spaces ignored; the same project is not 第十三条", async () => {
    const sources = await readSources([
      await file("甲区.xlsx", [summaryPlan([ROW_A, ROW_B])]),
      await file("乙区.xlsx", [summaryPlan([{ ...ROW_C }, { ...ROW_A, enterprise: " 山西晋阳液压装备　有限公司 " }])]),
    ]);
    const preview = previewMerge(target(), sources);
    expect(preview.duplicates).toHaveLength(1);
    expect(preview.duplicates[0]).toMatchObject({ by: ["name"], enterprise: ROW_A.enterprise });
    expect(preview.duplicates[0].members.map((m) => m.audit)).toEqual(["甲区.xlsx › 试点示范推荐汇总表 第 1 行", "乙区.xlsx › 试点示范推荐汇总表 第 2 行"]);
    expect(preview.onePerYear).toEqual([]);
    // The user unticks the second copy.
    expect(accepted(preview, new Set(), new Set(["2:1:2"])).map((r) => r.values.enterprise)).toEqual([ROW_A.enterprise, ROW_B.enterprise, ROW_C.enterprise]);
  });

  test("第十三条: the same enterprise with two different projects (by 统一社会信用代码 too)", async () => {
    const second = { ...FORM, "cover-pilot-name": "轴承装配智能产线试点示范", "enterprise-name": "长治轴承" };
    const sources = await readSources([await file("长治轴承-1.xlsx", [formPlan(FORM)]), await file("长治轴承-2.xlsx", [formPlan(second)])]);
    const preview = previewMerge(target(), sources);
    expect(preview.duplicates).toEqual([expect.objectContaining({ by: ["uscc"], enterprise: FORM["enterprise-name"] })]);
    expect(preview.onePerYear).toHaveLength(1);
    expect(preview.onePerYear[0]).toMatchObject({ rule: { doc: "seed 003", item: "第十三条", ruling: "T1" }, projects: [FORM["cover-pilot-name"], second["cover-pilot-name"]], rowIds: ["1:1:form", "2:1:form"] });
    expect(preview.onePerYear[0].message.zh).toContain("一年只能申报一项");
  });

  test("over the limit: 3 rows are within 综改示范区 (5) and over 省行业管理办公室 (2)", async () => {
    const sources = await readSources([await file("汇总.xlsx", [summaryPlan([ROW_A, ROW_B, ROW_C])])]);
    const within = previewMerge(target("reform-zone"), sources);
    expect(overLimit(within, accepted(within, new Set()))).toBeNull();
    const over = previewMerge(target("industry-office"), sources);
    expect(over.recommender).toEqual({ id: "industry-office", name: "省行业管理办公室", limit: 2 });
    expect(overLimit(over, accepted(over, new Set()))).toMatchObject({ limit: 2, count: 3, duplicatesIn: [] });
    expect(overLimit(over, accepted(over, new Set()))?.message.zh).toContain("上限 2 项");
    // A warning: the rows are still there to choose from.
    expect(accepted(over, new Set())).toHaveLength(3);
    // Dropping one row brings the count within the limit.
    expect(overLimit(over, accepted(over, new Set(), new Set(["1:1:3"])))).toBeNull();
    expect(previewMerge(target("综改示范区管委会"), sources).recommender.limit).toBe(5);
    expect(() => previewMerge(target("nobody"), sources)).toThrow(/unknown recommender/);
  });

  test("other Assessbook sheets are skipped with a reason; refused files keep theirs", async () => {
    const scoring = SHEET_TEMPLATES[0];
    const params = checkParams(scoring.params, {});
    if (!params.ok) throw new Error("default params refused");
    const scored = scoring.render(params.value, scoring.sample());
    if (!scored.ok) throw new Error("sample refused");
    const national = summaryPlan([], { template: "national-2024-summary" });
    const sources = await readSources([
      await file("混合.xlsx", [scored.value, summaryPlan([ROW_A]), national]),
      { name: "名单.csv", bytes: new TextEncoder().encode("企业名称\n某某公司\n") },
    ]);
    const preview = previewMerge(target(), sources);
    expect(preview.rows.map((r) => r.id)).toEqual(["1:2:1"]);
    expect(preview.skipped.map((s) => s.template)).toEqual([scoring.template, "national-2024-summary"]);
    expect(preview.skipped[1].reason.zh).toContain("另一张汇总表");
    expect(preview.skipped.every((s) => s.file === "混合.xlsx" && s.reason.zh.length > 0)).toBe(true);
    expect(preview.refused).toEqual([{ file: "名单.csv", kind: "not-xlsx", reason: expect.objectContaining({ zh: expect.stringContaining("不是 .xlsx") }) }]);

    // Into the 2024 table the 2018 form is not a source.
    const forms = await readSources([await file("长治轴承.xlsx", [formPlan(FORM)])]);
    const into2024 = previewMerge({ template: "national-2024-summary", recommender: "reform-zone" }, forms);
    expect(into2024.rows).toEqual([]);
    expect(into2024.skipped).toHaveLength(1);
  });
});

describe("previewMerge into the 2024 table (S2)", () => {
  test("rows of 2024 summaries; the same applicant with two projects is 第十三条; over the limit of 3", async () => {
    const [first, second] = NATIONAL_2024_SUMMARY_SAMPLE.rows;
    const other = { ...first, "project-name": "液压元件卓越级智能工厂" };
    const sources = await readSources([
      await file("甲.xlsx", [summaryPlan([first, second], { template: "national-2024-summary" })]),
      await file("乙.xlsx", [summaryPlan([other], { template: "national-2024-summary" }), formPlan(FORM)]),
    ]);
    const preview = previewMerge({ template: "national-2024-summary", recommender: "city-miit" }, sources);
    expect(preview.rows.map((r) => r.values.applicant)).toEqual([first.applicant, second.applicant, first.applicant]);
    expect(preview.rows[0].values.scenarios).toBe(first.scenarios);
    expect(preview.problems).toEqual([]);
    expect(preview.onePerYear).toEqual([expect.objectContaining({ enterprise: first.applicant, projects: [first["project-name"], other["project-name"]] })]);
    expect(overLimit(preview, accepted(preview, new Set()))).toBeNull();
    expect(preview.skipped.map((s) => s.template)).toEqual(["shanxi-2018-application"]);
    const over = previewMerge({ template: "national-2024-summary", recommender: "city-miit", existing: [second] }, sources);
    expect(overLimit(over, accepted(over, new Set()))).toMatchObject({ limit: 3, count: 4 });
  });
});

describe("previewMerge: sheets checkSheet does not pass", () => {
  test("another version is not read and is an error; a disagreeing formula cell and a form's other bad answer are warnings", async () => {
    const [summary, form] = await readSources([await file("汇总.xlsx", [summaryPlan([ROW_A])]), await file("长治轴承.xlsx", [formPlan({ ...FORM, "cover-date": "明年春天" })])]);
    if (!summary.ok || !form.ok) throw new Error("refused");
    const sheet = summary.sheets[0];
    const moved = { ...summary, sheets: [{ ...sheet, marker: { ...sheet.marker, version: 99 } }] };
    const old = previewMerge(target(), [moved]);
    expect(old.rows).toEqual([]);
    expect(old.skipped[0].reason.zh).toContain("另一版本");
    expect(old.problems).toEqual([expect.objectContaining({ kind: "sheet-status", severity: "error", file: "汇总.xlsx", sheet: "试点示范推荐汇总表" })]);

    // The count cell (in the status row under the printed table) as a spreadsheet that recalculated after someone edited its formula would show it.
    const count = summaryPlan([ROW_A]).results.find((r) => r.key === "count");
    if (count?.col !== 3) throw new Error("the count is in column C");
    const edited = { ...summary, sheets: [{ ...sheet, cell: (r: number, c: number) => (r === count.row && c === 3 ? { kind: "formula" as const, formula: "7", result: 7 } : sheet.cell(r, c)) }] };
    const warned = previewMerge(target(), [edited]);
    expect(warned.rows).toHaveLength(1);
    expect(warned.problems).toEqual([expect.objectContaining({ kind: "sheet-status", severity: "warning", cell: `C${count.row}` })]);

    const dated = previewMerge(target(), [form]);
    expect(dated.rows).toHaveLength(1);
    expect(dated.rows[0].invalid).toBe(false);
    expect(dated.problems).toEqual([expect.objectContaining({ kind: "sheet-answers", severity: "warning", file: "长治轴承.xlsx", cell: expect.stringMatching(/^[A-Z]+\d+$/) })]);
  });
});

describe("accepted: property", () => {
  const NAMES = ["山西晋阳液压装备有限公司", "山西汾河精密铸造有限公司", "山西太行智能装备股份有限公司", "山西长治轴承制造有限公司"];
  const PROJECTS = ["甲试点示范", "乙试点示范"];
  const MOBILES = ["13935112345", "15803451234", "1393511234", "0351-7021234"];
  const row = fc.record({
    "pilot-name": fc.constantFrom(...PROJECTS),
    enterprise: fc.constantFrom(...NAMES),
    contact: fc.constantFrom("王建国", "李敏", ""),
    mobile: fc.constantFrom(...MOBILES),
    email: fc.constantFrom("a@b.cn", "bad@", "x@y.com"),
  });
  const submission = fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("summary" as const), rows: fc.array(row, { minLength: 0, maxLength: 4 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("form" as const), row }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("junk" as const), text: fc.string({ maxLength: 20 }) }) },
  );

  test("every accepted source row appears exactly once, in priority order, and no input byte changes", async () => {
    let seen = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(submission, { minLength: 1, maxLength: 4 }), fc.array(row, { maxLength: 2 }), fc.infiniteStream(fc.boolean()), async (subs, existing, keepBits) => {
        const files: SourceFile[] = [];
        for (const [i, s] of subs.entries()) {
          if (s.kind === "summary") files.push(await file(`s${i}.xlsx`, [summaryPlan(s.rows)]));
          else if (s.kind === "form") {
            const r = s.row;
            files.push(await file(`f${i}.xlsx`, [formPlan({ "cover-pilot-name": r["pilot-name"], "enterprise-name": r.enterprise, "contact-name": r.contact, "contact-mobile": r.mobile, "contact-email": r.email })]));
          } else files.push({ name: `j${i}.txt`, bytes: new TextEncoder().encode(s.text) });
        }
        const copies = files.map((f) => Uint8Array.from(f.bytes));
        const preview: MergePreview = previewMerge(target("reform-zone", existing), await readSources(files));
        const keep = new Set(preview.rows.filter((r) => r.invalid && keepBits.next().value).map((r) => r.id));
        const written = accepted(preview, keep);
        seen += preview.rows.length;
        // A row is invalid exactly when an error names it.
        for (const r of preview.rows) expect(r.invalid).toBe(preview.problems.some((p) => p.rowId === r.id && p.severity === "error"));

        // Each id once, in the preview's order.
        const ids = written.map((r) => r.id);
        expect(new Set(ids).size).toBe(ids.length);
        const order = preview.rows.map((r) => r.id).filter((id) => ids.includes(id));
        expect(ids).toEqual(order);
        // Exactly the existing, valid and kept rows.
        expect(ids).toEqual(preview.rows.filter((r) => r.source.existing || !r.invalid || keep.has(r.id)).map((r) => r.id));
        // Every written row of the submissions, with its values; every row accounted for.
        const expected: Row[] = [...existing];
        subs.forEach((s) => {
          if (s.kind === "summary") expected.push(...s.rows.filter((r) => Object.values(r).some((v) => v !== "")));
          else if (s.kind === "form") expected.push(s.row);
        });
        const asWritten = (r: Row) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === "" ? null : v]));
        expect(preview.rows.map((r) => r.values)).toEqual(expected.map(asWritten));
        expect(preview.refused.length).toBe(subs.filter((s) => s.kind === "junk").length);
        // Duplicates group rows by name.
        for (const g of preview.duplicates) {
          const keys = new Set(g.members.map((m) => enterpriseKey(preview.rows.find((r) => r.id === m.rowId)?.values.enterprise ?? "")));
          expect(keys.size).toBe(1);
        }
        files.forEach((f, i) => expect(Buffer.from(f.bytes).equals(Buffer.from(copies[i]))).toBe(true));
      }),
      { numRuns: 12 },
    );
    expect(seen).toBeGreaterThan(0);
  }, 120_000);
});

describe("issue 12 item 6: the preview checks what build and extract check", () => {
  test("a 典型场景实例 not written 环节名—场景名—实例名 is a problem of its cell, as build --data refuses it", async () => {
    const [first, second] = NATIONAL_2024_SUMMARY_SAMPLE.rows;
    const bad = { ...second, scenarios: "设备管理 远程监测" };
    const sources = await readSources([await file("甲.xlsx", [summaryPlan([first, bad], { template: "national-2024-summary" })])]);
    const preview = previewMerge({ template: "national-2024-summary", recommender: "city-miit" }, sources);
    const scenarios = preview.problems.filter((p) => p.kind === "scenarios");
    expect(scenarios).toEqual([expect.objectContaining({ severity: "error", file: "甲.xlsx", rowId: "1:1:2", column: "scenarios", cell: expect.stringMatching(/^[A-Z]+6$/) })]);
    expect(scenarios[0].message.zh).toContain("环节名—场景名—实例名");
    expect(preview.rows.map((r) => r.invalid)).toEqual([false, true]);
    expect(accepted(preview, new Set()).map((r) => r.id)).toEqual(["1:1:1"]);

    // build --data refuses the same row with the same words: one check, not two copies.
    const template = SHEET_TEMPLATES.find((t) => t.id === "national-2024-summary");
    const params = checkParams(template?.params ?? [], {});
    if (!template || !params.ok) throw new Error("no national-2024-summary sheet");
    const built = template.render(params.value, { recommender: "某市工信局", rows: [first, bad] });
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.problems.map((p) => p.message.zh)).toEqual([scenarios[0].message.zh.replace(/^[^：]+：/, "")]);
  });

  test("over the limit counts the rows written (after --drop), and says when duplicates are still both in", async () => {
    const sources = await readSources([
      await file("甲区.xlsx", [summaryPlan([ROW_A, ROW_B])]),
      await file("乙区.xlsx", [summaryPlan([ROW_A, { ...ROW_C, mobile: "123" }])]),
    ]);
    // 省行业管理办公室: at most 2.
    const preview = previewMerge(target("industry-office"), sources);
    // The invalid row is not written, so 3 rows count, not 4; both copies of 晋阳液压 are in.
    const all = overLimit(preview, accepted(preview, new Set()));
    expect(all).toMatchObject({ limit: 2, count: 3, duplicatesIn: [{ enterprise: ROW_A.enterprise, rowIds: ["1:1:1", "2:1:1"] }] });
    expect(all?.message.zh).toBe(`共 3 项，超过省行业管理办公室的推荐上限 2 项；其中 1 家企业的重复行仍都在内：${ROW_A.enterprise}（1:1:1, 2:1:1），每家只留一份可少 1 项`);
    expect(all?.message.en).toContain("duplicates are still all in for 1 enterprise");
    // Dropping the second copy: 2 rows, within the limit.
    expect(overLimit(preview, accepted(preview, new Set(), new Set(["2:1:1"])))).toBeNull();
    // Keeping the invalid row and dropping the copy: 3 rows again, no duplicate left to mention.
    const kept = overLimit(preview, accepted(preview, new Set(["2:1:2"]), new Set(["2:1:1"])));
    expect(kept).toMatchObject({ count: 3, duplicatesIn: [] });
    expect(kept?.message.zh).toBe("共 3 项，超过省行业管理办公室的推荐上限 2 项");
  });
});
