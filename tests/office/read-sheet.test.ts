/**
 * Reading the open worksheet back through Office.js and checking it with the engine: a sheet
 * inserted by insertPlans, "calculated" with the engine's values (the double does not calculate),
 * then edited as a user would.
 */
import { insertPlans } from "../../src/office/insert";
import { checkActiveSheet, readActiveSheet, readCell, selectCell } from "../../src/office/read-sheet";
import type { SheetPlan } from "../../src/sheets/plan";
import { findSheetTemplate, type Params, type SheetTemplate } from "../../src/sheets/registry";
import { a1, WorkbookDouble } from "./excel-double";
import { defaults } from "./support";

function template(id: string): SheetTemplate {
  const t = findSheetTemplate(id);
  if (!t) throw new Error(id);
  return t;
}

/** Inserts the template's sheet with `data` and "calculates" it: result cells show what the engine computes. */
async function inserted(id: string, data: unknown, params: Params = defaults(template(id))): Promise<{ book: WorkbookDouble; plan: SheetPlan; name: string }> {
  const t = template(id);
  const rendered = t.render(params, data);
  if (!rendered.ok) throw new Error(JSON.stringify(rendered.problems));
  const plan = rendered.value;
  const book = new WorkbookDouble();
  const result = await insertPlans(book.run, [plan]);
  if (!result.ok) throw new Error(result.failure.message.en);
  const expected = t.expected(params, data);
  if (!expected.ok) throw new Error(JSON.stringify(expected.problems));
  const at = new Map(plan.results.map((r) => [`${r.row},${r.col}`, r.key]));
  book.calculate(result.sheets[0], (row, col) => {
    const key = at.get(`${row},${col}`);
    const v = key === undefined ? 0 : expected.value[key];
    return v === null || v === undefined ? "" : v;
  });
  return { book, plan, name: result.sheets[0] };
}

function cellOf(plan: SheetPlan, code: string): { row: number; col: number } {
  const b = plan.inputs.find((i) => i.code === code);
  if (!b) throw new Error(`no input ${code}`);
  return b;
}

describe("checkActiveSheet", () => {
  it("an untouched, calculated sheet agrees with the engine, read in one sync", async () => {
    const t = template("shaoxing-discrete");
    const { book } = await inserted(t.id, t.sample());
    const syncsBefore = book.syncs;
    const check = await checkActiveSheet(book.run);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(book.syncs - syncsBefore).toBe(1);
    expect(check.report.status).toBe("checked");
    expect(check.report.checks.length).toBeGreaterThan(0);
    expect(check.report.checks.every((c) => c.verdict === "agree" || c.verdict === "no-engine-value")).toBe(true);
    expect(check.issues.filter((i) => i.kind !== "missing-input")).toEqual([]);
  });

  it("finds a wrong mobile number, with its cell", async () => {
    const t = template("national-2024-summary");
    const { book, plan, name } = await inserted(t.id, t.sample());
    const phone = cellOf(plan, "rows/0/mobile");
    book.type(name, phone.row, phone.col, "1380013800");
    const check = await checkActiveSheet(book.run);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.report.status).toBe("invalid-answers");
    const issue = check.issues.find((i) => i.kind === "invalid-answer");
    expect(issue).toMatchObject({ cell: a1(phone.row, phone.col) });
    expect(issue?.message.zh).toContain("手机号码");
  });

  it("finds a typed-over total, with its cell and both values", async () => {
    const t = template("shaoxing-discrete");
    const { book, plan, name } = await inserted(t.id, t.sample());
    const total = plan.results.find((r) => r.key === "total");
    expect(total).toBeDefined();
    if (!total) return;
    book.type(name, total.row, total.col, 99);
    const check = await checkActiveSheet(book.run);
    if (!check.ok) throw new Error(`${check.failure.message.en}: ${check.failure.officeMessage}`);
    expect(check.issues.filter((i) => i.kind !== "missing-input")).toEqual([
      { kind: "overwritten", cell: a1(total.row, total.col), code: "total", message: { zh: expect.stringContaining("已被改写为 99"), en: expect.stringContaining("typed over with 99") } },
    ]);
  });

  it("finds a result that shows another value, and one that shows an error", async () => {
    const t = template("shaoxing-discrete");
    const { book, plan, name } = await inserted(t.id, t.sample());
    const [first, second] = plan.results.filter((r) => r.key.startsWith("item:"));
    const sheet = book.mustSheet(name);
    sheet.put(first.row, first.col, { value: 12345 });
    sheet.put(second.row, second.col, { value: "#VALUE!", error: "#VALUE!" });
    const check = await checkActiveSheet(book.run);
    if (!check.ok) throw new Error(`${check.failure.message.en}: ${check.failure.officeMessage}`);
    expect(check.issues.filter((i) => i.kind === "disagree").map((i) => i.cell)).toContain(a1(first.row, first.col));
    expect(check.issues.filter((i) => i.kind === "error").map((i) => i.cell)).toEqual([a1(second.row, second.col)]);
  });

  it("lists blank input cells as missing, leaving out wholly blank spare rows", async () => {
    const t = template("national-2024-summary");
    const { book, plan, name } = await inserted(t.id, t.sample());
    const contact = cellOf(plan, "rows/0/contact");
    book.type(name, contact.row, contact.col, "");
    const check = await checkActiveSheet(book.run);
    if (!check.ok) throw new Error(`${check.failure.message.en}: ${check.failure.officeMessage}`);
    const missing = check.issues.filter((i) => i.kind === "missing-input");
    expect(missing).toContainEqual(expect.objectContaining({ cell: a1(contact.row, contact.col), code: "rows/0/contact" }));
    // The sample fills some rows of the table; the rows left blank are not "missing".
    const lastRow = plan.inputs.filter((i) => i.code.startsWith("rows/")).map((i) => Number(i.code.split("/")[1]));
    const spare = Math.max(...lastRow);
    expect(missing.some((m) => m.code.startsWith(`rows/${spare}/`))).toBe(false);
  });

  it("reports a summary over its recommender's row limit, with the cell", async () => {
    const t = template("national-2024-summary");
    const params = defaults(t);
    const sample = t.sample() as { recommender: string; rows: Record<string, string>[] };
    const data = { ...sample, rows: Array.from({ length: Number(params.rows) }, () => sample.rows[0]) };
    const expected = t.expected(params, data);
    expect(expected).toMatchObject({ ok: true, value: { overLimit: "已超上限" } });
    const { book, plan } = await inserted(t.id, data, params);
    const cell = plan.results.find((r) => r.key === "overLimit");
    const check = await checkActiveSheet(book.run);
    if (!check.ok || !cell) throw new Error("not checked");
    expect(check.issues).toContainEqual(expect.objectContaining({ kind: "over-limit", cell: a1(cell.row, cell.col) }));
  });

  it("a sheet Assessbook did not build is said so, not checked", async () => {
    const book = new WorkbookDouble({ sheets: ["mine"] });
    book.mustSheet("mine").put(1, 1, { value: "hello" });
    const check = await checkActiveSheet(book.run);
    expect(check).toMatchObject({ ok: true, report: { status: "not-assessbook" }, issues: [], summary: { en: expect.stringContaining("not built by Assessbook") } });
  });

  it("an Office failure while reading is a result", async () => {
    const book = new WorkbookDouble({ failOn: (d) => (d.startsWith("range.load") ? { code: "GeneralException", message: "boom" } : undefined) });
    expect(await checkActiveSheet(book.run)).toMatchObject({ ok: false, failure: { code: "GeneralException", officeMessage: "boom" } });
  });
});

