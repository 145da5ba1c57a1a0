/**
 * Reading submitted files for a merge: the Assessbook sheets of a good workbook, and a kind and
 * a one-line bilingual reason for every bad file, built here for real (truncated and corrupted
 * zips, an OLE file holding an encrypted package, a zip bomb, headers that lie), in one batch
 * that a bad file never stops and that never modifies its inputs.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import * as zlib from "node:zlib";
import { MAX_FILE_BYTES, MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES, readSource, readSources, type SourceFile, type SourceResult } from "../../src/merge/read-source";
import { checkParams } from "../../src/sheets/params";
import { SHEET_TEMPLATES } from "../../src/sheets/registry";
import { writeWorkbook } from "../../src/xlsx/writer";

/** A workbook Assessbook built: the first template's sample, as `assessbook build` writes it. */
async function assessbookWorkbook(): Promise<Buffer> {
  const template = SHEET_TEMPLATES[0];
  const params = checkParams(template.params, {});
  if (!params.ok) throw new Error("the first template's default parameters are refused");
  const plan = template.render(params.value, template.sample());
  if (!plan.ok) throw new Error("the first template's sample is refused");
  return (await writeWorkbook([plan.value])).bytes;
}

async function plainWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("企业名单");
  sheet.getCell("A1").value = "企业名称";
  sheet.getCell("A2").value = "某某机械有限公司";
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

