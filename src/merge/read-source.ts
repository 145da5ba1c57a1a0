/**
 * One submitted file → the Assessbook sheets it holds, or a one-line reason why it is refused.
 * A consolidation batch is dozens of files from outside: a .xls, a .csv, a truncated download, a
 * password-protected workbook, something huge, a zip bomb, a part name two readers resolve
 * differently, a sheet padded with a million rows. None of them may stop the batch, and none may
 * make the reader allocate without bound: every file goes through the reading gate
 * (src/xlsx/gate.ts: size, signature, zip structure, canonical names, sizes and CRCs) into the
 * lean reader (src/xlsx/reader.ts: well-formed XML, rows, text lengths), which inflates each part
 * once and keeps only the cells the merge reads (src/xlsx/checked-cells.ts), then lets the
 * workbook go.
 *
 * No Node module is imported (no fs, no zlib): the task pane reads the files it is given too.
 * The input bytes are only read, never modified.
 */
import type { Text } from "../../templates/schema";
import type { ReadSheet } from "../sheets/check-sheet";
import type { SheetMarker } from "../sheets/plan";
import { checkedCells } from "../xlsx/checked-cells";
import { MAX_FILE_BYTES, openWorkbookZip, tooLarge as tooLargeReason, UnreadableWorkbook, type RefusalKind, type WorkbookZip } from "../xlsx/gate";
import { readWorkbookZip } from "../xlsx/reader";
import { loadCarriedTemplatesOf } from "../xlsx/template-part";

export { MAX_FILE_BYTES, MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES, type RefusalKind } from "../xlsx/gate";

/** How long reading may hold the page before it yields so a progress bar repaints. */
const FRAME_MS = 16;

/** A sheet Assessbook built: it has its marker. */
export type MarkedSheet = ReadSheet & { marker: SheetMarker };

export interface SourceSheets {
  ok: true;
  name: string;
  /** The sheets with a marker, in workbook order. */
  sheets: MarkedSheet[];
  /** The names of the other sheets (added by the user, or with the marker deleted): not merged. */
  otherSheets: string[];
}

export interface SourceRefusal {
  ok: false;
  name: string;
  kind: RefusalKind;
  /** One line in each language, without the file name (the caller shows it beside). */
  reason: Text;
}

export type SourceResult = SourceSheets | SourceRefusal;

export interface SourceFile {
  name: string;
  bytes: Uint8Array;
}

/** Reads one file; never throws. */
export async function readSource(name: string, bytes: Uint8Array): Promise<SourceResult> {
  return readCarrying(name, bytes);
}

/**
 * The templates a file carries that the catalogue lacks are loaded before its sheets are read
 * (src/xlsx/template-part.ts: a sheet of a loaded template is read by it); one that cannot be
 * taken (malformed, a built-in id, another version than the loaded one) refuses the file by name.
 */
async function readCarrying(name: string, bytes: Uint8Array): Promise<SourceResult> {
  // One pass through the gate for both: the zip's directory is read and checked once, and a
  // part the templates were read from is not inflated again.
  let zip: WorkbookZip;
  try {
    zip = openWorkbookZip(bytes);
  } catch (e) {
    return unreadable(name, e);
  }
  try {
    await loadCarriedTemplatesOf(zip);
  } catch (e) {
    if (e instanceof UnreadableWorkbook) return { ok: false, name, kind: e.kind, reason: e.reason };
    const message = oneLine(e instanceof Error ? e.message : String(e));
    return { ok: false, name, kind: "template", reason: { zh: `工作簿携带的模板无法读取：${message}`, en: `a template the workbook carries cannot be read: ${message}` } };
  }
  return readSourceSync(name, zip);
}

/** A file the gate or the reader refuses, with its reason; anything else thrown, as the file cannot be read. */
function unreadable(name: string, e: unknown): SourceRefusal {
  if (e instanceof UnreadableWorkbook) return { ok: false, name, kind: e.kind, reason: e.reason };
  const message = oneLine(e instanceof Error ? e.message : String(e));
  return { ok: false, name, kind: "unreadable", reason: { zh: `文件无法读取：${message}`, en: `the file cannot be read: ${message}` } };
}

