/**
 * The task pane's Fluent UI themes. The light one is in the first load; the dark one (its own
 * colour ramps) is a chunk of its own, loaded only when Office's or the system's theme is dark:
 * most panes never show it, and every byte of the first load is waited for.
 */
import { webLightTheme, type Theme } from "@fluentui/react-components";
import type { ThemeName } from "./environment";

/** Chinese faces first, so Chinese text never falls back to a font chosen by chance. */
const FONTS = '"Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Segoe UI", system-ui, sans-serif';

export const LIGHT_THEME: Theme = { ...webLightTheme, fontFamilyBase: FONTS };

let dark: Theme | undefined;

/** The dark theme if it has been loaded (loadDarkTheme), else undefined. */
export function loadedDarkTheme(): Theme | undefined {
  return dark;
}

/** Loads the dark theme's chunk once; later calls get the same theme. */
export async function loadDarkTheme(): Promise<Theme> {
  const { webDarkTheme } = await import(/* webpackChunkName: "dark-theme" */ "./dark-theme");
  return (dark ??= { ...webDarkTheme, fontFamilyBase: FONTS });
}

/** The theme to show for a theme name: the light one while the dark one is still loading. */
export function themeFor(name: ThemeName, darkTheme: Theme | undefined): Theme {
  return name === "dark" && darkTheme ? darkTheme : LIGHT_THEME;
}
