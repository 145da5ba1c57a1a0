/**
 * @jest-environment jsdom
 */
import { fireEvent, screen, within } from "@testing-library/react";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FUNCTION_STRINGS } from "../../functions/strings";
import { SHEET_TEMPLATES } from "../../src/sheets/registry";
import { STRINGS, type Lang } from "../../taskpane/strings";
import { languageOf } from "../../taskpane/environment";
import { renderApp } from "./render";

/** The custom function ids as functions.ts declares them (@customfunction), which functions.json is generated from. */
function declaredFunctionIds(): string[] {
  const source = readFileSync(join(__dirname, "..", "..", "functions", "functions.ts"), "utf8");
  return [...source.matchAll(/@customfunction\s+([A-Z_]+)/g)].map((m) => m[1]);
}

describe.each<Lang>(["zh", "en"])("the task pane in %s", (lang) => {
  const t = STRINGS[lang];

  it("shows the five tabs and the templates gallery first", () => {
    renderApp({ host: null, language: lang });
    expect(screen.getAllByRole("tab").map((tab) => tab.id)).toEqual(["tab-templates", "tab-check", "tab-merge", "tab-export", "tab-functions"]);
    expect(screen.getAllByRole("tab").map((tab) => tab.getAttribute("aria-selected"))).toEqual(["true", "false", "false", "false", "false"]);
    for (const name of Object.values(t.tabs)) expect(screen.getByRole("tab", { name })).toBeTruthy();
    expect(screen.getByRole("tabpanel", { name: t.tabs.templates })).toBeTruthy();
    expect(screen.getAllByRole("group", { name: SHEET_TEMPLATES[0].title[lang] }).length).toBeGreaterThan(0);
    expect(document.documentElement.lang).toBe(lang === "zh" ? "zh-CN" : "en");
  });

  it("the check tab explains outside Excel that it needs Excel", () => {
    renderApp({ host: null, language: lang });
    fireEvent.click(screen.getByRole("tab", { name: t.tabs.check }));
    expect(screen.getByRole("tabpanel", { name: t.tabs.check }).textContent).toContain(t.check.needsExcel);
    expect(screen.queryByRole("button", { name: t.check.run })).toBeNull();
  });

  it("the functions tab lists every custom function of the metadata with its description and example, disabled outside Excel", () => {
    renderApp({ host: null, language: lang });
    fireEvent.click(screen.getByRole("tab", { name: t.tabs.functions }));
    const panel = screen.getByRole("tabpanel", { name: t.tabs.functions });
    const ids = declaredFunctionIds();
    expect(ids).toHaveLength(FUNCTION_STRINGS.length);
    const headings = within(panel).getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(headings.map((h) => /^ASSESS\.([A-Z_]+)\(/.exec(h ?? "")?.[1])).toEqual(ids);
    for (const f of FUNCTION_STRINGS) {
      expect(panel.textContent).toContain(f.description[lang]);
      expect(panel.textContent).toContain(f.example.formula);
      const button = within(panel).getByRole("button", { name: t.functions.insertName(f.id) }) as HTMLButtonElement;
      expect(button.disabled).toBe(true);
    }
  });
});

describe("language", () => {
  it("follows the display language, Chinese when unsure", () => {
    expect(["zh-CN", "zh-TW", "en-US", "en", "ja-JP", "", undefined].map(languageOf)).toEqual(["zh", "zh", "en", "en", "zh", "zh", "zh"]);
  });

  it("switches between Chinese and English and remembers the choice", () => {
    renderApp({ host: null, language: "zh" });
    fireEvent.change(screen.getByRole("combobox", { name: STRINGS.zh.language }), { target: { value: "en" } });
    expect(screen.getByRole("tab", { name: STRINGS.en.tabs.templates })).toBeTruthy();
    expect(window.localStorage.getItem("assessbook.language")).toBe("en");
  });
});
