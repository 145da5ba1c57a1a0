/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// Node's export conditions: the xlsx writer's exceljs runs here as under Node (its uuid's browser build is ESM, which jest cannot require).
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { SHEET_TEMPLATES, findSheetTemplate } from "../../src/sheets/registry";
import type { SheetPlan } from "../../src/sheets/plan";
import { STRINGS } from "../../taskpane/strings";
import { groupTemplates } from "../../taskpane/components/TemplatesTab";
import { previewGrid } from "../../taskpane/components/SheetPreview";
import { sourceText } from "../../taskpane/components/TemplateCard";
import { findTemplate } from "../../templates/index";
import * as actions from "../../taskpane/excel-actions";
import { ActionError } from "../../taskpane/action-error";
import { captureDownloads, renderApp } from "./render";

jest.mock("../../taskpane/excel-actions", () => ({
  checkRequirements: jest.fn(() => ({ ok: true, missing: [] })),
  insertPlans: jest.fn(async (plans: SheetPlan[]) => ({ sheetNames: plans.map((p) => p.name) })),
  openWorkbook: jest.fn(async () => undefined),
  checkActiveSheet: jest.fn(),
  selectCell: jest.fn(),
  insertFormula: jest.fn(),
}));

const mocked = actions as jest.Mocked<typeof actions>;
const zh = STRINGS.zh;
const en = STRINGS.en;

