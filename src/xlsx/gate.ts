/**
 * The one gate every workbook the product did not make passes before anything reads it: merge
 * sources, `merge --into` targets, `extract`, the task pane's merge. A file that fails it is
 * refused with a kind and one line in each language, never a crash, a hang or unbounded memory.
 *
 * Here, from the bytes alone (src/xlsx/read-file.ts does the file system's part in Node):
 * - the size (MAX_FILE_BYTES);
 * - the signature: an .xlsx (a zip), an OLE compound file (a password-protected workbook or a
 *   .xls), or anything else;
 * - the zip's structure (src/xlsx/zip.ts): directory and local headers agreeing, one canonical
 *   name per part, at most MAX_ZIP_ENTRIES parts declaring at most MAX_UNZIPPED_BYTES in all,
 *   supported and unencrypted, and each part, when inflated, exactly its declared size and CRC.
 * The reader (src/xlsx/reader.ts) then holds the XML and the cells to the limits below, which a
 * real submission never reaches; the README states them.
 */
import type { Text } from "../../templates/schema";
import { DEFLATED, inflateEntry, readZipDirectory, STORED, type Sink, type ZipEntry } from "./zip";

/** A workbook file larger than this is refused before it is parsed. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** The parts of a workbook may inflate to this much in total. */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
/** An .xlsx has a few dozen parts, a few hundred with many images; more is not a workbook. */
export const MAX_ZIP_ENTRIES = 10_000;
/** Excel's own limit on the characters in a cell. */
export const MAX_CELL_CHARS = 32_767;
/** Rows read on a sheet Assessbook built: its largest table has a few hundred. */
export const MAX_ROWS = 10_000;
/** Distinct texts in a workbook (its shared strings), and their characters in all. */
export const MAX_SHARED_STRINGS = 100_000;
export const MAX_SHARED_CHARS = 4_000_000;

export type RefusalKind =
  /** Not a regular file (a directory, a FIFO, a device), or it changed while being read. */
  | "not-a-file"
  /** Larger than MAX_FILE_BYTES. */
  | "too-large"
  /** Not a zip at all (.xls, .csv, text …), or a zip of something else. */
  | "not-xlsx"
  /** A password-protected workbook (an OLE file holding EncryptedPackage), or encrypted zip entries. */
  | "encrypted"
  /** A zip that is truncated, has a bad central directory, headers that disagree, a non-canonical part name, or a part failing its size or CRC. */
  | "corrupt-zip"
  /** Would inflate past MAX_UNZIPPED_BYTES, or has more than MAX_ZIP_ENTRIES parts. */
  | "inflates-too-large"
  /** A zip without xl/workbook.xml (a .docx, a .pptx, a plain zip). */
  | "no-workbook"
  /** A workbook whose parts cannot be read (XML not well-formed, a part missing). */
  | "unreadable"
  /** Past a limit no real submission reaches: rows, characters in a cell, shared strings. */
  | "over-limit"
  /** A readable workbook without any sheet Assessbook built (no marker). */
  | "no-assessbook-sheet"
  /** A template the workbook carries that cannot be taken (src/xlsx/template-part.ts): malformed, a built-in id, or another version than the one loaded. */
  | "template";

/** A file the gate or the reader refuses: its kind and one line in each language (without the file name). */
export class UnreadableWorkbook extends Error {
  constructor(
    readonly kind: RefusalKind,
    readonly reason: Text,
  ) {
    super(reason.en);
  }
}

export function refuse(kind: RefusalKind, zh: string, en: string): never {
  throw new UnreadableWorkbook(kind, { zh, en });
}

/** Megabytes, rounded up to a tenth (20 MB and one byte is "20.1 MB", never "20 MB"). */
export function mb(bytes: number): string {
  const whole = bytes % (1024 * 1024) === 0;
  return `${whole ? bytes / (1024 * 1024) : (Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toFixed(1)} MB`;
}

export function tooLarge(size: number): Text {
  return { zh: `文件大小 ${mb(size)}，超过 ${mb(MAX_FILE_BYTES)} 的上限`, en: `the file is ${mb(size)}, over the ${mb(MAX_FILE_BYTES)} limit` };
}

/** A zip that passed the gate: its parts by name, each inflated (and checked) at most once. */
export class WorkbookZip {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly read = new Set<string>();

