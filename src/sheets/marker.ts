import type { SheetMarker } from "./plan";

/**
 * The marker is one text cell, "assessbook:" followed by JSON, written by the writers in a
 * hidden column of the sheet's first row. A cell survives Excel, WPS and LibreOffice round
 * trips where custom XML parts and document properties may not.
 */
const PREFIX = "assessbook:";

export function encodeMarker(marker: SheetMarker): string {
  return PREFIX + JSON.stringify(marker);
}

/** The marker in a cell's text, or null when the text is not one. */
export function decodeMarker(text: unknown): SheetMarker | null {
  if (typeof text !== "string" || !text.startsWith(PREFIX)) return null;
  try {
    const m = JSON.parse(text.slice(PREFIX.length)) as Partial<SheetMarker>;
    if (typeof m.template !== "string" || typeof m.version !== "number" || typeof m.params !== "object" || m.params === null) return null;
    return { template: m.template, version: m.version, params: m.params };
  } catch {
    return null;
  }
}
