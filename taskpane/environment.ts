/**
 * Where the task pane runs: inside Excel (host "excel") or as a standalone page in a browser
 * (host null), which language to start in and which theme to follow.
 */
import type { Lang } from "./strings";

export type Host = "excel" | null;
export type ThemeName = "light" | "dark";

const LANGUAGE_KEY = "assessbook.language";

/** zh-* → zh, en-* → en, anything else or nothing → zh (the product's users are Chinese first). */
export function languageOf(tag: string | undefined | null): Lang {
  const t = (tag ?? "").toLowerCase();
  if (t.startsWith("en")) return "en";
  return "zh";
}

/** The user's earlier choice, else Office's display language inside Office, else the browser's. */
export function initialLanguage(host: Host): Lang {
  const saved = readSaved();
  if (saved) return saved;
  if (host === "excel" && typeof Office !== "undefined") {
    const display = Office.context?.displayLanguage;
    if (display) return languageOf(display);
  }
  return languageOf(typeof navigator === "undefined" ? undefined : navigator.language);
}

export function saveLanguage(lang: Lang): void {
  try {
    window.localStorage.setItem(LANGUAGE_KEY, lang);
  } catch {
    // Storage may be disabled (private windows, some Office webviews): the choice lasts this session only.
  }
}

function readSaved(): Lang | undefined {
  try {
    const saved = window.localStorage.getItem(LANGUAGE_KEY);
    return saved === "zh" || saved === "en" ? saved : undefined;
  } catch {
    return undefined;
  }
}

/** Relative luminance of a #rrggbb colour, 0 (black) to 1 (white). */
export function luminance(hex: string): number | undefined {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return undefined;
  const n = parseInt(m[1], 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Office's theme inside Office (isDarkTheme, else the body background's brightness), the system's outside. */
export function detectTheme(host: Host): ThemeName {
  if (host === "excel" && typeof Office !== "undefined") {
    const theme = Office.context?.officeTheme as (Office.OfficeTheme & { isDarkTheme?: boolean }) | undefined;
    if (theme) {
      if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme ? "dark" : "light";
      const l = luminance(theme.bodyBackgroundColor ?? "");
      if (l !== undefined) return l < 0.4 ? "dark" : "light";
    }
  }
  return systemPrefersDark() ? "dark" : "light";
}

function systemPrefersDark(): boolean {
  return typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia("(prefers-color-scheme: dark)").matches;
}

/** Calls back when the system theme changes (outside Office); returns the unsubscribe. */
export function onSystemThemeChange(callback: () => void): () => void {
  if (typeof window === "undefined" || typeof window.matchMedia !== "function") return () => undefined;
  const query = window.matchMedia("(prefers-color-scheme: dark)");
  if (typeof query.addEventListener !== "function") return () => undefined;
  query.addEventListener("change", callback);
  return () => query.removeEventListener("change", callback);
}

/** The safe file name of a download: no characters Windows refuses. */
export function fileName(title: string): string {
  return `${title.replace(/[\\/:*?"<>|]+/g, " ").replace(/\s+/g, " ").trim() || "Assessbook"}.xlsx`;
}
