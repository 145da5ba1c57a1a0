/**
 * One submitted file → the Assessbook sheets it holds, or a one-line reason why it is refused.
 * A consolidation batch is dozens of files from outside: a .xls, a .csv, a truncated download, a
 * password-protected workbook, something huge or a zip bomb. None of them may stop the batch,
 * and none may make the reader allocate without bound, so before exceljs sees a byte:
 *
 * - the file's size is checked (MAX_FILE_BYTES);
 * - its signature tells an .xlsx (a zip) from an OLE compound file (a password-protected
 *   workbook, or a .xls) and from anything else;
 * - the zip's central directory is read here, and every local header checked against it, so a
 *   truncated or corrupted zip, or headers that disagree about sizes, are refused;
 * - the sizes the central directory declares must add up to at most MAX_UNZIPPED_BYTES;
 * - every part is then inflated as a stream by the same zip reader exceljs uses (jszip), counting
 *   the bytes that come out and stopping at the size the directory declared: a header that lies
 *   cannot make anything inflate past the limit, here or in exceljs afterwards.
 *
 * No Node module is used (no zlib, no fs): the task pane can read the files it is given too.
 * The input bytes are only read, never modified.
 */
import JSZip from "jszip";
import type { Text } from "../../templates/schema";
import type { ReadSheet } from "../sheets/check-sheet";
import type { SheetMarker } from "../sheets/plan";
import { readWorkbook, UnreadableWorkbook } from "../xlsx/reader";

/** A submitted file larger than this is refused before it is parsed. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** The parts of a workbook may inflate to this much in total. */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
/** How long reading may hold the page before it yields so a progress bar repaints. */
const FRAME_MS = 16;
/** An .xlsx has a few dozen parts, a few hundred with many images; more is not a workbook. */
export const MAX_ZIP_ENTRIES = 10_000;