  constructor(
    private readonly bytes: Uint8Array,
    entries: readonly ZipEntry[],
  ) {
    // Part names compare without case (OPC); the gate refused names that differ only in case.
    for (const e of entries) if (!e.name.endsWith("/")) this.byName.set(e.name.toLowerCase(), e);
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  /** The names of its parts, as the zip spells them. */
  partNames(): string[] {
    return [...this.byName.values()].map((e) => e.name);
  }

  /**
   * Inflates a part into the sink, checking its size and CRC. A part is inflated once: asked
   * twice, the workbook is refused. What the sink throws (the reader's refusals) is thrown on.
   */
  inflate(name: string, sink: Sink): void {
    const entry = this.byName.get(name.toLowerCase());
    if (!entry) refuse("unreadable", `工作簿无法读取：缺少部件 ${name}`, `the workbook cannot be read: it lacks its part ${name}`);
    // Two sheets (or a sheet and the shared strings) naming one part would have it inflated again and again.
    if (this.read.has(entry.name)) refuse("unreadable", `工作簿无法读取：部件 ${entry.name} 被引用了两次`, `the workbook cannot be read: part ${entry.name} is named twice`);
    this.read.add(entry.name);
    const failed = inflateEntry(this.bytes, entry, sink);
    if (failed) refuse("corrupt-zip", `zip 文件已损坏：${failed.zh}`, `a corrupted zip: ${failed.en}`);
  }

  /**
   * Every part neither read yet nor to be read (`later`), inflated and dropped, so a damaged or
   * lying part is refused even where nothing reads it.
   */
  checkRest(later: readonly string[]): void {
    const skip = new Set(later.map((name) => name.toLowerCase()));
    for (const entry of this.byName.values()) if (!this.read.has(entry.name) && !skip.has(entry.name.toLowerCase())) this.inflate(entry.name, ignore);
  }
}

const ignore: Sink = () => undefined;

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const WORKBOOK_PART = "xl/workbook.xml";

/** The bytes of a workbook file through the gate: its zip, or an UnreadableWorkbook thrown. */
export function openWorkbookZip(bytes: Uint8Array): WorkbookZip {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    const { zh, en } = tooLarge(bytes.byteLength);
    refuse("too-large", zh, en);
  }
  // Said as it is (issue 12): "no zip signature" would send the clerk looking for the wrong mistake.
  if (bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) refuse("not-xlsx", "文件为空（0 字节或只有空白）", "the file is empty (0 bytes, or only whitespace)");
  if (startsWith(bytes, OLE_SIGNATURE)) {
    const ole = oleKind(bytes);
    if (ole === "encrypted") refuse("encrypted", "工作簿受密码保护，请去除密码后重新提交", "the workbook is password-protected; remove the password and submit it again");
    if (ole === "xls") refuse("not-xlsx", "是旧版 Excel 97-2003 (.xls) 文件，请另存为 .xlsx", "an Excel 97-2003 (.xls) file; save it as .xlsx");
    refuse("not-xlsx", "是 OLE 复合文档（旧版 Office 文件或受密码保护的文件），不是 .xlsx", "an OLE compound file (an old Office file or a password-protected one), not an .xlsx");
  }
  if (!startsWith(bytes, ZIP_LOCAL) && !startsWith(bytes, ZIP_EMPTY)) {
    refuse("not-xlsx", "不是 .xlsx 文件（没有 zip 签名），可能是 .xls、.csv 或文本文件", "not an .xlsx file (no zip signature): perhaps a .xls, .csv or text file");
  }
  const entries = readZipDirectory(bytes);
  if (!Array.isArray(entries)) refuse("corrupt-zip", `zip 文件已损坏：${entries.zh}`, `a corrupted zip: ${entries.en}`);
  if (entries.length > MAX_ZIP_ENTRIES) {
    refuse("inflates-too-large", `zip 中有 ${entries.length} 个部件，超过 ${MAX_ZIP_ENTRIES} 的上限`, `the zip has ${entries.length} parts, over the ${MAX_ZIP_ENTRIES} limit`);
  }
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > MAX_UNZIPPED_BYTES) {
    refuse("inflates-too-large", `解压后共 ${mb(declared)}，超过 ${mb(MAX_UNZIPPED_BYTES)} 的上限`, `it would inflate to ${mb(declared)}, over the ${mb(MAX_UNZIPPED_BYTES)} limit`);
  }
  if (entries.some((e) => e.encrypted)) refuse("encrypted", "zip 中的部件已加密（受密码保护）", "the zip's parts are encrypted (password-protected)");
  const unsupported = entries.find((e) => e.method !== STORED && e.method !== DEFLATED);
  if (unsupported) refuse("corrupt-zip", `部件 ${unsupported.name} 使用了不支持的压缩方式 ${unsupported.method}`, `part ${unsupported.name} uses unsupported compression method ${unsupported.method}`);
  if (!entries.some((e) => e.name === WORKBOOK_PART)) {
    refuse("no-workbook", "zip 中没有工作簿（缺少 xl/workbook.xml），可能是 .docx 或其他文件", "the zip holds no workbook (no xl/workbook.xml): perhaps a .docx or another file");
  }
  return new WorkbookZip(bytes, entries);
}

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
