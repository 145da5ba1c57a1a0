import type { Text } from "../../templates/schema";
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
    const from = m.from;
    // A malformed `from` (edited by hand) is dropped: the sheet is then found, or not, by its template id alone.
    const source = typeof from === "object" && from !== null && typeof from.id === "string" && Number.isInteger(from.version) ? { from: { id: from.id, version: from.version } } : {};
    return { template: m.template, version: m.version, params: m.params, ...source };
  } catch {
    return null;
  }
}

/**
 * Why a marked sheet was not read when its template is not in the catalogue. A sheet of a loaded
 * template names the template and version to load; any other is a sheet this version does not
 * know. Said of the sheet when its name is given, else of "this sheet" (a list that names it beside).
 */
export function templateNotLoaded(marker: SheetMarker, sheet?: string): Text {
  const from = marker.from;
  const [zh, en] = sheet === undefined ? ["本表", "this sheet"] : [`工作表“${sheet}”`, `sheet "${sheet}"`];
  if (!from) return { zh: `${zh}（${marker.template}）是本版本没有的工作表，未读取`, en: `${en} (${marker.template}) is a sheet this version does not know; not read` };
  return {
    zh: `${zh}由模板 ${from.id} 第 ${from.version} 版生成，该模板未加载，工作簿中也没有携带：请用 --templates <文件> 加载（任务窗格中用“导入模板”）`,
    en: `${en} was built from template ${from.id} version ${from.version}, which is not loaded and not carried by the workbook: pass --templates <file> (in the task pane: Import template)`,
  };
}