interface Part {
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
function assembleZip(parts: Part[], { zip64 = false } = {}): Buffer {
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

/** The parts of a zip, read back with jszip. */
async function partsOf(bytes: Buffer): Promise<Part[]> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.values(zip.files).filter((f) => !f.dir);
  return Promise.all(files.map(async (f) => ({ name: f.name, data: await f.async("nodebuffer") })));
}

const WORKBOOK_XML = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>');

/**
 * An OLE compound file (version 3, 512-byte sectors) as Office writes a password-protected
 * .xlsx: the header; sector 0, the FAT; sector 1, the directory with the root entry and the
 * streams EncryptionInfo and EncryptedPackage (their contents left out: only the names matter).
 */
function oleFile(streams: string[]): Buffer {
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

function refusal(result: SourceResult) {
  if (result.ok) throw new Error(`${result.name} was read, not refused`);
  return result;
}

/** Every reason is one line in each language. */
function expectOneLine(result: SourceResult) {
  const { reason } = refusal(result);
  for (const text of [reason.zh, reason.en]) {
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toMatch(/\n/);
  }
}

let good: Buffer;
let zeros: Buffer;
let bomb: Buffer;
beforeAll(async () => {
  good = await assessbookWorkbook();
  // 201 MB of zeros deflate to about 200 KB: honest headers that say so.
  zeros = Buffer.alloc(MAX_UNZIPPED_BYTES + 1024 * 1024);
  bomb = assembleZip([
    { name: "xl/workbook.xml", data: WORKBOOK_XML },
    { name: "xl/worksheets/sheet1.xml", data: zeros },
  ]);
});

afterEach(() => jest.restoreAllMocks());

test("a workbook Assessbook built: its marked sheets, with the file name", async () => {
  const result = await readSource("企业A.xlsx", good);
  if (!result.ok) throw new Error(result.reason.en);
  expect(result.name).toBe("企业A.xlsx");
  expect(result.sheets).toHaveLength(1);
  expect(result.sheets[0].marker.template).toBe(SHEET_TEMPLATES[0].id);
  expect(result.otherSheets).toEqual([]);
});

test("a workbook with a sheet the user added: only the marked sheets are read, the others named", async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(good as unknown as ExcelJS.Buffer);
  workbook.addWorksheet("备注");
  const result = await readSource("b.xlsx", Buffer.from(await workbook.xlsx.writeBuffer()));
  if (!result.ok) throw new Error(result.reason.en);
  expect(result.sheets.map((s) => s.marker.template)).toEqual([SHEET_TEMPLATES[0].id]);
  expect(result.otherSheets).toEqual(["备注"]);
});

test("the same workbook zipped again by hand, and again with zip64 records, reads the same", async () => {
  for (const zip64 of [false, true]) {
    const result = await readSource("rezipped.xlsx", assembleZip(await partsOf(good), { zip64 }));
    if (!result.ok) throw new Error(result.reason.en);
    expect(result.sheets.map((s) => s.marker.template)).toEqual([SHEET_TEMPLATES[0].id]);
  }
});

test("a zip whose workbook part is not XML is an unreadable workbook", async () => {
  const broken = assembleZip([{ name: "xl/workbook.xml", data: Buffer.from("<<< not xml") }]);
  const result = refusal(await readSource("broken.xlsx", broken));
  expect(result.kind).toBe("unreadable");
  expect(result.reason.en).toMatch(/^the workbook cannot be read: /);
  expectOneLine(result);
});

test("a workbook without a marker is refused as having no Assessbook sheet", async () => {
  const result = refusal(await readSource("名单.xlsx", await plainWorkbook()));
  expect(result.kind).toBe("no-assessbook-sheet");
  expect(result.reason.zh).toContain("没有 Assessbook 生成的表");
  expectOneLine(result);
});

test("a text file (a .csv) is not an .xlsx", async () => {
  const result = refusal(await readSource("名单.csv", Buffer.from("企业名称,统一社会信用代码\n某某公司,91330100MA2XXXXX0X\n")));
  expect(result.kind).toBe("not-xlsx");
  expect(result.reason.en).toContain("no zip signature");
  expectOneLine(result);
  expect(refusal(await readSource("empty.xlsx", new Uint8Array(0))).kind).toBe("not-xlsx");
});

test("a truncated zip is corrupt: no central directory", async () => {
  const result = refusal(await readSource("cut.xlsx", good.subarray(0, Math.floor(good.length / 2))));
  expect(result.kind).toBe("corrupt-zip");
  expect(result.reason.en).toContain("no central directory");
  expectOneLine(result);
});

test("a zip whose central directory is damaged is corrupt", async () => {
  const damaged = Buffer.from(good);
  const directory = damaged.readUInt32LE(damaged.length - 22 + 16);
  damaged.fill(0x20, directory, directory + 8); // the first central header's signature and versions
  const result = refusal(await readSource("damaged.xlsx", damaged));
  expect(result.kind).toBe("corrupt-zip");
  expect(result.reason.en).toContain("bad central directory");
  expectOneLine(result);
});

test("a zip whose end record points the central directory past the end of the file is corrupt", async () => {
  const damaged = Buffer.from(good);
  damaged.writeUInt32LE(damaged.length, damaged.length - 22 + 16);
  expect(refusal(await readSource("damaged.xlsx", damaged)).kind).toBe("corrupt-zip");
});

test("an OLE compound file holding EncryptionInfo and EncryptedPackage is refused as password-protected", async () => {
  const result = refusal(await readSource("加密.xlsx", oleFile(["EncryptionInfo", "EncryptedPackage"])));
  expect(result.kind).toBe("encrypted");
  expect(result.reason.zh).toContain("受密码保护");
  expect(result.reason.en).toContain("password-protected");
  expectOneLine(result);
});

test("an OLE compound file holding a Workbook stream is an old .xls; one with an unreadable directory says both", async () => {
  const xls = refusal(await readSource("old.xls", oleFile(["Workbook"])));
  expect(xls.kind).toBe("not-xlsx");
  expect(xls.reason.en).toContain(".xls");
  const header = refusal(await readSource("header.xlsx", oleFile([]).subarray(0, 512)));
  expect(header.kind).toBe("not-xlsx");
  expect(header.reason.zh).toContain("受密码保护");
});

test("a file over 20 MB is refused before it is parsed", async () => {
  const load = jest.spyOn(JSZip, "loadAsync");
  const big = Buffer.alloc(MAX_FILE_BYTES + 1);
  good.copy(big); // a workbook at the start: the size alone refuses it
  const result = refusal(await readSource("big.xlsx", big));
  expect(result.kind).toBe("too-large");
  expect(result.reason.en).toBe("the file is 20.1 MB, over the 20 MB limit");
  expect(load).not.toHaveBeenCalled();
  expectOneLine(result);
  // Exactly 20 MB is within the limit (and, padded with zeros, a zip without its end record).
  expect(refusal(await readSource("20MB.xlsx", big.subarray(0, MAX_FILE_BYTES))).kind).toBe("corrupt-zip");
});

test("a zip bomb (201 MB of zeros in 200 KB) is refused from its central directory, before anything inflates", async () => {
  expect(bomb.length).toBeLessThan(1024 * 1024);
  const load = jest.spyOn(JSZip, "loadAsync");
  const result = refusal(await readSource("bomb.xlsx", bomb));
  expect(result.kind).toBe("inflates-too-large");
  expect(result.reason.en).toBe("it would inflate to 201.1 MB, over the 200 MB limit");
  expect(load).not.toHaveBeenCalled();
  expectOneLine(result);
});

test("a zip bomb whose headers both declare 1 KB is stopped while inflating, past 1 KB", async () => {
  const lying = assembleZip([
    { name: "xl/workbook.xml", data: WORKBOOK_XML },
    { name: "xl/worksheets/sheet1.xml", data: zeros, lie: { central: 1024 } },
  ]);
  const started = Date.now();
  const result = refusal(await readSource("liar.xlsx", lying));
  expect(result.kind).toBe("corrupt-zip");
  expect(result.reason.en).toBe("a corrupted zip: part xl/worksheets/sheet1.xml inflates past the size its central directory declares");
  // Stopped at the first chunks, not after inflating 201 MB.
  expect(Date.now() - started).toBeLessThan(2000);
  expectOneLine(result);
});

test("a zip whose local header declares another size than its central directory is corrupt", async () => {
  const lying = assembleZip([
    { name: "xl/workbook.xml", data: WORKBOOK_XML },
    { name: "xl/worksheets/sheet1.xml", data: Buffer.from("<worksheet/>"), lie: { local: 10 * 1024 * 1024 } },
  ]);
  const result = refusal(await readSource("liar.xlsx", lying));
  expect(result.kind).toBe("corrupt-zip");
  expect(result.reason.en).toContain("disagrees with the central directory");
  expectOneLine(result);
});

test("a zip of more parts than any workbook has is refused before anything inflates", async () => {
  const empty = Buffer.alloc(0);
  const many = assembleZip(Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, i) => ({ name: `xl/media/${i}.bin`, data: empty })));
  const result = refusal(await readSource("many.xlsx", many));
  expect(result.kind).toBe("inflates-too-large");
  expect(result.reason.en).toBe(`the zip has ${MAX_ZIP_ENTRIES + 1} parts, over the ${MAX_ZIP_ENTRIES} limit`);
});

