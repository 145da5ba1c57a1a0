/**
 * @jest-environment jsdom
 */
import { screen, waitFor } from "@testing-library/react";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { STRINGS } from "../../taskpane/strings";
import { renderApp } from "./render";

jest.setTimeout(30_000);

/** A system whose colour scheme is dark or light, as matchMedia reports it. */
function systemTheme(dark: boolean): void {
  Object.defineProperty(window, "matchMedia", {
    configurable: true,
    value: (query: string) => ({
      matches: dark && query === "(prefers-color-scheme: dark)",
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}

/** The CSS the FluentProvider put in the page for its theme: its variables' declarations. */
function themeCss(): string {
  return [...document.querySelectorAll("style")]
    .flatMap((style) => [...(style.sheet?.cssRules ?? [])].map((rule) => rule.cssText))
    .concat([...document.querySelectorAll("style")].map((style) => style.textContent ?? ""))
    .join("\n");
}

const background = (colour: string) => new RegExp(`--colorNeutralBackground1:\\s*${colour}\\s*;`, "i");

describe("the task pane's theme", () => {
  afterEach(() => {
    document.head.innerHTML = "";
  });

  it("follows a dark system theme, with the dark theme loaded on demand", async () => {
    expect(webDarkTheme.colorNeutralBackground1).not.toBe(webLightTheme.colorNeutralBackground1);
    systemTheme(true);
    renderApp({ host: null, language: "zh" });
    expect(screen.getByRole("tab", { name: STRINGS.zh.tabs.templates })).toBeTruthy();
    await waitFor(() => expect(themeCss()).toMatch(background(webDarkTheme.colorNeutralBackground1)));
  });

  it("stays light on a light system", () => {
    systemTheme(false);
    renderApp({ host: null, language: "en" });
    expect(themeCss()).toMatch(background(webLightTheme.colorNeutralBackground1));
    expect(themeCss()).not.toMatch(background(webDarkTheme.colorNeutralBackground1));
  });
});
