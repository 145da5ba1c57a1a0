/**
 * @jest-environment jsdom
 */
/**
 * 导入模板 / Import template in the task pane: a broken file shows every problem with its JSON path
 * (stranger text escaped), a good one lists what it loaded (kind, id, version, title, its sheets)
 * and is in the catalogue; in Excel it is stored in the workbook, and the templates the workbook
 * stores are shown as loaded (or refused, with why) when the pane starts; a loaded template can be
 * removed. The Excel side (taskpane/template-actions.ts) is mocked, as excel-actions is elsewhere;
 * its Office.js work is tests/office/template-store.test.ts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "node:util";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { findTemplate, loadedTemplates, removeTemplate } from "../../templates/index";
import { STRINGS, type Lang } from "../../taskpane/strings";
import * as storeActions from "../../taskpane/template-actions";
import { ActionError } from "../../taskpane/action-error";
import { renderApp } from "./render";

jest.mock("../../taskpane/template-actions", () => ({
  loadWorkbookTemplates: jest.fn(),
  storeInWorkbook: jest.fn(async () => undefined),
  removeFromWorkbook: jest.fn(async (id: string) => {
    // The real one takes it out of the catalogue too (src/office/template-store.ts).
    const { removeTemplate: remove } = jest.requireActual<typeof import("../../templates/index")>("../../templates/index");
    remove(id);
  }),
}));
jest.mock("../../taskpane/excel-actions", () => ({
  checkRequirements: jest.fn(() => ({ ok: true, missing: [] })),
  insertPlans: jest.fn(),
  openWorkbook: jest.fn(),
}));

jest.setTimeout(60_000);

// jsdom's window has no TextEncoder and TextDecoder (browsers all have them): the template check reads and measures text with them.
if (typeof globalThis.TextDecoder !== "function") Object.assign(globalThis, { TextDecoder: NodeTextDecoder, TextEncoder: NodeTextEncoder });

const mocked = storeActions as jest.Mocked<typeof storeActions>;
const SCHEME_TEXT = readFileSync(join(__dirname, "..", "fixtures", "templates", "county-scheme.json"), "utf8");
const SCHEME = "qinghe-tiers";

function choose(lang: Lang, name: string, text: string): void {
  fireEvent.change(screen.getByLabelText(STRINGS[lang].templateImport.fileInput), { target: { files: [new File([text], name, { type: "application/json" })] } });
}

beforeEach(() => jest.clearAllMocks());
afterEach(() => {
  for (const t of loadedTemplates()) removeTemplate(t.id);
});

describe.each<Lang>(["zh", "en"])("importing a template in a browser (%s)", (lang) => {
  const s = STRINGS[lang].templateImport;

  it("shows every problem of a broken file with its JSON path, escaping the file's own text, and loads nothing", async () => {
    const broken = JSON.parse(SCHEME_TEXT) as Record<string, unknown>;
    // The problem quotes the id as found: a right-to-left override in it is shown as its escape.
    broken.id = "Qinghe\u202ETiers";
    broken.version = 0;
    renderApp({ host: null, language: lang });
    choose(lang, "坏\u001B模板.json", JSON.stringify(broken));
    const list = await screen.findByRole("list", { name: s.problems("坏\\u001B模板.json", 2) });
    const items = within(list).getAllByRole("listitem").map((li) => li.textContent ?? "");
    expect(items).toEqual([expect.stringMatching(/^\$\.id.*Qinghe\\u202ETiers/), expect.stringMatching(/^\$\.version.*expected a number above 0/)]);
    expect([...items.join("")].filter((c) => c === "\u001B" || c === "\u202E")).toEqual([]);
    expect(loadedTemplates()).toEqual([]);
    expect(screen.getByText(s.none)).toBeTruthy();
    expect(mocked.storeInWorkbook).not.toHaveBeenCalled();
  });

  it("says a file that is not JSON is not JSON, at $", async () => {
    renderApp({ host: null, language: lang });
    choose(lang, "notes.json", "{ “id”: 1 }");
    const list = await screen.findByRole("list", { name: s.problems("notes.json", 1) });
    expect(within(list).getByRole("listitem").textContent).toMatch(/^\$/);
  });

  it("lists what a good file loaded, with the sheets it makes, and the catalogue has it; removing takes it out", async () => {
    renderApp({ host: null, language: lang });
    choose(lang, "county-scheme.json", SCHEME_TEXT);
    const loadedBar = await screen.findByRole("status");
    await waitFor(() => expect(loadedBar.textContent).toContain(s.loaded("county-scheme.json", 1)));
    const scheme = findTemplate(SCHEME);
    if (!scheme) throw new Error("not in the catalogue");
    expect(loadedBar.textContent).toContain(scheme.title[lang]);
    expect(loadedBar.textContent).toContain(s.identity(s.kinds.scheme, SCHEME, 1));
    expect(loadedBar.textContent).toContain(s.sheets);
    const list = screen.getByRole("list", { name: s.loadedList });
    expect(within(list).getByText(scheme.title[lang])).toBeTruthy();
    expect(mocked.storeInWorkbook).not.toHaveBeenCalled();

    fireEvent.click(within(list).getByRole("button", { name: s.removeName(SCHEME) }));
    await waitFor(() => expect(findTemplate(SCHEME)).toBeUndefined());
    expect(await screen.findByText(s.none)).toBeTruthy();
    expect(mocked.removeFromWorkbook).not.toHaveBeenCalled();
  });
});

describe.each<Lang>(["zh", "en"])("importing a template in Excel (%s)", (lang) => {
  const s = STRINGS[lang].templateImport;

  it("stores the imported template in the workbook", async () => {
    renderApp({ host: "excel", language: lang, storedTemplates: Promise.resolve({ loaded: [], refused: [] }) });
    choose(lang, "county-scheme.json", SCHEME_TEXT);
    await waitFor(() => expect(mocked.storeInWorkbook).toHaveBeenCalledTimes(1));
    expect(mocked.storeInWorkbook.mock.calls[0][0].map((t) => [t.id, t.version])).toEqual([[SCHEME, 1]]);
    expect(await screen.findByText(s.stored)).toBeTruthy();
  });

  it("keeps the template loaded and says so when the workbook cannot store it", async () => {
    const cause = { zh: "无法将模板 qinghe-tiers 保存到工作簿（GeneralException: 失败）", en: "could not store template qinghe-tiers in the workbook (GeneralException: failed)" };
    mocked.storeInWorkbook.mockRejectedValueOnce(new ActionError(cause));
    renderApp({ host: "excel", language: lang });
    choose(lang, "county-scheme.json", SCHEME_TEXT);
    expect(await screen.findByText(s.notStored(cause[lang]))).toBeTruthy();
    expect(findTemplate(SCHEME)).toBeDefined();
  });

  it("shows the templates the workbook stores as loaded, and those refused with why", async () => {
    const refused = { zh: "工作簿携带的模板 shaoxing 与内置模板同名，已拒绝：内置模板不会被替换", en: "the workbook carries a template named shaoxing, the id of a built-in template; refused: a built-in template is never replaced" };
    renderApp({ host: "excel", language: lang, storedTemplates: Promise.resolve({ loaded: [SCHEME], refused: [refused] }) });
    expect(await screen.findByText(s.fromWorkbook([SCHEME]))).toBeTruthy();
    expect(screen.getByText(refused[lang])).toBeTruthy();
  });

  it("removes a loaded template from the workbook too", async () => {
    renderApp({ host: "excel", language: lang });
    choose(lang, "county-scheme.json", SCHEME_TEXT);
    const list = await screen.findByRole("list", { name: s.loadedList });
    await act(async () => {
      fireEvent.click(within(list).getByRole("button", { name: s.removeName(SCHEME) }));
    });
    await waitFor(() => expect(mocked.removeFromWorkbook).toHaveBeenCalledWith(SCHEME));
    expect(findTemplate(SCHEME)).toBeUndefined();
    expect(await screen.findByText(s.removed(SCHEME))).toBeTruthy();
  });
});
