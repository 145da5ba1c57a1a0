/**
 * insertPlans against the recording double: what reaches the workbook is exactly the plan, in at
 * most three syncs for every official sheet, without ever overwriting a sheet, and a failure comes
 * back as a result naming Office's cause.
 */
import { batches, columnPoints, footerSections, insertPlans, jsonBytes, keepsAsTyped, planWrites, PAYLOAD_LIMIT } from "../../src/office/insert";
import { PlanBuilder } from "../../src/sheets/builder";
import { checkParams } from "../../src/sheets/params";
import { decodeMarker } from "../../src/sheets/marker";
import type { SheetPlan } from "../../src/sheets/plan";
import { SHEET_TEMPLATES } from "../../src/sheets/registry";
import { STYLES } from "../../src/sheets/styles";
import { uniqueSheetName } from "../../src/xlsx/sheet-names";
import { smallPlan } from "../xlsx/helpers";
import { a1, WorkbookDouble } from "./excel-double";
import { markerColumn, samplePlan } from "./support";

describe("insertPlans writes every official sheet exactly as planned", () => {
  it.each(SHEET_TEMPLATES.map((t) => [t.id, t] as const))("%s: values, formulas and marker, in 3 syncs (names, writes, calculation)", async (_, template) => {
    const plan = samplePlan(template);
    const book = new WorkbookDouble();
    const result = await insertPlans(book.run, [plan]);
    expect(result).toEqual({ ok: true, sheets: [uniqueSheetName(plan.name, ["Sheet1"])], syncs: 3 });
    if (!result.ok) return;
    const sheet = book.mustSheet(result.sheets[0]);
    for (const c of plan.cells) {
      const got = sheet.get(c.row, c.col);
      const where = `${template.id}!${a1(c.row, c.col)}`;
      if (c.formula !== undefined) expect([where, got?.formula]).toEqual([where, `=${c.formula}`]);
      else if (c.value !== undefined && c.value !== null) expect([where, got?.value, got?.formula]).toEqual([where, c.value, undefined]);
      else expect([where, got?.value ?? "", got?.formula]).toEqual([where, "", undefined]);
    }
    // Nothing else holds a value but the marker (and any dropdown list column).
    const col = markerColumn(sheet);
    expect(col).toBeGreaterThan(Math.max(...plan.cells.map((c) => c.col)));
    expect(decodeMarker(sheet.get(1, col)?.value)).toEqual(plan.marker);
    expect(book.recorded(sheet.name, "columnHidden").map((r) => r.address)).toContain(`${a1(1, col).replace(/\d+/, "")}:${a1(1, col).replace(/\d+/, "")}`);
    // Calculation suspended for the write; the sheet protected after everything else and shown.
    expect(book.suspended).toBe(1);
    const log = book.recorded(sheet.name);
    if (plan.protection.enabled) expect(log[log.length - 2].path).toBe("protection.protect");
    expect(log[log.length - 1]).toMatchObject({ path: "calculate", value: true });
    expect(book.active).toBe(sheet.name);
    expect(book.requests[1]).toBeLessThan(PAYLOAD_LIMIT / 4);
  });

  it("inserts every official sheet at once in three syncs, each under a unique name", async () => {
    const plans = SHEET_TEMPLATES.map((t) => samplePlan(t));
    const book = new WorkbookDouble({ sheets: ["Sheet1", plans[0].name] });
    const result = await insertPlans(book.run, plans);
    expect(result.ok && result.syncs).toBe(3);
    if (!result.ok) return;
    expect(new Set(result.sheets.map((n) => n.toLowerCase())).size).toBe(plans.length);
    expect(result.sheets[0]).toBe(`${plans[0].name} (2)`.length <= 31 ? `${plans[0].name} (2)` : expect.stringMatching(/ \(2\)$/));
    expect(book.active).toBe(result.sheets[0]);
    expect(Math.max(...book.requests)).toBeLessThan(PAYLOAD_LIMIT);
  });
});

describe("calculation after the write", () => {
  it("each new sheet is calculated (all marked dirty) in a sync after the writes that suspended calculation", async () => {
    const book = new WorkbookDouble({ sheets: ["Sheet1"] });
    const result = await insertPlans(book.run, [smallPlan("甲"), smallPlan("乙")]);
    expect(result).toMatchObject({ ok: true, syncs: 3 });
    expect(book.log.filter((r) => r.path === "calculate")).toEqual([
      { sheet: "甲", address: "", path: "calculate", value: true },
      { sheet: "乙", address: "", path: "calculate", value: true },
    ]);
    // Two requests carried writes under suspended calculation; the last one only calculates.
    expect(book.suspended).toBe(1);
    expect(book.requests[2]).toBeLessThan(1_000);
  });
});

