import { visibleLine } from "../core/visible-text";

/**
 * Plain-text tables for the terminal. CJK characters take two columns, so padding counts
 * display width rather than string length or the Chinese columns would not line up.
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += isWide(ch.codePointAt(0) as number) ? 2 : 1;
  return w;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

function pad(s: string, width: number, align: "left" | "right"): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(s)));
  return align === "left" ? s + fill : fill + s;
}

/**
 * Columns separated by two spaces; the last column is not padded (it may be long). Each cell is
 * one line, whatever it holds: a line break or a control character from a file is shown as its
 * escape (visibleLine), so a cell can neither start a fake line nor move the cursor.
 */
export function renderTable(header: string[], givenRows: string[][], align: ("left" | "right")[] = []): string {
  const rows = givenRows.map((r) => r.map(visibleLine));
  const widths = header.map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c] ?? ""))));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === cells.length - 1 && align[c] !== "right" ? cell : pad(cell, widths[c], align[c] ?? "left")))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(header), rule, ...rows.map(line)].join("\n");
}