export type RefusalKind =
  /** Larger than MAX_FILE_BYTES. */
  | "too-large"
  /** Not a zip at all (.xls, .csv, text …), or a zip of something else. */
  | "not-xlsx"
  /** A password-protected workbook (an OLE file holding EncryptedPackage), or encrypted zip entries. */
  | "encrypted"
  /** A zip that is truncated, has a bad central directory, or headers that disagree. */
  | "corrupt-zip"
  /** Would inflate past MAX_UNZIPPED_BYTES, or has more than MAX_ZIP_ENTRIES parts. */
  | "inflates-too-large"
  /** A zip without xl/workbook.xml (a .docx, a .pptx, a plain zip). */
  | "no-workbook"
  /** A workbook exceljs cannot read (a damaged part). */
  | "unreadable"
  /** A readable workbook without any sheet Assessbook built (no marker). */
  | "no-assessbook-sheet";

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
  const refuse = (kind: RefusalKind, zh: string, en: string): SourceRefusal => ({ ok: false, name, kind, reason: { zh, en } });
  try {
    if (bytes.byteLength > MAX_FILE_BYTES) return tooLarge(name, bytes.byteLength);
    if (startsWith(bytes, OLE_SIGNATURE)) {
      const ole = oleKind(bytes);
      if (ole === "encrypted") return refuse("encrypted", "工作簿受密码保护，请去除密码后重新提交", "the workbook is password-protected; remove the password and submit it again");
      if (ole === "xls") return refuse("not-xlsx", "是旧版 Excel 97-2003 (.xls) 文件，请另存为 .xlsx", "an Excel 97-2003 (.xls) file; save it as .xlsx");
      return refuse("not-xlsx", "是 OLE 复合文档（旧版 Office 文件或受密码保护的文件），不是 .xlsx", "an OLE compound file (an old Office file or a password-protected one), not an .xlsx");
    }
    if (!startsWith(bytes, ZIP_LOCAL) && !startsWith(bytes, ZIP_EMPTY)) {
      return refuse("not-xlsx", "不是 .xlsx 文件（没有 zip 签名），可能是 .xls、.csv 或文本文件", "not an .xlsx file (no zip signature): perhaps a .xls, .csv or text file");
    }

    const zip = readZip(bytes);
    if (typeof zip === "string") return refuse("corrupt-zip", `zip 文件已损坏：${ZIP_FAULTS[zip].zh}`, `a corrupted zip: ${ZIP_FAULTS[zip].en}`);
    if (zip.length > MAX_ZIP_ENTRIES) {
      return refuse("inflates-too-large", `zip 中有 ${zip.length} 个部件，超过 ${MAX_ZIP_ENTRIES} 的上限`, `the zip has ${zip.length} parts, over the ${MAX_ZIP_ENTRIES} limit`);
    }
    const declared = zip.reduce((sum, e) => sum + e.size, 0);
    if (declared > MAX_UNZIPPED_BYTES) {
      return refuse("inflates-too-large", `解压后共 ${mb(declared)}，超过 ${mb(MAX_UNZIPPED_BYTES)} 的上限`, `it would inflate to ${mb(declared)}, over the ${mb(MAX_UNZIPPED_BYTES)} limit`);
    }
    if (zip.some((e) => e.encrypted)) return refuse("encrypted", "zip 中的部件已加密（受密码保护）", "the zip's parts are encrypted (password-protected)");
    const unsupported = zip.find((e) => e.method !== STORED && e.method !== DEFLATED);
    if (unsupported) return refuse("corrupt-zip", `部件 ${unsupported.name} 使用了不支持的压缩方式 ${unsupported.method}`, `part ${unsupported.name} uses unsupported compression method ${unsupported.method}`);
    if (!zip.some((e) => e.name === WORKBOOK_PART)) {
      return refuse("no-workbook", "zip 中没有工作簿（缺少 xl/workbook.xml），可能是 .docx 或其他文件", "the zip holds no workbook (no xl/workbook.xml): perhaps a .docx or another file");
    }

    const inflated = await checkInflation(bytes, zip);
    if (inflated !== null) return refuse("corrupt-zip", `zip 文件已损坏：${inflated.zh}`, `a corrupted zip: ${inflated.en}`);

    let sheets: ReadSheet[];
    try {
      sheets = await readWorkbook(asBuffer(bytes));
    } catch (e) {
      if (e instanceof UnreadableWorkbook) return refuse("unreadable", `工作簿无法读取：${oneLine(e.message)}`, `the workbook cannot be read: ${oneLine(e.message)}`);
      throw e;
    }
    const marked = sheets.filter((s): s is MarkedSheet => s.marker !== null);
    if (marked.length === 0) {
      return refuse("no-assessbook-sheet", "工作簿中没有 Assessbook 生成的表（没有标记）", "the workbook has no sheet Assessbook built (no marker)");
    }
    return { ok: true, name, sheets: marked, otherSheets: sheets.filter((s) => s.marker === null).map((s) => s.name) };
  } catch (e) {
    const message = oneLine(e instanceof Error ? e.message : String(e));
    return refuse("unreadable", `文件无法读取：${message}`, `the file cannot be read: ${message}`);
  }
}

function tooLarge(name: string, size: number): SourceRefusal {
  return { ok: false, name, kind: "too-large", reason: { zh: `文件大小 ${mb(size)}，超过 ${mb(MAX_FILE_BYTES)} 的上限`, en: `the file is ${mb(size)}, over the ${mb(MAX_FILE_BYTES)} limit` } };
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
 * held), results in the files' order. A file over MAX_FILE_BYTES is refused from its size,
 * without its bytes being fetched; one whose bytes cannot be got (moved, deleted, no
 * permission) is refused as unreadable with the cause. Never throws for a bad file.
 */
