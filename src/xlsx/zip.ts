// pako ships no types; the add-in build compiles this file without src/ in its program, so the declaration is referenced here.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./pako.d.ts" />
/**
 * The zip container of an .xlsx, read by hand so nothing about it is taken on trust: the central
 * directory, every local header checked against it, one canonical name per part, and each part
 * inflated at most once, its output handed on in chunks, its length and CRC matching what the
 * directory declares.
 *
 * Part names are canonical or refused: what Excel or LibreOffice resolves a name to must be the
 * name itself, or a workbook could show one enterprise and be read as another. So no "." or ".."
 * segment, no empty segment, no leading "/", no backslash or control character, no two names
 * differing only in case (OPC part names ignore case), no non-ASCII name without the UTF-8 flag,
 * and no Info-ZIP Unicode Path field (0x7075) naming anything else than the raw name.
 *
 * No Node module is imported: the task pane reads files with this too (pako there; Node's zlib,
 * faster, where the code runs in Node).
 */
import { Inflate } from "pako";
import type { Text } from "../../templates/schema";

export const STORED = 0;
export const DEFLATED = 8;

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  /** Declared in the central directory. */
  compressed: number;
  size: number;
  crc: number;
  /** Where the part's data starts in the file. */
  data: number;
}

/** Why a zip's structure is refused: one line in each language. */
export type ZipFault = Text;

const fault = (zh: string, en: string): ZipFault => ({ zh, en });
const FAULTS = {
  noDirectory: fault("找不到中央目录（文件被截断？）", "no central directory (a truncated file?)"),
  badDirectory: fault("中央目录损坏", "a bad central directory"),
  badLocalHeader: fault("部件的本地文件头损坏或与中央目录不一致", "a part's local header is damaged or disagrees with the central directory"),
  dataOutOfRange: fault("部件的数据超出了文件范围（文件被截断？）", "a part's data lies outside the file (a truncated file?)"),
  duplicatePart: fault("同一部件出现了两次", "a part appears twice"),
};

const SATURATED_16 = 0xffff;
const SATURATED_32 = 0xffffffff;
const UNICODE_PATH = 0x7075;

/**
 * The entries of the central directory, each checked against its local header: same name and
 * method, and, unless sizes follow the data (flag bit 3), the same CRC and sizes; data inside the
 * file, before the central directory; a canonical name. Zip64 records are read where the 32-bit
 * fields are full.
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | ZipFault {
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
  if (eocd < 0) return FAULTS.noDirectory;
  let count = u16(eocd + 10);
  let directorySize = u32(eocd + 12);
  let directoryOffset = u32(eocd + 16);
  let directoryEnd = eocd;
  if (count === SATURATED_16 || directorySize === SATURATED_32 || directoryOffset === SATURATED_32) {
    const locator = eocd - 20;
    if (locator < 0 || u32(locator) !== 0x07064b50) return FAULTS.badDirectory;
    const record = u64(locator + 8);
    if (record + 56 > locator || u32(record) !== 0x06064b50) return FAULTS.badDirectory;
    count = u64(record + 32);
    directorySize = u64(record + 40);
    directoryOffset = u64(record + 48);
    directoryEnd = record;
  }
  if (directoryOffset + directorySize > directoryEnd) return FAULTS.badDirectory;
  // The smallest central header is 46 bytes: a count the directory cannot hold is a lie.
  if (count * 46 > directorySize) return FAULTS.badDirectory;

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  const folded = new Map<string, string>();
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directoryOffset + directorySize || u32(at) !== 0x02014b50) return FAULTS.badDirectory;
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
    if (next > directoryOffset + directorySize) return FAULTS.badDirectory;
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const extraStart = at + 46 + nameLength;
    // Zip64: the full values, in this order, for the fields that are full.
    if (size === SATURATED_32 || compressed === SATURATED_32 || local === SATURATED_32) {
      const extra = extraField(view, extraStart, extraLength, 1);
      if (!extra) return FAULTS.badDirectory;
      let k = 0;
      const take = (): number => {
        if (k + 8 > extra.length) return NaN;
        k += 8;
        return u64(extra.offset + k - 8);
      };
      if (size === SATURATED_32) size = take();
      if (compressed === SATURATED_32) compressed = take();
      if (local === SATURATED_32) local = take();
      if ([size, compressed, local].some(Number.isNaN)) return FAULTS.badDirectory;
    }
    const name = partName(nameBytes, (flags & 0x800) !== 0);
    if (typeof name !== "string") return name;
    const nameProblem = canonicalProblem(name) ?? unicodePathProblem(bytes, view, extraStart, extraLength, name);
    if (nameProblem) return nameProblem;
    if (names.has(name)) return FAULTS.duplicatePart;
    names.add(name);
    const other = folded.get(name.toLowerCase());
    if (other !== undefined) {
      return fault(`部件 ${other} 与 ${name} 仅大小写不同（Excel 视为同一部件）`, `parts ${other} and ${name} differ only in case (one part to Excel)`);
    }
    folded.set(name.toLowerCase(), name);

    // The local header: the same part, and the same sizes unless they follow the data.
    if (local + 30 > directoryOffset || u32(local) !== 0x04034b50) return FAULTS.badLocalHeader;
    const localFlags = u16(local + 6);
    const localNameLength = u16(local + 26);
    const localExtraLength = u16(local + 28);
    if (u16(local + 8) !== method || (localFlags & 1) !== (flags & 1) || localNameLength !== nameLength) return FAULTS.badLocalHeader;
    if (!bytes.subarray(local + 30, local + 30 + nameLength).every((b, j) => b === nameBytes[j])) return FAULTS.badLocalHeader;
    if (local + 30 + nameLength + localExtraLength > directoryOffset) return FAULTS.dataOutOfRange;
    const localNameProblem = unicodePathProblem(bytes, view, local + 30 + nameLength, localExtraLength, name);
    if (localNameProblem) return localNameProblem;
    if ((localFlags & 0x8) === 0) {
      const localCompressed = u32(local + 18);
      const localSize = u32(local + 22);
      if (u32(local + 14) !== crc) return FAULTS.badLocalHeader;
      // Zip64 local headers say "see the extra field" with full 32-bit fields; the central record rules.
      if (localCompressed !== SATURATED_32 && localCompressed !== compressed) return FAULTS.badLocalHeader;
      if (localSize !== SATURATED_32 && localSize !== size) return FAULTS.badLocalHeader;
    }
    const data = local + 30 + localNameLength + localExtraLength;
    if (data + compressed > directoryOffset) return FAULTS.dataOutOfRange;
    if (method === STORED && compressed !== size && (flags & 1) === 0) return FAULTS.badLocalHeader;

    entries.push({ name, method, encrypted: (flags & 1) !== 0, compressed, size, crc, data });
    at = next;
  }
  return entries;
}

/** An extra field with this id among a header's extra fields. */
function extraField(view: DataView, start: number, length: number, id: number): { offset: number; length: number } | null {
  for (let at = start; at + 4 <= start + length; ) {
    const fieldId = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (at + 4 + size > start + length) return null;
    if (fieldId === id) return { offset: at + 4, length: size };
    at += 4 + size;
  }
  return null;
}