describe("insertPlans never overwrites", () => {
  it('a taken name becomes "名 (2)", then "名 (3)"; the existing sheet keeps its cells', async () => {
    const book = new WorkbookDouble({ sheets: ["表1", "表1 (2)"] });
    book.mustSheet("表1").put(2, 2, { value: "mine" });
    const result = await insertPlans(book.run, [smallPlan("表1"), smallPlan("表1")]);
    expect(result).toEqual({ ok: true, sheets: ["表1 (3)", "表1 (4)"], syncs: 3 });
    expect(book.mustSheet("表1").get(2, 2)?.value).toBe("mine");
    expect(book.mustSheet("表1").cells.size).toBe(1);
    expect(book.sheets.map((s) => s.name)).toEqual(["表1", "表1 (2)", "表1 (3)", "表1 (4)"]);
  });

  it("the taken test ignores case and cleans names Excel refuses", async () => {
    const book = new WorkbookDouble({ sheets: ["SHEET"] });
    const result = await insertPlans(book.run, [smallPlan("sheet"), smallPlan("a/b:c")]);
    expect(result.ok && result.sheets).toEqual(["sheet (2)", "a_b_c"]);
  });
});

describe("text stays text", () => {
  const texts = ["=1+1", "=SUM(A1:A3)", "+86 138 0013 8000", "-5%", "@home", "13800138000", "0571-8888 1234", "TRUE", "#N/A", "2024/1/2", "1e5", "'quoted"];
  it.each(texts)("%s is written as text, never as a formula, number or date", async (text) => {
    const plan = new PlanBuilder("t", { template: "hand-made", version: 1, params: {} }).value(2, 2, text, STYLES.label).value(2, 3, "普通文字").value(2, 4, 3.5).formula(2, 5, "B2&C2").build();
    const book = new WorkbookDouble();
    const result = await insertPlans(book.run, [plan]);
    expect(result.ok).toBe(true);
    const sheet = book.mustSheet("t");
    expect(sheet.get(2, 2)).toMatchObject({ value: text, numberFormat: "@" });
    expect(sheet.get(2, 2)?.formula).toBeUndefined();
    // Plain text, numbers and formulas keep their own format.
    expect(sheet.get(2, 3)).toMatchObject({ value: "普通文字", numberFormat: "General" });
    expect(sheet.get(2, 4)).toMatchObject({ value: 3.5, numberFormat: "General" });
    expect(sheet.get(2, 5)).toMatchObject({ formula: "=B2&C2" });
  });

  it("the double really would have turned them into something else without the text format", () => {
    for (const t of texts.slice(0, 9)) expect(keepsAsTyped(t)).toBe(false);
    expect(keepsAsTyped("是")).toBe(true);
    expect(keepsAsTyped("领先水平")).toBe(true);
  });
});