export async function readPendingSources(files: readonly PendingFile[], onProgress?: (done: number, total: number) => void): Promise<SourceResult[]> {
  const results: SourceResult[] = [];
  const total = files.length;
  let batch: SourceFile[] = [];
  let held = 0;
  const flush = async () => {
    const start = results.length;
    const reading = batch;
    batch = [];
    held = 0;
    if (reading.length > 0) results.push(...(await readSources(reading, (done) => onProgress?.(start + done, total))));
  };
  for (const file of files) {
    if (batch.length >= BATCH_FILES || (batch.length > 0 && held + file.size > BATCH_BYTES)) await flush();
    let refusal: SourceRefusal;
    if (file.size > MAX_FILE_BYTES) {
      refusal = tooLarge(file.name, file.size);
    } else {
      try {
        batch.push({ name: file.name, bytes: await file.bytes() });
        held += file.size;
        continue;
      } catch (e) {
        const cause = e instanceof Error ? e.message : String(e);
        refusal = { ok: false, name: file.name, kind: "unreadable", reason: { zh: `文件无法读取：${cause}`, en: `the file cannot be read: ${cause}` } };
      }
    }
    // The files before it first, so results stay in the files' order.
    await flush();
    results.push(refusal);
    onProgress?.(results.length, total);
  }
  await flush();
  return results;
}

/**
 * Reads the files one after another, calling onProgress(done, total) after each. A bad file is
 * a refusal in the results, in the files' order; it never stops the batch.
 */
export async function readSources(files: readonly SourceFile[], onProgress?: (done: number, total: number) => void): Promise<SourceResult[]> {
  const results: SourceResult[] = [];
  let lastPause = Date.now();
  for (const file of files) {
    results.push(await readSource(file.name, file.bytes));
    onProgress?.(results.length, files.length);
    // Lets a page repaint its progress bar about once a frame; a pause per file would cost
    // 1 ms (Node) to 4 ms (a browser's clamped timer) each, a second over a few hundred small files.
    if (Date.now() - lastPause >= FRAME_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      lastPause = Date.now();
    }
  }
  return results;
}

// ---- signatures ----

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.byteLength >= signature.length && signature.every((b, i) => bytes[i] === b);
}

/**
 * What an OLE compound file holds, from the names of its directory entries. Each entry is 128
 * bytes, aligned on 128 within the file after the 512-byte header: a UTF-16LE name, its byte
 * length (with the terminating NUL) at 64 and its type at 66 (2: a stream). A password-protected
 * .xlsx holds the streams EncryptionInfo and EncryptedPackage; a .xls holds Workbook (or Book).
 */
function oleKind(bytes: Uint8Array): "encrypted" | "xls" | "unknown" {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names = new Set<string>();
  for (let at = 512; at + 128 <= bytes.byteLength; at += 128) {
    const length = view.getUint16(at + 64, true);
    if (view.getUint8(at + 66) !== 2 || length < 4 || length > 64 || length % 2 !== 0) continue;
    if (view.getUint16(at + length - 2, true) !== 0) continue;
    let name = "";
    for (let i = 0; i < length - 2; i += 2) name += String.fromCharCode(view.getUint16(at + i, true));
    names.add(name);
  }
  if (names.has("EncryptedPackage") || names.has("EncryptionInfo")) return "encrypted";
  if (names.has("Workbook") || names.has("Book")) return "xls";
  return "unknown";
}

// ---- the zip's structure ----

const STORED = 0;
const DEFLATED = 8;
const WORKBOOK_PART = "xl/workbook.xml";

interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  /** Declared sizes, from the central directory. */
  compressed: number;
  size: number;
}

const ZIP_FAULTS = {
  "no-directory": { zh: "找不到中央目录（文件被截断？）", en: "no central directory (a truncated file?)" },
  "bad-directory": { zh: "中央目录损坏", en: "a bad central directory" },
  "bad-local-header": { zh: "部件的本地文件头损坏或与中央目录不一致", en: "a part's local header is damaged or disagrees with the central directory" },
  "data-out-of-range": { zh: "部件的数据超出了文件范围（文件被截断？）", en: "a part's data lies outside the file (a truncated file?)" },
  "duplicate-part": { zh: "同一部件出现了两次", en: "a part appears twice" },
} as const;

