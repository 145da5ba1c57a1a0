/**
 * Hostile .xlsx files built in code for the reading-gate tests: a good submission taken apart
 * and zipped again by hand, with raw part names, extra fields, CRCs and XML as a stranger's tool
 * might write them. Nothing binary is committed.
 */
import JSZip from "jszip";
import * as zlib from "node:zlib";
import { summaryPlan, ROW_A, ROW_B, workbookFile } from "../merge/submissions";

export interface RawPart {
  /** The raw name, written as given (UTF-8, flagged). */
  name: string;
  data: Buffer;
  /** Extra fields for both headers. */
  extra?: Buffer;
  /** A CRC to declare instead of the true one. */
  crc?: number;
}

/** A zip assembled byte by byte: deflated parts, local headers, central directory, end record. */
export function buildZip(parts: RawPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const extra = part.extra ?? Buffer.alloc(0);
    const deflated = zlib.deflateRawSync(part.data);
    const crc = part.crc ?? zlib.crc32(part.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(part.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(deflated.length, 20);
    central.writeUInt32LE(part.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    const record = Buffer.concat([local, name, extra, deflated]);
    locals.push(record);
    centrals.push(Buffer.concat([central, name, extra]));
    offset += record.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** An Info-ZIP Unicode Path extra field (0x7075) giving `unicode` as the name of a part whose raw name is `raw`. */
export function unicodePathExtra(raw: string, unicode: string): Buffer {
  const name = Buffer.from(unicode, "utf8");
  const field = Buffer.alloc(9);
  field.writeUInt16LE(0x7075, 0);
  field.writeUInt16LE(5 + name.length, 2);
  field.writeUInt8(1, 4);
  field.writeUInt32LE(zlib.crc32(Buffer.from(raw, "utf8")), 5);
  return Buffer.concat([field, name]);
}

/** The parts of a zip, read back with jszip. */
export async function partsOf(bytes: Uint8Array): Promise<RawPart[]> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.values(zip.files).filter((f) => !f.dir);
  return Promise.all(files.map(async (f) => ({ name: f.name, data: await f.async("nodebuffer") })));
}

/** A county's summary table with two good rows (ROW_A, ROW_B), as a merge takes it. */
export async function goodSummary(): Promise<Buffer> {
  return Buffer.from((await workbookFile("县.xlsx", [summaryPlan([ROW_A, ROW_B])])).bytes);
}

export const SHEET = "xl/worksheets/sheet1.xml";

/** The parts with one part's XML edited. */
export function edit(parts: RawPart[], name: string, change: (xml: string) => string): RawPart[] {
  return parts.map((p) => (p.name === name ? { ...p, data: Buffer.from(change(p.data.toString("utf8")), "utf8") } : p));
}
