/**
 * Reading submitted files for a merge: the Assessbook sheets of a good workbook, and a kind and
 * a one-line bilingual reason for every bad file, built here for real (truncated and corrupted
 * zips, an OLE file holding an encrypted package, a zip bomb, headers that lie), in one batch
 * that a bad file never stops and that never modifies its inputs.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { MAX_FILE_BYTES, MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES, readPendingSources, readSource, readSources, type PendingFile, type SourceFile, type SourceResult } from "../../src/merge/read-source";
import { checkParams } from "../../src/sheets/params";
import { SHEET_TEMPLATES } from "../../src/sheets/registry";
import { writeWorkbook } from "../../src/xlsx/writer";
import { assembleZip, oleFile, plainWorkbook, WORKBOOK_XML, type Part } from "./bad-files";

/** A workbook Assessbook built: the first template's sample, as `assessbook build` writes it. */
async function assessbookWorkbook(): Promise<Buffer> {
  const template = SHEET_TEMPLATES[0];
  const params = checkParams(template.params, {});
  if (!params.ok) throw new Error("the first template's default parameters are refused");
  const plan = template.render(params.value, template.sample());
  if (!plan.ok) throw new Error("the first template's sample is refused");
  return (await writeWorkbook([plan.value])).bytes;
}

/** The parts of a zip, read back with jszip. */
async function partsOf(bytes: Buffer): Promise<Part[]> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.values(zip.files).filter((f) => !f.dir);
  return Promise.all(files.map(async (f) => ({ name: f.name, data: await f.async("nodebuffer") })));
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

test("files fetched a batch at a time: at most 10 held, an oversize file never fetched, an unreadable one refused, order kept", async () => {
  const events: string[] = [];
  const pending: PendingFile[] = Array.from({ length: 23 }, (_, i) => ({
    name: `${i + 1}.xlsx`,
    size: good.length,
    bytes: async () => {
      events.push(`fetch ${i + 1}`);
      return good;
    },
  }));
  pending[4] = { name: "big.xlsx", size: MAX_FILE_BYTES + 1, bytes: () => Promise.reject(new Error("an oversize file must not be fetched")) };
  pending[7] = { name: "gone.xlsx", size: 10, bytes: () => Promise.reject(new Error("ENOENT: no such file")) };
  const results = await readPendingSources(pending, (done, total) => events.push(`done ${done}/${total}`));
  expect(results.map((r) => (r.ok ? r.name : `${r.name} ${r.kind}`))).toEqual(pending.map((p, i) => (i === 4 ? "big.xlsx too-large" : i === 7 ? "gone.xlsx unreadable" : p.name)));
  const gone = refusal(results[7]);
  expect(gone.reason.en).toBe("the file cannot be read: ENOENT: no such file");
  expect(refusal(results[4]).reason.en).toBe("the file is 20.1 MB, over the 20 MB limit");
  // Every file reported once, in order.
  expect(events.filter((e) => e.startsWith("done"))).toEqual(pending.map((_, i) => `done ${i + 1}/23`));
  // No file is fetched while more than 10 fetched files are still unread.
  let fetched = 0;
  let done = 0;
  for (const e of events) {
    if (e.startsWith("fetch")) fetched++;
    else done = Number(/done (\d+)/.exec(e)?.[1]);
    expect(fetched - done).toBeLessThanOrEqual(10);
  }
});

test("readSource never throws, whatever the bytes", async () => {
  const samples = [Buffer.from("PK\x03\x04"), Buffer.from("PK\x05\x06"), good.subarray(0, good.length - 1), Buffer.concat([good, Buffer.from("trailing")]), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])];
  for (const [i, bytes] of samples.entries()) {
    const result = await readSource(`sample${i}.xlsx`, bytes);
    expect(result.ok).toBe(false);
    expectOneLine(result);
  }
});