type ZipFault = keyof typeof ZIP_FAULTS;

const SATURATED_16 = 0xffff;
const SATURATED_32 = 0xffffffff;

/**
 * The entries of the central directory, each checked against its local header: same name and
 * method, and, unless sizes follow the data (flag bit 3), the same CRC and sizes; data inside the
 * file, before the central directory. Zip64 records are read where the 32-bit fields are full.
 */
function readZip(bytes: Uint8Array): ZipEntry[] | ZipFault {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  // Without BigInt (older WebKit in Excel on Mac): exact up to 2^53, beyond any limit here anyway.
  const u64 = (at: number) => u32(at) + u32(at + 4) * 0x100000000;
  const end = bytes.byteLength;

  // The end of central directory record: 22 bytes and a comment of up to 65535 bytes, last in the file.
  let eocd = -1;
  for (let at = end - 22; at >= Math.max(0, end - 22 - 0xffff); at--) {
    if (u32(at) === 0x06054b50 && at + 22 + u16(at + 20) === end) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return "no-directory";
  let count = u16(eocd + 10);
  let directorySize = u32(eocd + 12);
  let directoryOffset = u32(eocd + 16);
  let directoryEnd = eocd;
  if (count === SATURATED_16 || directorySize === SATURATED_32 || directoryOffset === SATURATED_32) {
    const locator = eocd - 20;
    if (locator < 0 || u32(locator) !== 0x07064b50) return "bad-directory";
    const record = u64(locator + 8);
    if (record + 56 > locator || u32(record) !== 0x06064b50) return "bad-directory";
    count = u64(record + 32);
    directorySize = u64(record + 40);
    directoryOffset = u64(record + 48);
    directoryEnd = record;
  }
  if (directoryOffset + directorySize > directoryEnd) return "bad-directory";
  // The smallest central header is 46 bytes: a count the directory cannot hold is a lie.
  if (count * 46 > directorySize) return "bad-directory";

  const decoder = new TextDecoder("utf-8");
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directoryOffset + directorySize || u32(at) !== 0x02014b50) return "bad-directory";
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const crc = u32(at + 16);
    let compressed = u32(at + 20);
    let size = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    let local = u32(at + 42);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > directoryOffset + directorySize) return "bad-directory";
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    // Zip64: the full values, in this order, for the fields that are full.
    if (size === SATURATED_32 || compressed === SATURATED_32 || local === SATURATED_32) {
      const extra = zip64Extra(view, at + 46 + nameLength, extraLength);
      if (!extra) return "bad-directory";
      let k = 0;
      const take = (): number => {
        if (k + 8 > extra.length) return NaN;
        k += 8;
        return u64(extra.offset + k - 8);
      };
      if (size === SATURATED_32) size = take();
      if (compressed === SATURATED_32) compressed = take();
      if (local === SATURATED_32) local = take();
      if ([size, compressed, local].some(Number.isNaN)) return "bad-directory";
    }
    const name = decoder.decode(nameBytes);
    if (names.has(name)) return "duplicate-part";
    names.add(name);

    // The local header: the same part, and the same sizes unless they follow the data.
    if (local + 30 > directoryOffset || u32(local) !== 0x04034b50) return "bad-local-header";
    const localFlags = u16(local + 6);
    const localNameLength = u16(local + 26);
    const localExtraLength = u16(local + 28);
    if (u16(local + 8) !== method || (localFlags & 1) !== (flags & 1) || localNameLength !== nameLength) return "bad-local-header";
    if (!bytes.subarray(local + 30, local + 30 + nameLength).every((b, j) => b === nameBytes[j])) return "bad-local-header";
    if ((localFlags & 0x8) === 0) {
      const localCompressed = u32(local + 18);
      const localSize = u32(local + 22);
      if (u32(local + 14) !== crc) return "bad-local-header";
      // Zip64 local headers say "see the extra field" with full 32-bit fields; the central record rules.
      if (localCompressed !== SATURATED_32 && localCompressed !== compressed) return "bad-local-header";
      if (localSize !== SATURATED_32 && localSize !== size) return "bad-local-header";
    }
    const data = local + 30 + localNameLength + localExtraLength;
    if (data + compressed > directoryOffset) return "data-out-of-range";
    if (method === STORED && compressed !== size && (flags & 1) === 0) return "bad-local-header";

    entries.push({ name, method, encrypted: (flags & 1) !== 0, compressed, size });
    at = next;
  }
  return entries;
}

