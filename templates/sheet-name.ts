/**
 * Excel's rules for a worksheet name: 1–31 characters, none of [ ] : * ? / \, and no apostrophe
 * first or last (Excel refuses such a name when the workbook opens). The schema checks a
 * template's `sheet.name` by them (templates/schema.ts); the sheets name a template that gives
 * none after its title (toSheetName). No zod here: the sheets load this at run time.
 */

export const SHEET_NAME_MAX = 31;

/** The characters a sheet name cannot contain. */
export const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;

/**
 * A sheet name made from any text (a template's title.zh when it names no sheet): white space
 * made single spaces, forbidden and control characters dropped, apostrophes and spaces trimmed
 * at the ends, cut to `max` UTF-16 units as Excel and the schema count them, never halving a
 * character outside the BMP.
 */
export function toSheetName(text: string, max = SHEET_NAME_MAX): string {
  // eslint-disable-next-line no-control-regex -- control characters cannot be typed into a sheet tab
  const cleaned = text.replace(/\s+/g, " ").replace(/[[\]:*?/\\\u0000-\u001f\u007f]/g, "");
  const trim = (s: string) => s.replace(/^['\s]+|['\s]+$/g, "");
  let cut = "";
  for (const ch of trim(cleaned)) {
    if (cut.length + ch.length > max) break;
    cut += ch;
  }
  const name = trim(cut);
  return name === "" ? "Sheet" : name;
}

/**
 * A rubric's three sheets add " 评分", " 批量评分" and " 专家组评分" to its sheet name
 * (src/sheets/scoring/sheet-layout.ts): the name leaves room for the longest.
 */
export const RUBRIC_SHEET_NAME_MAX = SHEET_NAME_MAX - " 专家组评分".length;
