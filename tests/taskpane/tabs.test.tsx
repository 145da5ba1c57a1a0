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
import type { TabName } from "../../taskpane/App";
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

  it("the check tab outside Excel checks a picked workbook instead of the active sheet", async () => {
    renderApp({ host: null, language: lang });
    fireEvent.click(screen.getByRole("tab", { name: t.tabs.check }));
    const panel = screen.getByRole("tabpanel", { name: t.tabs.check });
    // A lazy chunk: wait for it.
    expect(await within(panel).findByRole("button", { name: t.check.pickFile })).toBeTruthy();
    expect(panel.textContent).toContain(t.check.fileIntro);
    expect(within(panel).getByLabelText(t.check.fileInput).getAttribute("type")).toBe("file");
    expect(screen.queryByRole("button", { name: t.check.run })).toBeNull();
  });

  it.each<[TabName, "excel" | null]>([
    ["templates", null],
    ["check", null],
    ["check", "excel"],
    ["merge", null],
    ["export", null],
    ["functions", null],
  ])("headings structure the %s tab (host %s): one h1, an h2 for the tab's section, h3 under it, no level skipped", async (tab, host) => {
    renderApp({ host, language: lang, initialTab: tab });
    const panel = screen.getByRole("tabpanel", { name: t.tabs[tab] });
    // Every tab but the templates is a lazy chunk: wait for it.
    await within(panel).findAllByRole("heading", { level: 2 });
    expect(screen.getAllByRole("heading", { level: 1 }).map((h) => h.textContent)).toEqual([t.appTitle]);
    const levels = screen.getAllByRole("heading").map((h) => Number(h.tagName.slice(1)));
    expect(levels[0]).toBe(1);
    // Each heading at most one level below the one before it.
    levels.forEach((level, i) => i > 0 && expect([level, i]).toEqual([Math.min(level, levels[i - 1] + 1), i]));
    if (tab === "templates") {
      // Each card is named by its own h3 title.
      const cards = screen.getAllByRole("group").filter((g) => g.getAttribute("aria-labelledby")?.startsWith("card-"));
      expect(cards).toHaveLength(SHEET_TEMPLATES.length);
      for (const card of cards) {
        expect(document.getElementById(card.getAttribute("aria-labelledby") as string)?.tagName).toBe("H3");
      }
    }
  });

  it("the functions tab lists every custom function of the metadata with its description and example, disabled outside Excel", async () => {
    renderApp({ host: null, language: lang });
    fireEvent.click(screen.getByRole("tab", { name: t.tabs.functions }));
    const panel = screen.getByRole("tabpanel", { name: t.tabs.functions });
    const ids = declaredFunctionIds();
    expect(ids).toHaveLength(FUNCTION_STRINGS.length);
    // A lazy chunk: wait for it.
    const headings = (await within(panel).findAllByRole("heading", { level: 3 })).map((h) => h.textContent);
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