/** Made on first use: a page or test environment without TextDecoder can still load the module. */
let decoder: { decode(bytes: Uint8Array): string } | null = null;
const strictUtf8 = { decode: (bytes: Uint8Array) => (decoder ??= new TextDecoder("utf-8", { fatal: true })).decode(bytes) };

/** The raw name as text: UTF-8 when flagged, else ASCII only (code page 437 reads differently in every tool). */
function partName(raw: Uint8Array, utf8: boolean): string | ZipFault {
  const shown = () => Array.from(raw, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : "?")).join("");
  if (!utf8 && raw.some((b) => b >= 0x80)) {
    return fault(`部件名 ${shown()} 含非 ASCII 字符却未标明 UTF-8 编码`, `part name ${shown()} has non-ASCII bytes without the UTF-8 flag`);
  }
  try {
    return strictUtf8.decode(raw);
  } catch {
    return fault(`部件名 ${shown()} 不是有效的 UTF-8`, `part name ${shown()} is not valid UTF-8`);
  }
}

/**
 * Why a name is not the one name every reader resolves it to, or null. Directory entries
 * (ending in "/") are allowed: they are no part.
 */
export function canonicalProblem(name: string): ZipFault | null {
  const refuse = () => fault(`部件名 ${JSON.stringify(name)} 不规范（不同软件会解析为不同部件）`, `part name ${JSON.stringify(name)} is not canonical (readers would resolve it to different parts)`);
  // eslint-disable-next-line no-control-regex
  if (name === "" || name.startsWith("/") || /[\\\u0000-\u001f\u007f]/.test(name)) return refuse();
  const segments = name.split("/");
  if (name.endsWith("/")) segments.pop();
  if (segments.some((s) => s === "" || s === "." || s === "..")) return refuse();
  return null;
}

/** An Info-ZIP Unicode Path field (0x7075) naming another part than the raw name: readers disagree on which name counts. */
function unicodePathProblem(bytes: Uint8Array, view: DataView, start: number, length: number, name: string): ZipFault | null {
  const field = extraField(view, start, length, UNICODE_PATH);
  if (!field) return null;
  let other: string | null = null;
  if (field.length >= 5 && view.getUint8(field.offset) === 1) {
    try {
      other = strictUtf8.decode(bytes.subarray(field.offset + 5, field.offset + field.length));
    } catch {
      other = null;
    }
  }
  if (other === name) return null;
  return fault(`部件 ${JSON.stringify(name)} 另带一个不同的 Unicode 名称（扩展字段 0x7075）`, `part ${JSON.stringify(name)} carries another Unicode name (extra field 0x7075)`);
}

/** Thrown by a sink to stop inflating: the caller's own reason, passed through. */
export type Sink = (chunk: Uint8Array) => void;

const CHUNK = 64 * 1024;
/** zlib's smallest output chunk. */
const MIN_CHUNK = 64;

