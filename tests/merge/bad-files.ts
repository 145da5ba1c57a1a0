/**
 * Bad files as people send them, built byte by byte for the merge tests: a zip assembled by hand
 * (with headers that may lie, and zip64 records), an OLE compound file as Office writes a
 * password-protected workbook or a .xls, and a workbook without any Assessbook sheet.
 */
import ExcelJS from "exceljs";
import * as zlib from "node:zlib";

export async function plainWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("企业名单");
  sheet.getCell("A1").value = "企业名称";
  sheet.getCell("A2").value = "某某机械有限公司";
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface Part {
  name: string;
  data: Buffer;
  /** Sizes the headers declare instead of the true ones. */
  lie?: { central?: number; local?: number };
}

/** Each part's data deflated once, with its CRC: the zip bombs share their 201 MB of zeros. */
const deflatedOnce = new Map<Buffer, { deflated: Buffer; crc: number }>();
function deflate(data: Buffer): { deflated: Buffer; crc: number } {
  let done = deflatedOnce.get(data);
  if (!done) deflatedOnce.set(data, (done = { deflated: zlib.deflateRawSync(data), crc: zlib.crc32(data) }));
  return done;
}

/**
 * A zip assembled byte by byte: deflated parts, local headers, central directory, end record;
 * with zip64, every size and offset in zip64 extra fields and records, as some writers always do.
 */
export function assembleZip(parts: Part[], { zip64 = false } = {}): Buffer {
  const FULL = 0xffffffff;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const { deflated, crc } = deflate(part.data);
    const size = part.lie?.central ?? part.data.length;
    const localSize = part.lie?.local ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(zip64 ? 45 : 20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8); // deflated
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(zip64 ? FULL : deflated.length, 18);
    local.writeUInt32LE(zip64 ? FULL : localSize, 22);
    local.writeUInt16LE(name.length, 26);
    const localExtra = zip64 ? u64Extra([localSize, deflated.length]) : Buffer.alloc(0);
    local.writeUInt16LE(localExtra.length, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(zip64 ? 45 : 20, 4);
    central.writeUInt16LE(zip64 ? 45 : 20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(zip64 ? FULL : deflated.length, 20);
    central.writeUInt32LE(zip64 ? FULL : size, 24);
    central.writeUInt16LE(name.length, 28);
    const centralExtra = zip64 ? u64Extra([size, deflated.length, offset]) : Buffer.alloc(0);
    central.writeUInt16LE(centralExtra.length, 30);
    central.writeUInt32LE(zip64 ? FULL : offset, 42);
    locals.push(local, name, localExtra, deflated);
    centrals.push(central, name, centralExtra);
    offset += local.length + name.length + localExtra.length + deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const records: Buffer[] = [];
  if (zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(parts.length), 24);
    record.writeBigUInt64LE(BigInt(parts.length), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    records.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : parts.length, 8);
  end.writeUInt16LE(zip64 ? 0xffff : parts.length, 10);
  end.writeUInt32LE(zip64 ? FULL : directory.length, 12);
  end.writeUInt32LE(zip64 ? FULL : offset, 16);
  return Buffer.concat([...locals, directory, ...records, end]);
}

/** The zip64 extended information extra field (id 1) holding these values. */
function u64Extra(values: number[]): Buffer {
  const extra = Buffer.alloc(4 + 8 * values.length);
  extra.writeUInt16LE(1, 0);
  extra.writeUInt16LE(8 * values.length, 2);
  values.forEach((v, i) => extra.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
  return extra;
}

export const WORKBOOK_XML = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>');

/**
 * An OLE compound file (version 3, 512-byte sectors) as Office writes a password-protected
 * .xlsx: the header; sector 0, the FAT; sector 1, the directory with the root entry and the
 * streams EncryptionInfo and EncryptedPackage (their contents left out: only the names matter).
 */
export function oleFile(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // 2^9 = 512-byte sectors
  header.writeUInt16LE(6, 32); // 2^6 = 64-byte mini sectors
  header.writeUInt32LE(1, 44); // one FAT sector
  header.writeUInt32LE(1, 48); // the directory starts at sector 1
  header.writeUInt32LE(0x1000, 56); // mini stream cutoff
  header.writeUInt32LE(0xfffffffe, 60); // no mini FAT
  header.writeUInt32LE(0xfffffffe, 68); // no DIFAT sectors
  header.fill(0xff, 76, 512); // DIFAT: unused …
  header.writeUInt32LE(0, 76); // … but the first FAT sector is sector 0
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0: a FAT sector
  fat.writeUInt32LE(0xfffffffe, 4); // sector 1: the directory, end of chain
  const directory = Buffer.alloc(512);
  const entry = (index: number, name: string, type: number) => {
    const at = index * 128;
    directory.write(name + "\0", at, "utf16le");
    directory.writeUInt16LE((name.length + 1) * 2, at + 64);
    directory.writeUInt8(type, at + 66);
    directory.writeUInt32LE(0xffffffff, at + 68); // siblings and child: none …
    directory.writeUInt32LE(0xffffffff, at + 72);
    directory.writeUInt32LE(0xffffffff, at + 76);
  };
  entry(0, "Root Entry", 5);
  streams.forEach((name, i) => entry(i + 1, name, 2));
  directory.writeUInt32LE(1, 76); // … except the root's child
  return Buffer.concat([header, fat, directory]);
}