describe("reading cells from Office.js arrays", () => {
  it("text that looks like a formula is text; a formula is told apart by its value", () => {
    expect(readCell("=1+1", "=1+1", "String")).toEqual({ kind: "value", value: "=1+1" });
    expect(readCell(2, "=1+1", "Double")).toEqual({ kind: "formula", formula: "1+1", result: 2 });
    expect(readCell("#DIV/0!", "=1/0", "Error")).toEqual({ kind: "formula", formula: "1/0", result: { error: "#DIV/0!" } });
    expect(readCell("", "", "Empty")).toEqual({ kind: "blank" });
    expect(readCell("", '=""', "String")).toEqual({ kind: "formula", formula: '""', result: "" });
  });

  it("formula-like text written by insertPlans reads back as the same text", async () => {
    const t = template("shanxi-2018-application");
    const sample = t.sample() as Record<string, unknown>;
    const { book, plan } = await inserted(t.id, { ...sample, "contact-phone": "+86 0351-1234567" });
    const read = await readActiveSheet(book.run);
    if (!read.ok) throw new Error(`${read.failure.message.en}: ${read.failure.officeMessage}`);
    const b = cellOf(plan, "contact-phone");
    expect(read.sheet.cell(b.row, b.col)).toEqual({ kind: "value", value: "+86 0351-1234567" });
    expect(read.sheet.marker).toEqual(plan.marker);
  });
});

describe("selectCell", () => {
  it("activates the sheet and selects the cell in one sync", async () => {
    const book = new WorkbookDouble({ sheets: ["a", "b"] });
    expect(await selectCell(book.run, "b", "C7")).toEqual({ ok: true });
    expect(book.syncs).toBe(1);
    expect(book.active).toBe("b");
    expect(book.recorded("b", "select").map((r) => r.address)).toEqual(["C7"]);
  });

  it("a sheet that is gone is a failure, not an exception", async () => {
    const book = new WorkbookDouble({ sheets: ["a"] });
    expect(await selectCell(book.run, "gone", "A1")).toMatchObject({ ok: false, failure: { code: "ItemNotFound" } });
  });
});