/**
 * Inflates one part, handing its output to the sink a chunk at a time, and checks that it comes
 * to exactly the declared size with the declared CRC. Stops as soon as the output passes the
 * declared size, so a header that lies inflates nothing past it. Null when the part is sound,
 * its fault otherwise; whatever the sink throws is thrown on.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, sink: Sink): ZipFault | null {
  const input = bytes.subarray(entry.data, entry.data + entry.compressed);
  const crc32 = native?.crc32 ?? crc32Js;
  let length = 0;
  let crc = 0;
  const take = (chunk: Uint8Array) => {
    length += chunk.byteLength;
    if (length > entry.size) throw PAST_DECLARED;
    crc = crc32(chunk, crc);
    sink(chunk);
  };
  const handOut = (data: Uint8Array) => {
    for (let at = 0; at < data.byteLength; at += CHUNK) take(data.subarray(at, Math.min(at + CHUNK, data.byteLength)));
  };
  try {
    if (entry.method === STORED) handOut(input);
    else if (native) {
      // The output may not pass the declared size (zlib stops there), so a lying header inflates nothing past it.
      let out: Uint8Array;
      try {
        // One output buffer the declared size (up to a bound: a lying header must not make it allocate 200 MB up front) instead of zlib's 16 KB pieces joined after.
        out = native.inflateRawSync(input, { maxOutputLength: Math.max(1, entry.size), chunkSize: Math.min(Math.max(MIN_CHUNK, entry.size), CHUNK) });
      } catch (e) {
        if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw PAST_DECLARED;
        const message = e instanceof Error ? e.message : String(e);
        return fault(`部件 ${entry.name} 无法解压（${message}）`, `part ${entry.name} does not inflate (${message})`);
      }
      // A plain Uint8Array over the same memory: a Node Buffer's subarray and indexOf, which the
      // XML scan calls per tag, cost several times a typed array's.
      handOut(new Uint8Array(out.buffer, out.byteOffset, out.byteLength));
    } else {
      // Output buffers sized to the part: most parts are a few kilobytes.
      const inflater = new Inflate({ raw: true, chunkSize: Math.min(CHUNK, Math.max(1024, entry.size)) });
      inflater.onData = take;
      inflater.onEnd = () => undefined;
      inflater.push(input, true);
      if (inflater.err) return fault(`部件 ${entry.name} 无法解压（${inflater.msg}）`, `part ${entry.name} does not inflate (${inflater.msg})`);
    }
  } catch (e) {
    if (e !== PAST_DECLARED) throw e;
    return fault(`部件 ${entry.name} 解压后大于中央目录声明的大小`, `part ${entry.name} inflates past the size its central directory declares`);
  }
  if (length !== entry.size) return fault(`部件 ${entry.name} 解压后小于中央目录声明的大小`, `part ${entry.name} inflates to less than the size its central directory declares`);
  if (crc >>> 0 !== entry.crc) return fault(`部件 ${entry.name} 的 CRC 校验不符（数据已损坏）`, `part ${entry.name} fails its CRC check (damaged data)`);
  return null;
}

/** What the reading uses of Node's zlib, when it runs in Node. */
interface NativeZlib {
  inflateRawSync(data: Uint8Array, options: { maxOutputLength: number; chunkSize: number }): Uint8Array;
  crc32?(data: Uint8Array, value: number): number;
}

/**
 * Node's own zlib where there is one (the command line, the tests): several times pako's speed.
 * Taken at run time through process.getBuiltinModule, so the task pane's bundle, where there is
 * no process, neither includes nor needs it and inflates with pako.
 */
function nodeZlib(): NativeZlib | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return (proc?.getBuiltinModule?.("node:zlib") as NativeZlib | undefined) ?? null;
}

let native = nodeZlib();

/** Chooses the inflater: Node's zlib (when there is one) or pako, as in a browser. For the tests of both paths. */
export function useNodeZlib(on: boolean): void {
  native = on ? nodeZlib() : null;
}

const PAST_DECLARED = new Error("past the declared size");

/** CRC-32 tables for slicing by four bytes (a byte at a time is a third as fast). */
const CRC_TABLES = (() => {
  const tables = Array.from({ length: 4 }, () => new Int32Array(256));
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    tables[0][n] = c;
  }
  for (let n = 0; n < 256; n++) {
    for (let t = 1; t < 4; t++) tables[t][n] = tables[0][tables[t - 1][n] & 0xff] ^ (tables[t - 1][n] >>> 8);
  }
  return tables;
})();

/** The CRC-32 of `prev`'s data followed by the chunk (as zlib.crc32 chains), four bytes at a time. */
function crc32Js(chunk: Uint8Array, prev: number): number {
  const [t0, t1, t2, t3] = CRC_TABLES;
  let c = ~prev;
  let i = 0;
  const n = chunk.length;
  for (; i + 4 <= n; i += 4) {
    c ^= chunk[i] | (chunk[i + 1] << 8) | (chunk[i + 2] << 16) | (chunk[i + 3] << 24);
    c = t3[c & 0xff] ^ t2[(c >>> 8) & 0xff] ^ t1[(c >>> 16) & 0xff] ^ t0[c >>> 24];
  }
  for (; i < n; i++) c = t0[(c ^ chunk[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}