describe("the rest of the plan", () => {
  it("validations with zh prompts and errors, conditional formats, names, panes, print setup, protection", async () => {
    const plan = smallPlan("表1");
    const book = new WorkbookDouble();
    await insertPlans(book.run, [plan]);
    const at = (path: string) => book.recorded("表1", path).map((r) => [r.address, r.value]);
    expect(at("dataValidation.rule")).toEqual([
      ["B3:B3", { decimal: { formula1: 0, formula2: 1, operator: "Between" } }],
      ["B4:B4", { wholeNumber: { formula1: 0, formula2: 1000, operator: "Between" } }],
    ]);
    expect(at("dataValidation.errorAlert")[0][1]).toEqual({ showAlert: true, style: "Stop", title: "输入有误", message: "比率应在 0 到 100% 之间" });
    expect(at("dataValidation.prompt")).toEqual([["B3:B3", { showPrompt: true, title: "填写说明", message: "填 0–100%" }]]);
    expect(at("dataValidation.ignoreBlanks")).toEqual([["B3:B3", true], ["B4:B4", true]]);
    // The plan's own rule, then the input shade on blank answers (PlanBuilder: a fill that prints in no spreadsheet once answered).
    expect(at("conditionalFormats.add(Custom).custom.rule.formula")).toEqual([
      ["B5:B5", "=B5>=10"],
      ["B3:B4", "=ISBLANK(B3)"],
    ]);
    expect(at("conditionalFormats.add(Custom).custom.format.fill.color")).toEqual([
      ["B5:B5", "#C6EFCE"],
      ["B3:B4", "#FFF2CC"],
    ]);
    expect(at("names.add")).toEqual([["", ["总分", "B5:B5"]]]);
    expect(at("freezePanes.freezeAt")).toEqual([["", "A1:A2"]]);
    expect(at("merge")).toEqual([["A1:C1", false]]);
    expect(at("pageLayout.paperSize")).toEqual([["", "A4"]]);
    expect(at("pageLayout.orientation")).toEqual([["", "Landscape"]]);
    expect(at("pageLayout.zoom")).toEqual([["", { horizontalFitToPages: 1, verticalFitToPages: 0 }]]);
    expect(at("pageLayout.setPrintTitleRows")).toEqual([["", "$1:$2"]]);
    expect(at("pageLayout.setPrintArea")).toEqual([["", "$A$1:$C$5"]]);
    expect(at("pageLayout.headersFooters.defaultForAllPages.centerFooter")).toEqual([["", "第 &P 页，共 &N 页"]]);
    // GB/T 9704, turned for landscape: left 35 mm (ruling F2).
    expect(at("pageLayout.leftMargin")).toEqual([["", 1.378 * 72]]);
    expect(at("pageLayout.blackAndWhite")).toEqual([["", true]]);
    expect(at("protection.protect")).toEqual([["", { allowFormatColumns: true, allowFormatRows: true }]]);
    expect(at("format.columnWidth")).toEqual([["A:A", columnPoints(20)], ["B:B", columnPoints(12)]]);
    expect(at("format.rowHeight")).toEqual([["1:1", 30]]);
    // Input cells unlocked; everything else stays locked (Excel's default).
    expect(at("format.protection.locked")).toEqual([["B3:B4", false]]);
    // The shade is the conditional format above, never a static fill (it would print).
    expect(at("format.fill.color")).not.toContainEqual(["B3:B4", "#FFF2CC"]);
    expect(at("format.borders.getItem(InsideHorizontal).weight")).toContainEqual(["B3:B4", "Thin"]);
  });

  it("a long dropdown list goes down a hidden column, and the marker after it", async () => {
    const options = Array.from({ length: 40 }, (_, i) => `选项，第${i + 1}项`);
    const plan = new PlanBuilder("l", { template: "hand-made", version: 1, params: {} })
      .input(2, 2, "x", STYLES.input)
      .validate({ kind: "list", range: { top: 2, left: 2, bottom: 2, right: 2 }, options, error: { zh: "请选择", en: "choose" } })
      .build();
    const book = new WorkbookDouble();
    await insertPlans(book.run, [plan]);
    const sheet = book.mustSheet("l");
    expect(book.recorded("l", "dataValidation.rule")[0].value).toEqual({ list: { inCellDropDown: true, source: "=$C$1:$C$40" } });
    expect(sheet.get(40, 3)).toMatchObject({ value: "选项，第40项", numberFormat: "@" });
    expect(markerColumn(sheet)).toBe(4);
    expect(book.recorded("l", "columnHidden").map((r) => r.address)).toEqual(["C:C", "D:D"]);
  });

  it("footers with section codes keep their sections", () => {
    expect(footerSections("&L左&C第 &P 页&R右")).toEqual({ left: "左", center: "第 &P 页", right: "右" });
    expect(footerSections("第 &P 页")).toEqual({ center: "第 &P 页" });
  });
});

/** A sheet whose queued writes pass 5 MB: 60,000 long text cells. */
function hugePlan(): SheetPlan {
  const b = new PlanBuilder("大表", { template: "hand-made", version: 1, params: {} });
  const text = "智能制造评估".repeat(15);
  for (let r = 1; r <= 6000; r++) for (let c = 1; c <= 10; c++) b.value(r, c, `${text}${r}-${c}`);
  return b.build();
}

