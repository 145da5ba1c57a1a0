/**
 * Which language error messages speak. Messages are hover text, not cell values, so they follow
 * the language of the Excel in front of the user; values (tier names, explanations, headers)
 * never depend on it, so a workbook computes the same text on every colleague's machine.
 */
export type Lang = "zh" | "en";

/** Chinese unless Office reports a display language that is not Chinese; Chinese outside Excel. */
export function messageLanguage(): Lang {
  const display = typeof Office === "undefined" ? undefined : Office.context?.displayLanguage;
  if (typeof display !== "string" || display === "") return "zh";
  return display.toLowerCase().startsWith("zh") ? "zh" : "en";
}
