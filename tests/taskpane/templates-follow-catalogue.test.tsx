/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// The gallery lists the catalogue as it is now: a template loaded while the pane is open (导入模板,
// or a workbook carrying one) shows its sheets at once, and a removed one goes.
import { act, screen } from "@testing-library/react";
import { findSheetTemplate } from "../../src/sheets/registry";
import { groupTemplates } from "../../taskpane/components/TemplatesTab";
import { STRINGS } from "../../taskpane/strings";
import { SCHEMES, addTemplates, removeTemplate } from "../../templates/index";
import { loadTemplate } from "../../templates/load";
import { renderApp } from "./render";

jest.mock("../../taskpane/excel-actions", () => ({
  checkRequirements: jest.fn(() => ({ ok: true, missing: [] })),
  insertPlans: jest.fn(),
  openWorkbook: jest.fn(async () => undefined),
  checkActiveSheet: jest.fn(),
  selectCell: jest.fn(),
  insertFormula: jest.fn(),
}));

jest.setTimeout(60_000);

/** A county's scheme as a JSON file gives it: a built-in one under an id of its own, no sheet, no sample. */
function countyScheme() {
  const raw = JSON.parse(JSON.stringify(SCHEMES[0])) as Record<string, unknown>;
  delete raw.sheet;
  delete raw.sample;
  return loadTemplate({ ...raw, id: "county-follow-scheme", title: { zh: "示例县智能工厂认定条件", en: "Example county smart-factory conditions" } });
}

afterEach(() => removeTemplate("county-follow-scheme"));

test("groupTemplates() lists a loaded template's sheet under its role and document", () => {
  addTemplates([countyScheme()]);
  const listed = groupTemplates().flatMap((g) => g.documents.flatMap((d) => d.templates.map((t) => t.id)));
  expect(listed).toContain("county-follow-scheme");
});

test("the open pane shows a template's card when it is added and drops it when it is removed", () => {
  renderApp({ host: null, language: "zh" });
  const title = "示例县智能工厂认定条件自评表";
  expect(screen.queryByRole("heading", { level: 3, name: title })).toBeNull();
  act(() => addTemplates([countyScheme()]));
  expect(findSheetTemplate("county-follow-scheme")?.title.zh).toBe(title);
  expect(screen.getByRole("heading", { level: 3, name: title })).toBeTruthy();
  expect(screen.getByRole("region", { name: STRINGS.zh.roles.enterprise }).textContent).toContain(title);
  act(() => {
    removeTemplate("county-follow-scheme");
  });
  expect(screen.queryByRole("heading", { level: 3, name: title })).toBeNull();
});