describe("the 5 MB payload limit of Excel on the web", () => {
  it("queued as one request, it would pass 5 MB and be refused, as Excel on the web refuses it", async () => {
    const plan = hugePlan();
    const writes = planWrites([plan], ["大表"]);
    expect(writes.reduce((n, w) => n + w.size, 0)).toBeGreaterThan(PAYLOAD_LIMIT);
    expect(batches(writes, Infinity)).toHaveLength(1);
    const book = new WorkbookDouble();
    const oneRequest = book.run(async (context) => {
      const target = { context, sheets: [] as Excel.Worksheet[] };
      for (const w of writes) w.queue(target);
      await context.sync();
    });
    await expect(oneRequest).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(book.requests[0]).toBeGreaterThan(PAYLOAD_LIMIT);
  });

  it("is split into batches under the limit, one sync each, and everything arrives", async () => {
    const plan = hugePlan();
    const book = new WorkbookDouble();
    const result = await insertPlans(book.run, [plan]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.syncs).toBeGreaterThan(3);
    expect(result.syncs).toBe(book.syncs);
    expect(Math.max(...book.requests)).toBeLessThan(PAYLOAD_LIMIT);
    expect(book.suspended).toBe(result.syncs - 2);
    const sheet = book.mustSheet("大表");
    expect(sheet.get(6000, 10)?.value).toBe(`${"智能制造评估".repeat(15)}6000-10`);
    expect(sheet.get(1, 1)?.value).toBe(`${"智能制造评估".repeat(15)}1-1`);
    expect(book.active).toBe("大表");
  });

  it("sizes are UTF-8 bytes, as the request travels: a CJK character is 3", () => {
    expect(jsonBytes("智能")).toBe(8);
    expect(jsonBytes([["a", 1]])).toBe(9);
    expect(jsonBytes("𠀀")).toBe(6);
  });

  it("every official sheet is far below the limit: its whole write is one request", () => {
    for (const t of SHEET_TEMPLATES) {
      const writes = planWrites([samplePlan(t)], ["x"]);
      expect([t.id, batches(writes).length]).toEqual([t.id, 1]);
    }
  });
});

/** The template rendered blank at the largest parameters it accepts (500 batch rows, 200 summary rows …). */
function largest(t: (typeof SHEET_TEMPLATES)[number]): SheetPlan {
  const maxed = Object.fromEntries(t.params.filter((p) => p.type === "integer" && p.max !== undefined).map((p) => [p.key, p.max as number]));
  const params = checkParams(t.params, maxed);
  if (!params.ok) throw new Error(JSON.stringify(params.problems));
  const plan = t.render(params.value, undefined);
  if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
  return plan.value;
}

describe("the largest official sheets", () => {
  it("at their largest parameters, only the two 500-row batch sheets need more than one write request", () => {
    const split = SHEET_TEMPLATES.filter((t) => batches(planWrites([largest(t)], ["x"])).length > 1).map((t) => t.id);
    expect(split).toEqual(["shaoxing-discrete-batch", "shaoxing-process-batch"]);
  });

  it("the 500-row discrete batch sheet arrives whole in 5 syncs (names, three write requests, calculation), every request under 5 MB", async () => {
    const t = SHEET_TEMPLATES.find((x) => x.id === "shaoxing-discrete-batch")!;
    const plan = largest(t);
    const book = new WorkbookDouble();
    const result = await insertPlans(book.run, [plan]);
    expect(result).toMatchObject({ ok: true, syncs: 5 });
    expect(Math.max(...book.requests)).toBeLessThan(PAYLOAD_LIMIT);
    const sheet = book.mustSheet(plan.name);
    const formulas = plan.cells.filter((c) => c.formula !== undefined);
    expect(formulas.filter((c) => sheet.get(c.row, c.col)?.formula !== `=${c.formula}`)).toEqual([]);
    expect(book.recorded(plan.name, "protection.protect")).toHaveLength(1);
  });
});

describe("a failure is a result, never an exception", () => {
  it("a call Excel refuses mid-write reports Office's code and message, and removes the half-written sheet", async () => {
    const book = new WorkbookDouble({ sheets: ["Sheet1"], failOn: (d) => (d.startsWith("merge") ? { code: "InvalidArgument", message: "The argument is invalid or missing or has an incorrect format." } : undefined) });
    const result = await insertPlans(book.run, [smallPlan("表1")]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure.code).toBe("InvalidArgument");
    expect(result.failure.officeMessage).toBe("The argument is invalid or missing or has an incorrect format.");
    expect(result.failure.message).toEqual({ zh: "无法在工作簿中插入工作表：Excel 拒绝了写入的内容", en: "could not insert the sheets into the workbook: Excel refused a value written" });
    expect(book.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  it("Excel.run itself failing (no workbook, lost connection) is reported too", async () => {
    const run = () => Promise.reject(Object.assign(new Error("Excel is not available"), { code: "GeneralException" }));
    const result = await insertPlans(run as never, [smallPlan()]);
    expect(result).toMatchObject({ ok: false, failure: { code: "GeneralException", officeMessage: "Excel is not available" } });
  });

  it("a plan Excel would refuse (a validation message over 225 characters) is reported before anything is written", async () => {
    const plan = smallPlan("表1");
    plan.validations[0] = { ...plan.validations[0], error: { zh: "长".repeat(300), en: "long" } };
    const book = new WorkbookDouble();
    const result = await insertPlans(book.run, [plan]);
    expect(result.ok).toBe(false);
    expect(book.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});