test("a zip without xl/workbook.xml (a .docx) holds no workbook", async () => {
  const docx = assembleZip([{ name: "word/document.xml", data: Buffer.from("<w:document/>") }]);
  const result = refusal(await readSource("申请书.docx", docx));
  expect(result.kind).toBe("no-workbook");
  expect(result.reason.en).toContain("xl/workbook.xml");
  expectOneLine(result);
});

test("a zip with a part that appears twice is corrupt (which one a reader takes is ambiguous)", async () => {
  const twice = assembleZip([
    { name: "xl/workbook.xml", data: WORKBOOK_XML },
    { name: "xl/workbook.xml", data: WORKBOOK_XML },
  ]);
  expect(refusal(await readSource("twice.xlsx", twice)).reason.en).toContain("a part appears twice");
});

test("a batch: every file gets its result in order, bad files never stop it, progress per file, inputs unchanged", async () => {
  const files: SourceFile[] = [
    { name: "a.xlsx", bytes: good },
    { name: "名单.csv", bytes: Buffer.from("a,b\n1,2\n") },
    { name: "cut.xlsx", bytes: good.subarray(0, 1000) },
    { name: "加密.xlsx", bytes: oleFile(["EncryptionInfo", "EncryptedPackage"]) },
    { name: "bomb.xlsx", bytes: bomb },
    { name: "big.xlsx", bytes: new Uint8Array(MAX_FILE_BYTES + 1) },
    { name: "plain.xlsx", bytes: await plainWorkbook() },
    { name: "b.xlsx", bytes: good },
  ];
  const before = files.map((f) => Buffer.from(f.bytes));
  const progress: [number, number][] = [];
  const results = await readSources(files, (done, total) => progress.push([done, total]));
  expect(results.map((r) => [r.name, r.ok ? "ok" : r.kind])).toEqual([
    ["a.xlsx", "ok"],
    ["名单.csv", "not-xlsx"],
    ["cut.xlsx", "corrupt-zip"],
    ["加密.xlsx", "encrypted"],
    ["bomb.xlsx", "inflates-too-large"],
    ["big.xlsx", "too-large"],
    ["plain.xlsx", "no-assessbook-sheet"],
    ["b.xlsx", "ok"],
  ]);
  expect(progress).toEqual(files.map((_, i) => [i + 1, files.length]));
  files.forEach((f, i) => expect(Buffer.compare(Buffer.from(f.bytes), before[i])).toBe(0));
});

test("readSource never throws, whatever the bytes", async () => {
  const samples = [Buffer.from("PK\x03\x04"), Buffer.from("PK\x05\x06"), good.subarray(0, good.length - 1), Buffer.concat([good, Buffer.from("trailing")]), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])];
  for (const [i, bytes] of samples.entries()) {
    const result = await readSource(`sample${i}.xlsx`, bytes);
    expect(result.ok).toBe(false);
    expectOneLine(result);
  }
});