function readSourceSync(name: string, zip: WorkbookZip): SourceResult {
  let sheets: ReadSheet[];
  try {
    sheets = readWorkbookZip(zip, { keep: checkedCells });
  } catch (e) {
    return unreadable(name, e);
  }
  const marked = sheets.filter((s): s is MarkedSheet => s.marker !== null);
  if (marked.length === 0) {
    return { ok: false, name, kind: "no-assessbook-sheet", reason: { zh: "工作簿中没有 Assessbook 生成的表（没有标记）", en: "the workbook has no sheet Assessbook built (no marker)" } };
  }
  return { ok: true, name, sheets: marked, otherSheets: sheets.filter((s) => s.marker === null).map((s) => s.name) };
}

function tooLarge(name: string, size: number): SourceRefusal {
  return { ok: false, name, kind: "too-large", reason: tooLargeReason(size) };
}

/** A file not read yet: its size as the file system (or the browser's File) tells it, its bytes on demand. */
export interface PendingFile {
  name: string;
  size: number;
  bytes(): Promise<Uint8Array>;
}

/** Bytes held at once while reading a batch: a few hundred submissions never sit in memory together. */
const BATCH_FILES = 10;
const BATCH_BYTES = 32 * 1024 * 1024;

/**
 * readSources over files fetched a batch at a time (at most BATCH_FILES files or BATCH_BYTES
 * held), results in the files' order. The files of a batch are fetched together, so their reads
 * overlap (each is a few round trips to the file system, open, stat, read and close, which
 * one after another leave the processor idle), and read once all are in. A file over
 * MAX_FILE_BYTES is refused from its size, without its bytes being fetched; one whose bytes
 * cannot be got (moved, deleted, no permission) is refused as unreadable with the cause, one
 * that is no regular file with the gate's reason. Never throws for a bad file.
 */
export async function readPendingSources(files: readonly PendingFile[], onProgress?: (done: number, total: number) => void): Promise<SourceResult[]> {
  const results: SourceResult[] = [];
  const total = files.length;
  const pause = framePauser();
  for (let start = 0; start < files.length; ) {
    let end = start;
    let held = 0;
    while (end < files.length && end - start < BATCH_FILES) {
      const size = files[end].size > MAX_FILE_BYTES ? 0 : files[end].size;
      if (end > start && held + size > BATCH_BYTES) break;
      held += size;
      end++;
    }
    const fetched = await Promise.all(files.slice(start, end).map(fetchSource));
    for (const item of fetched) {
      results.push("bytes" in item ? await readCarrying(item.name, item.bytes) : item);
      onProgress?.(results.length, total);
      await pause();
    }
    start = end;
  }
  return results;
}

/** A pending file's bytes, or its refusal: too large from its size alone, or not to be got. Never throws. */
async function fetchSource(file: PendingFile): Promise<SourceFile | SourceRefusal> {
  if (file.size > MAX_FILE_BYTES) return tooLarge(file.name, file.size);
  try {
    return { name: file.name, bytes: await file.bytes() };
  } catch (e) {
    // The gate's file side (src/xlsx/read-file.ts): not a regular file, or grown past the limit.
    if (e instanceof UnreadableWorkbook) return { ok: false, name: file.name, kind: e.kind, reason: e.reason };
    const cause = oneLine(e instanceof Error ? e.message : String(e));
    return { ok: false, name: file.name, kind: "unreadable", reason: { zh: `文件无法读取：${cause}`, en: `the file cannot be read: ${cause}` } };
  }
}

/**
 * Lets a page repaint its progress bar about once a frame; a pause per file would cost 1 ms
 * (Node) to 4 ms (a browser's clamped timer) each, a second over a few hundred small files.
 */
function framePauser(): () => Promise<void> {
  let lastPause = Date.now();
  return async () => {
    if (Date.now() - lastPause < FRAME_MS) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    lastPause = Date.now();
  };
}

/**
 * Reads the files one after another, calling onProgress(done, total) after each. A bad file is
 * a refusal in the results, in the files' order; it never stops the batch.
 */
export async function readSources(files: readonly SourceFile[], onProgress?: (done: number, total: number) => void): Promise<SourceResult[]> {
  const results: SourceResult[] = [];
  const pause = framePauser();
  for (const file of files) {
    results.push(await readCarrying(file.name, file.bytes));
    onProgress?.(results.length, files.length);
    await pause();
  }
  return results;
}

/** A message on one line, not too long to read in a list. */
function oneLine(message: string): string {
  const line = message.replace(/\s+/g, " ").trim();
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}
