/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// Node's export conditions: the xlsx writer's exceljs runs here as under Node (its uuid's browser build is ESM, which jest cannot require).
import { act, fireEvent, waitFor, within } from "@testing-library/react";
import { SHEET_TEMPLATES, findSheetTemplate } from "../../src/sheets/registry";
import { STRINGS } from "../../taskpane/strings";
import { renderApp } from "./render";

/**
 * The gallery's sheet previews wait until their card comes into view: a card's plan (the sheet
 * rendered from its template) is the costly part of the task pane's first render. jsdom has no
 * IntersectionObserver (every preview then shows at mount: tests/taskpane/templates.test.tsx);
 * here one stands in that reports only what the test says came into view.
 */

jest.setTimeout(60_000);

const zh = STRINGS.zh;

class ReportedObserver {
  static all: ReportedObserver[] = [];
  readonly observed = new Set<Element>();
  constructor(
    private readonly callback: IntersectionObserverCallback,
    readonly options?: IntersectionObserverInit,
  ) {
    ReportedObserver.all.push(this);
  }
  observe(element: Element): void {
    this.observed.add(element);
  }
  unobserve(element: Element): void {
    this.observed.delete(element);
  }
  disconnect(): void {
    this.observed.clear();
  }
  /** What a browser does as the element scrolls into view (or within the margin of it). */
  static comeIntoView(element: Element): void {
    for (const observer of ReportedObserver.all.filter((o) => o.observed.has(element))) {
      const entry = { target: element, isIntersecting: true, intersectionRatio: 1 } as unknown as IntersectionObserverEntry;
      observer.callback([entry], observer as unknown as IntersectionObserver);
    }
  }
}

function cardOf(id: string): HTMLElement {
  const card = document.querySelector<HTMLElement>(`[role="group"][aria-labelledby="card-${id}-title"]`);
  if (!card) throw new Error(`no card for ${id}`);
  return card;
}

beforeEach(() => {
  ReportedObserver.all = [];
  Object.defineProperty(window, "IntersectionObserver", { configurable: true, writable: true, value: ReportedObserver });
});

afterEach(() => {
  delete (window as { IntersectionObserver?: unknown }).IntersectionObserver;
  jest.restoreAllMocks();
});

it("no card builds its sheet at mount; a card builds and previews it once in view, the others still not", () => {
  const renders = SHEET_TEMPLATES.map((t) => jest.spyOn(t, "render"));
  renderApp({ host: null, language: "zh" });
  expect(SHEET_TEMPLATES.map((t) => [t.id, cardOf(t.id).querySelector("table")])).toEqual(SHEET_TEMPLATES.map((t) => [t.id, null]));
  expect(renders.map((r) => r.mock.calls.length)).toEqual(SHEET_TEMPLATES.map(() => 0));

  const [first, second] = SHEET_TEMPLATES;
  act(() => ReportedObserver.comeIntoView(cardOf(second.id)));
  expect(cardOf(second.id).querySelector("table")?.getAttribute("aria-label")).toBe(zh.preview(second.title.zh));
  expect(cardOf(first.id).querySelector("table")).toBeNull();
  expect(renders.map((r, i) => [SHEET_TEMPLATES[i].id, r.mock.calls.length > 0])).toEqual(SHEET_TEMPLATES.map((t) => [t.id, t.id === second.id]));
  // Seen once is enough: the card stops observing.
  expect(ReportedObserver.all.some((o) => o.observed.has(cardOf(second.id)))).toBe(false);
  expect(ReportedObserver.all.some((o) => o.observed.has(cardOf(first.id)))).toBe(true);
});

it("a card's parameters are checked before it is in view: a bad value is named under its field", async () => {
  const template = findSheetTemplate("shaoxing-discrete-panel");
  if (!template) throw new Error("no panel sheet");
  const render = jest.spyOn(template, "render");
  renderApp({ host: null, language: "zh" });
  const input = within(cardOf(template.id)).getByRole("spinbutton", { name: "专家人数" }) as HTMLInputElement;
  fireEvent.change(input, { target: { value: "2" } });
  fireEvent.blur(input);
  await waitFor(() => expect(input.getAttribute("aria-invalid")).toBe("true"));
  const described = (input.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent ?? "");
  expect(described.join(" ")).toContain("专家人数应在 3–");
  expect(render).not.toHaveBeenCalled();
  expect(cardOf(template.id).querySelector("table")).toBeNull();
});
