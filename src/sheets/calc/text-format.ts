/**
 * TEXT(value, format) for the number formats the sheets use (src/sheets/styles.ts and the
 * renderers: "0", "0.0##", "#,##0.00", "0.0%", "@", "General"): fixed decimals, optional
 * decimals (#), thousands separators and percent. Any other format (dates, sections, colours,
 * currency symbols) is refused with a CalcError naming it: its result depends on the
 * spreadsheet's locale, so no cached value could be trusted.
 */
import { numberToText, roundDecimal } from "./numbers";
import { CalcError } from "./values";

const NUMBER_FORMAT = /^(#,##0|0)(?:\.(0*)(#*))?(%?)$/;

export function formatNumber(x: number, format: string): string {
  if (/^general$/i.test(format)) return numberToText(x);
  if (format === "@") return numberToText(x);
  const m = NUMBER_FORMAT.exec(format);
  if (!m) throw new CalcError(`TEXT format "${format}" is not supported: use one of 0, 0.00, 0.0##, #,##0.00, 0.0%, @, General`);
  const [, whole, fixed = "", optional = "", percent] = m;
  const value = percent ? x * 100 : x;
  const places = fixed.length + optional.length;
  const rounded = roundDecimal(value, places, "half-up");
  let [int, frac = ""] = Math.abs(rounded).toFixed(places).split(".");
  frac = frac.slice(0, fixed.length) + frac.slice(fixed.length).replace(/0+$/, "");
  if (whole === "#,##0") int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = rounded < 0 ? "-" : "";
  // "0.##" keeps its point with no decimals after it ("5."), as Excel shows it.
  const point = frac !== "" || format.includes(".");
  return `${sign}${int}${point ? `.${frac}` : ""}${percent}`;
}