/** The zip64 extended information field (id 1) among a header's extra fields. */
function zip64Extra(view: DataView, start: number, length: number): { offset: number; length: number } | null {
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (at + 4 + size > start + length) return null;
    if (id === 1) return { offset: at + 4, length: size };
    at += 4 + size;
  }
  return null;
}

/**
 * Inflates every part the way exceljs will (jszip), as a stream, counting the bytes and stopping
 * as soon as a part inflates past the size the central directory declares (whose total is at
 * most MAX_UNZIPPED_BYTES) or the total passes the limit. Null when every part inflates to its
 * declared size; the fault otherwise.
 */
async function checkInflation(bytes: Uint8Array, entries: ZipEntry[]): Promise<Text | null> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    return { zh: oneLine(errorMessage(e)), en: oneLine(errorMessage(e)) };
  }
  const declared = new Map(entries.map((e) => [e.name, e.size]));
  let total = 0;
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    const expected = declared.get(file.name);
    const limit = expected ?? MAX_UNZIPPED_BYTES - total;
    const outcome = await inflateCounting(file as unknown as StreamingEntry, Math.min(limit, MAX_UNZIPPED_BYTES - total));
    if (outcome.over) {
      return { zh: `部件 ${file.name} 解压后大于中央目录声明的大小`, en: `part ${file.name} inflates past the size its central directory declares` };
    }
    if (outcome.error !== undefined) return { zh: `部件 ${file.name} 无法解压（${outcome.error}）`, en: `part ${file.name} does not inflate (${outcome.error})` };
    if (expected !== undefined && outcome.length !== expected) {
      return { zh: `部件 ${file.name} 解压后小于中央目录声明的大小`, en: `part ${file.name} inflates to less than the size its central directory declares` };
    }
    total += outcome.length;
  }
  return null;
}

/** What jszip offers beside its typings: a part's content as a stream of chunks. */
interface StreamingEntry {
  internalStream(type: "uint8array"): JSZip.JSZipStreamHelper<Uint8Array>;
}

function inflateCounting(file: StreamingEntry, limit: number): Promise<{ length: number; over: boolean; error?: string }> {
  return new Promise((resolve) => {
    let length = 0;
    let settled = false;
    const settle = (outcome: { length: number; over: boolean; error?: string }) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    let stream: JSZip.JSZipStreamHelper<Uint8Array>;
    try {
      stream = file.internalStream("uint8array");
    } catch (e) {
      settle({ length, over: false, error: oneLine(errorMessage(e)) });
      return;
    }
    stream
      .on("data", (chunk) => {
        if (settled) return;
        length += chunk.byteLength;
        if (length > limit) {
          stream.pause();
          settle({ length, over: true });
        }
      })
      .on("error", (e) => settle({ length, over: false, error: oneLine(errorMessage(e)) }))
      .on("end", () => settle({ length, over: false }))
      .resume();
  });
}

// ---- text ----

/** Megabytes, rounded up to a tenth (20 MB and one byte is "20.1 MB", never "20 MB"). */
function mb(bytes: number): string {
  const whole = bytes % (1024 * 1024) === 0;
  return `${whole ? bytes / (1024 * 1024) : (Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toFixed(1)} MB`;
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A message on one line, not too long to read in a list. */
function oneLine(message: string): string {
  const line = message.replace(/\s+/g, " ").trim();
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}

/** The bytes as exceljs takes them, without a copy (exceljs only reads them). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
