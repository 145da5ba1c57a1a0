/**
 * Helpers of the task pane's component tests: the App rendered in jsdom as the page renders it
 * (Fluent UI's provider included), with the browser APIs jsdom lacks stood in for.
 */
import { configure, render, type RenderResult } from "@testing-library/react";
import { deserialize, serialize } from "node:v8";
import { App, type AppProps } from "../../taskpane/App";

// jsdom's window has no structuredClone (browsers all have it): the templates' samples, which the check reads, clone with it.
if (typeof globalThis.structuredClone !== "function") Object.assign(globalThis, { structuredClone: <T,>(value: T): T => deserialize(serialize(value)) as T });

// The merge tab is a lazy chunk and reads real workbooks: on a busy machine the first open and a
// read can take seconds, so waiting for what the page will show allows 10 s, not the default 1 s.
configure({ asyncUtilTimeout: 10_000 });

/**
 * jsdom has no matchMedia (the theme detection asks it), ResizeObserver (Fluent's MessageBar uses
 * it) nor scrollIntoView (the merge tab brings its outcome into view; tests spy on it).
 */
export function installBrowserStubs(): void {
  if (typeof Element.prototype.scrollIntoView !== "function") Element.prototype.scrollIntoView = () => undefined;
  if (typeof window.ResizeObserver !== "function") {
    class NoResizeObserver {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    Object.defineProperty(window, "ResizeObserver", { configurable: true, value: NoResizeObserver });
  }
  if (typeof window.matchMedia !== "function") {
    Object.defineProperty(window, "matchMedia", {
      configurable: true,
      value: (query: string) => ({ matches: false, media: query, onchange: null, addEventListener: () => undefined, removeEventListener: () => undefined, addListener: () => undefined, removeListener: () => undefined, dispatchEvent: () => false }),
    });
  }
}

export function renderApp(props: AppProps): RenderResult {
  installBrowserStubs();
  return render(<App {...props} />);
}

/**
 * The files the pane downloads in each test of the calling describe block: the Blobs it hands to
 * URL.createObjectURL and the names of the links it clicks (jsdom would navigate instead).
 */
export function captureDownloads(): { blobs: Blob[]; clicked: string[] } {
  const captured = { blobs: [] as Blob[], clicked: [] as string[] };
  let click: jest.SpyInstance | undefined;
  beforeEach(() => {
    captured.blobs.length = 0;
    captured.clicked.length = 0;
    Object.assign(URL, { createObjectURL: (b: Blob) => (captured.blobs.push(b), "blob:assessbook"), revokeObjectURL: () => undefined });
    click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      captured.clicked.push(this.download);
    });
  });
  afterEach(() => click?.mockRestore());
  return captured;
}
