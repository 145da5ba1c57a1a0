/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// Issue 15, item 5 in the task pane: React escapes HTML but not control or bidirectional
// characters, so the merge preview shows them as escapes itself; Chinese text is shown as is.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { previewMerge } from "../../src/merge/preview";
import { MergePreviewView } from "../../taskpane/components/MergePreviewView";
import { STRINGS } from "../../taskpane/strings";
import { installBrowserStubs } from "./render";

jest.setTimeout(60_000);

const ESC = "\u001B";
const RLO = "\u202E";

// A preview as previewMerge gives it, with the hostile text put in place directly: what matters here is the display.
test("control characters and overrides in a row, a problem and a duplicate are shown as escapes", () => {
  installBrowserStubs();
  const name = `山西${ESC}[2J晋阳${RLO}液压有限公司`;
  const base = previewMerge({ template: "shanxi-2018-summary", recommender: "reform-zone", existing: [] }, []);
  const row = (id: string, enterprise: string) => ({
    id,
    values: { "pilot-name": "试点示范", enterprise, contact: "王建国", mobile: "13935112345", email: "a@b.cn" },
    source: { file: `坏${ESC}.xlsx`, sheet: "表", row: 0, existing: false },
    audit: `坏${ESC}.xlsx › 表 第 1 行`,
    invalid: false,
  });
  const preview = {
    ...base,
    rows: [row("1:1:1", name), row("2:1:1", `${name}\u200B`)],
    problems: [{ kind: "text" as const, severity: "error" as const, rowId: "1:1:1", file: `坏${ESC}.xlsx`, sheet: "表", cell: "C5", message: { zh: `含${ESC}[H`, en: `has ${ESC}[H` } }],
    duplicates: [{ by: ["name" as const], enterprise: name, members: [], variants: [`${name}`, `${name}\\u200B`] }],
  };
  const { container } = render(
    <FluentProvider theme={webLightTheme}>
      <MergePreviewView preview={preview} lang="zh" t={STRINGS.zh} included={new Set(["1:1:1"])} serials={new Map([["1:1:1", 1]])} onToggle={() => undefined} disabled={false} />
    </FluentProvider>,
  );
  const shown = container.textContent ?? "";
  expect(shown).not.toContain(ESC);
  expect(shown).not.toContain(RLO);
  expect(shown).toContain("山西\\u001B[2J晋阳\\u202E液压有限公司");
  expect(shown).toContain("含\\u001B[H");
  expect(shown).toContain("名称写法不同");
  // Attributes too: the tick's label and the cell's tooltip.
  for (const el of Array.from(container.querySelectorAll("[aria-label],[title]"))) {
    expect(`${el.getAttribute("aria-label") ?? ""}${el.getAttribute("title") ?? ""}`).not.toMatch(new RegExp(`[${ESC}${RLO}]`));
  }
  expect(screen.getAllByText(/试点示范/).length).toBeGreaterThan(0);
});
