/**
 * The 合并 tab's work outside React: the picked files read into sources (src/merge/read-source),
 * the target table and the merged workbook (src/xlsx). Reading
 * and writing .xlsx needs exceljs, so those modules are imported on demand, in chunks of their
 * own (xlsx-reader, xlsx-writer), loaded when files are read or written. The preview and the
 * merged table's plan are pure, and come with the merge tab's own chunk (App.tsx).
 */
import type { Text } from "../templates/schema";
import type { Result } from "../src/core/problems";
import type { MarkedSheet, SourceResult } from "../src/merge/read-source";
import { isSummarySheet, readTarget, type TargetTable } from "../src/merge/summary-merge";
import type { SheetPlan } from "../src/sheets/plan";
import { ActionError } from "./action-error";
import { STRINGS } from "./strings";
import { workbookBytes } from "./workbook-file";

/** A picked file: a File in the browser, anything with a name and bytes to read in the tests. */
export interface PickedFile {
  name: string;
  size: number;
  arrayBuffer?: () => Promise<ArrayBuffer>;
}

/**
 * What the audit column calls the open workbook when one of its sheets is the target. Audit
 * texts are data in the (Chinese) table, like the "第 2 行" after them, whatever the UI language.
 */
export const THIS_WORKBOOK = "当前工作簿";

function loadReader(): Promise<typeof import("../src/merge/read-source")> {
  return import(/* webpackChunkName: "xlsx-reader" */ "../src/merge/read-source");
}

/** The bytes of a picked file: Blob.arrayBuffer where there is one, else FileReader (older WebKit, jsdom). */
export function fileBytes(file: PickedFile): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsArrayBuffer(file as unknown as Blob);
  });
}

/**
 * Reads the picked files in order, a batch at a time (src/merge/read-source readPendingSources):
 * every file gives one result, a bad one its refusal with the reason. Never throws for a bad file.
 */
export async function readPicked(files: readonly PickedFile[], onProgress?: (done: number, total: number) => void): Promise<SourceResult[]> {
  const { readPendingSources } = await loadReader();
  return readPendingSources(
    files.map((file) => ({ name: file.name, size: file.size, bytes: () => fileBytes(file) })),
    onProgress,
  );
}

/** The target table of a workbook: its first summary sheet, else why there is none (one line in each language). */
export type TargetRead = { ok: true; table: TargetTable } | { ok: false; reason: Text };

/** The target table on a sheet (the active sheet inside Excel, or one read from a file). */
export function targetOfSheet(file: string, sheet: MarkedSheet): TargetRead {
  if (!isSummarySheet(sheet)) return { ok: false, reason: { zh: STRINGS.zh.merge.targetNoSummary, en: STRINGS.en.merge.targetNoSummary } };
  const read: Result<TargetTable> = readTarget(file, sheet);
  if (!read.ok) {
    const join = (lang: "zh" | "en") => read.problems.map((p) => p.message[lang]).join(STRINGS[lang].listSeparator);
    return { ok: false, reason: { zh: join("zh"), en: join("en") } };
  }
  return { ok: true, table: read.value };
}

/** The target workbook picked outside Excel: its first summary sheet becomes the target. */
export async function readTargetFile(file: PickedFile, bytes: Uint8Array): Promise<TargetRead> {
  const { readSources } = await loadReader();
  const [source] = await readSources([{ name: file.name, bytes }]);
  if (!source.ok) return { ok: false, reason: source.reason };
  const sheet = source.sheets.find(isSummarySheet);
  if (!sheet) return { ok: false, reason: { zh: STRINGS.zh.merge.targetNoSummary, en: STRINGS.en.merge.targetNoSummary } };
  return targetOfSheet(file.name, sheet);
}

/** The name of the merged download: the target's name with 合并 added, else the sheet's. */
export function mergedFileName(plan: SheetPlan, target: { name: string } | null, lang: "zh" | "en"): string {
  const unsafe = /[\\/:*?"<>|]+/g;
  if (target) return STRINGS[lang].merge.mergedFile(target.name.replace(/\.xlsx$/i, "").replace(unsafe, " ").trim() || "Assessbook");
  return `${plan.name.replace(unsafe, " ").replace(/\s+/g, " ").trim() || "Assessbook"}.xlsx`;
}

/**
 * The merged workbook's bytes: with a target workbook, the target with its summary sheet replaced
 * by the merged table (everything else kept; refused as an ActionError, nothing written, when the
 * rewrite would lose charts, pictures …); without one, a workbook of the merged table alone.
 */
export async function mergedWorkbook(plan: SheetPlan, target: { bytes: Uint8Array; sheet: string } | null): Promise<Uint8Array<ArrayBuffer>> {
  if (!target) return workbookBytes([plan]);
  const { replaceSheet, WouldLoseContent } = await import(/* webpackChunkName: "xlsx-writer" */ "../src/xlsx/replace-sheet");
  try {
    const written = await replaceSheet(target.bytes, target.sheet, plan);
    // A Node Buffer under jest, the buffer package's in the browser: both are Uint8Arrays.
    return new Uint8Array(written.bytes as unknown as Uint8Array);
  } catch (e) {
    if (e instanceof WouldLoseContent) throw new ActionError({ zh: STRINGS.zh.merge.wouldLose(e.what.zh), en: STRINGS.en.merge.wouldLose(e.what.en) });
    throw e;
  }
}