/** jsdom's Blob has no arrayBuffer(): read it as a page would have to, through FileReader. */
function readBlob(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

function card(title: string): HTMLElement {
  return screen.getByRole("group", { name: title });
}

beforeEach(() => jest.clearAllMocks());

describe("the gallery", () => {
  it("groups the sheets by role — 经办人, 评审专家, 企业 — then by document, every sheet once", () => {
    const groups = groupTemplates();
    expect(groups.map((g) => g.role)).toEqual(["clerk", "expert", "enterprise"]);
    const listed = groups.flatMap((g) => g.documents.flatMap((d) => d.templates.map((t) => t.id)));
    expect([...listed].sort()).toEqual(SHEET_TEMPLATES.map((t) => t.id).sort());
    for (const g of groups) {
      for (const d of g.documents) {
        for (const t of d.templates) {
          expect(t.role).toBe(g.role);
          expect(findTemplate(t.template)?.document.reference).toBe(d.reference);
        }
      }
    }
  });

  it("shows each role as a section holding its cards, each card with its title, source and preview", () => {
    renderApp({ host: null, language: "zh" });
    const headings = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual([zh.roles.clerk, zh.roles.expert, zh.roles.enterprise]);
    for (const template of SHEET_TEMPLATES) {
      const section = screen.getByRole("region", { name: zh.roles[template.role] });
      // The card's name is its title heading (aria-labelledby), looked up directly: getByRole over 16 previews is slow in jsdom.
      const found = section.querySelector<HTMLElement>(`[role="group"][aria-labelledby="card-${template.id}-title"]`);
      expect([template.id, found?.querySelector("h3")?.textContent]).toEqual([template.id, template.title.zh]);
      const reference = findTemplate(template.template)?.document.reference as string;
      expect(found?.textContent).toContain(zh.source(sourceText(reference, template.source.annex, template.source.item)));
      expect(found?.querySelector("table")?.getAttribute("aria-label")).toBe(zh.preview(template.title.zh));
    }
  });

  it("the preview shows the first 15 rows and 8 columns of the plan, formulas marked", () => {
    const template = findSheetTemplate("shaoxing-discrete-batch");
    const rendered = template?.render({ rows: 20 });
    if (!rendered?.ok) throw new Error("the batch sheet did not render");
    const { grid, totalRows, totalCols } = previewGrid(rendered.value);
    expect(grid.length).toBe(15);
    expect(grid.every((r) => r.length === 8)).toBe(true);
    expect(totalRows).toBeGreaterThan(15);
    expect(totalCols).toBeGreaterThan(8);
    const formulas = rendered.value.cells.filter((c) => c.formula && c.row <= 15 && c.col <= 8);
    expect(formulas.length).toBeGreaterThan(0);
    for (const c of formulas) expect(grid[c.row - 1][c.col - 1]).toEqual({ text: "", formula: c.formula });
  });
});

describe("parameters", () => {
  it("an integer out of bounds shows checkParams' message on its field", async () => {
    renderApp({ host: null, language: "zh" });
    const title = findSheetTemplate("shaoxing-discrete-panel")?.title.zh as string;
    const input = within(card(title)).getByRole("spinbutton", { name: "专家人数" }) as HTMLInputElement;
    fireEvent.change(input, { target: { value: "2" } });
    fireEvent.blur(input);
    await waitFor(() => expect(input.getAttribute("aria-invalid")).toBe("true"));
    const described = (input.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent ?? "");
    expect(described.join(" ")).toContain("专家人数应在 3–");
  });

  it("a choice is a labelled select with the choices' labels in the chosen language", () => {
    renderApp({ host: null, language: "en" });
    const template = SHEET_TEMPLATES.find((t) => t.params.some((p) => p.type === "choice"));
    if (!template) throw new Error("no sheet has a choice parameter");
    const def = template.params.find((p) => p.type === "choice");
    const select = within(card(template.title.en)).getByRole("combobox", { name: def?.label.en }) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(def?.options?.map((o) => o.label.en));
  });
});

describe("inside Excel", () => {
  it("Insert hands the adapter the plan for the chosen parameters", async () => {
    renderApp({ host: "excel", language: "zh" });
    const template = findSheetTemplate("shaoxing-discrete-batch");
    if (!template) throw new Error("no batch sheet");
    const scope = within(card(template.title.zh));
    const input = scope.getByRole("spinbutton", { name: "企业行数" });
    fireEvent.change(input, { target: { value: "5" } });
    fireEvent.blur(input);
    fireEvent.click(scope.getByRole("button", { name: zh.insert }));
    await waitFor(() => expect(mocked.insertPlans).toHaveBeenCalledTimes(1));
    const expected = template.render({ rows: 5 });
    expect(expected.ok).toBe(true);
    expect(mocked.insertPlans.mock.calls[0][0]).toEqual([(expected as { value: SheetPlan }).value]);
    await waitFor(() => expect(scope.getByRole("status").textContent).toContain(zh.inserted([(expected as { value: SheetPlan }).value.name])));
    expect(scope.queryByRole("button", { name: zh.download })).toBeNull();
  });

  it("a failed insert shows its cause", async () => {
    mocked.insertPlans.mockRejectedValueOnce(new ActionError({ zh: "无法插入工作表（工作簿受保护）", en: "could not insert the sheets (InvalidOperation: the workbook is protected)" }));
    renderApp({ host: "excel", language: "en" });
    const scope = within(card(SHEET_TEMPLATES[0].title.en));
    fireEvent.click(scope.getByRole("button", { name: en.insert }));
    await waitFor(() => expect(scope.getByRole("alert").textContent).toContain("could not insert the sheets (InvalidOperation: the workbook is protected)"));
  });

  it("tells the user plainly when Excel is too old, and does not offer Insert", () => {
    const message = { zh: "此版本的 Excel 过旧，缺少 ExcelApi 1.9", en: "This Excel is too old: it lacks ExcelApi 1.9" };
    renderApp({ host: "excel", language: "zh", requirements: { ok: false, missing: ["ExcelApi 1.9"], message } });
    expect(screen.getByText(message.zh)).toBeTruthy();
    const insert = within(card(SHEET_TEMPLATES[0].title.zh)).getByRole("button", { name: zh.insert }) as HTMLButtonElement;
    expect(insert.disabled).toBe(true);
  });
});

describe("outside Excel", () => {
  const { blobs, clicked } = captureDownloads();

  it("Download builds the .xlsx as a Blob and saves it under the sheet's title", async () => {
    renderApp({ host: null, language: "zh" });
    const template = SHEET_TEMPLATES[0];
    const scope = within(card(template.title.zh));
    expect(scope.queryByRole("button", { name: zh.insert })).toBeNull();
    fireEvent.click(scope.getByRole("button", { name: zh.downloadName(template.title.zh) }));
    await waitFor(() => expect([blobs.length, scope.queryByRole("alert")?.textContent]).toEqual([1, undefined]), { timeout: 15_000 });
    expect(blobs[0].type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const bytes = new Uint8Array(await readBlob(blobs[0]));
    expect(String.fromCharCode(bytes[0], bytes[1])).toBe("PK");
    expect(clicked).toEqual([`${template.title.zh}.xlsx`]);
    expect(mocked.insertPlans).not.toHaveBeenCalled();
  }, 30_000);
});

describe.each(["zh", "en"] as const)("names the buttons in the UI language (%s)", (lang) => {
  const t = STRINGS[lang];

  it("each 下载 .xlsx button says which sheet it downloads; no two share a name", () => {
    renderApp({ host: null, language: lang });
    const names = screen.getAllByRole("button", { name: new RegExp(`^${t.download.replace(".", "\\.")}`) }).map((b) => b.getAttribute("aria-label"));
    expect(names).toEqual(groupTemplates().flatMap((g) => g.documents.flatMap((d) => d.templates.map((x) => t.downloadName(x.title[lang])))));
    expect(new Set(names).size).toBe(SHEET_TEMPLATES.length);
    // The visible words stay the same: the name begins with them.
    for (const name of names) expect(name?.startsWith(t.download)).toBe(true);
  });

  it("a number field's step buttons are named in the UI language, after their field", () => {
    renderApp({ host: null, language: lang });
    const batch = findSheetTemplate("shaoxing-discrete-batch");
    const rows = batch?.params.find((p) => p.key === "rows");
    if (!batch || !rows) throw new Error("shaoxing-discrete-batch has no rows parameter");
    const scope = within(card(batch.title[lang]));
    expect(scope.getByRole("button", { name: t.increment(rows.label[lang]) })).toBeTruthy();
    expect(scope.getByRole("button", { name: t.decrement(rows.label[lang]) })).toBeTruthy();
    expect(screen.queryAllByRole("button", { name: /Increment value|Decrement value/ })).toEqual([]);
  });
});
