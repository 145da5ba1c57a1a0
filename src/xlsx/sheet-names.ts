/**
 * Sheet names as Excel accepts them: at most 31 characters, none of []:*?/\, not starting or
 * ending with an apostrophe, not "History" (Excel reserves it), unique ignoring case. A name
 * already taken is never reused: a second "表1" becomes "表1 (2)", as Excel names a copied sheet.
 */
const MAX_LENGTH = 31;
const RESERVED = "history";

export function cleanSheetName(proposed: string): string {
  const cleaned = proposed.replace(/[[\]:*?/\\]/g, "_").replace(/^'+|'+$/g, "").trim();
  return clip(cleaned === "" ? "Sheet" : cleaned, MAX_LENGTH);
}

/** A clean, unused name for the proposal; `taken` holds the names already in the workbook. */
export function uniqueSheetName(proposed: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  used.add(RESERVED);
  const base = cleanSheetName(proposed);
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = clip(base, MAX_LENGTH - suffix.length).trimEnd() + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** Cuts to `max` UTF-16 units (what Excel counts) without splitting a surrogate pair. */
function clip(s: string, max: number): string {
  let out = "";
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}
