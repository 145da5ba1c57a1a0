/**
 * The reading gate's zip checks (issue 15 items 2 and 7): one canonical name per part, so what
 * Excel or LibreOffice shows is what a merge reads; sizes and CRCs as declared; and `extract`
 * behind the same gate as merge (a zip bomb is refused from its directory, a lying one while
 * inflating, never grown in memory). Every file is built here from a good submission.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { previewMerge } from "../../src/merge/preview";
import { readSource, type SourceResult } from "../../src/merge/read-source";
import { MAX_UNZIPPED_BYTES } from "../../src/xlsx/gate";
import { useNodeZlib } from "../../src/xlsx/zip";
import { ROW_A, ROW_C, summaryPlan, workbookFile } from "../merge/submissions";
import { cli } from "./read-cli";
import { buildZip, edit, goodSummary, partsOf, SHEET, unicodePathExtra, type RawPart } from "./read-zip";

let parts: RawPart[];
/** The same sheet filled with another enterprise (ROW_C): what a shadow part would show. */
let other: Buffer;
beforeAll(async () => {
  parts = await partsOf(await goodSummary());
  const c = await partsOf((await workbookFile("c.xlsx", [summaryPlan([ROW_C])])).bytes);
  other = (c.find((p) => p.name === SHEET) as RawPart).data;
});

function refused(result: SourceResult) {
  if (result.ok) throw new Error(`${result.name} was read, not refused`);
  expect(result.reason.zh).not.toMatch(/\n/);
  expect(result.reason.en).not.toMatch(/\n/);
  return result;
}

test("the good submission zipped again by hand reads, with its enterprise", async () => {
  const result = await readSource("good.xlsx", buildZip(parts));
  const preview = previewMerge({ template: "shanxi-2018-summary", recommender: "reform-zone" }, [result]);
  expect(preview.rows.map((r) => r.values.enterprise)).toEqual([ROW_A.enterprise, expect.any(String)]);
  expect(preview.refused).toEqual([]);
});

test.each([
  ["a '.' segment", "xl/./worksheets/sheet1.xml"],
  ["a '..' segment", "xl/worksheets/../worksheets/sheet1.xml"],
  ["backslashes", "xl\\worksheets\\sheet1.xml"],
  ["a leading slash", "/xl/worksheets/sheet1.xml"],
  ["an empty segment", "xl//worksheets/sheet1.xml"],
])("a shadow part whose name has %s is refused: readers would resolve it to the sheet", async (_, name) => {
  const result = refused(await readSource("shadow.xlsx", buildZip([...parts, { name, data: other }])));
  expect(result.kind).toBe("corrupt-zip");
  expect(result.reason.en).toBe(`a corrupted zip: part name ${JSON.stringify(name)} is not canonical (readers would resolve it to different parts)`);
  expect(result.reason.zh).toContain("不规范");
});

test("two parts whose names differ only in case are refused (one part to Excel)", async () => {
  const result = refused(await readSource("case.xlsx", buildZip([...parts, { name: "xl/Worksheets/Sheet1.xml", data: other }])));
  expect(result.kind).toBe("corrupt-zip");
  expect(result.reason.en).toBe("a corrupted zip: parts xl/worksheets/sheet1.xml and xl/Worksheets/Sheet1.xml differ only in case (one part to Excel)");
});

test("a Unicode Path extra field (0x7075) naming another part is refused; one repeating the raw name is not", async () => {
  // The sheet Excel shows (by the raw name) is A's; a reader honouring 0x7075 would take C's as sheet1.
  const lying = [...parts, { name: "xl/worksheets/sheet9.xml", data: other, extra: unicodePathExtra("xl/worksheets/sheet9.xml", SHEET) }];
  const result = refused(await readSource("unicode.xlsx", buildZip(lying)));
  expect(result.kind).toBe("corrupt-zip");
  expect(result.reason.en).toBe('a corrupted zip: part "xl/worksheets/sheet9.xml" carries another Unicode name (extra field 0x7075)');

  const honest = parts.map((p) => (p.name === SHEET ? { ...p, extra: unicodePathExtra(SHEET, SHEET) } : p));
  expect((await readSource("honest.xlsx", buildZip(honest))).ok).toBe(true);
});

test("a part whose data does not match its CRC is refused, even a part nothing reads", async () => {
  const damaged = parts.map((p) => (p.name === SHEET ? { ...p, crc: 0x12345678 } : p));
  expect(refused(await readSource("crc.xlsx", buildZip(damaged))).reason.en).toBe(`a corrupted zip: part ${SHEET} fails its CRC check (damaged data)`);
  const unread = [...parts, { name: "xl/media/image1.png", data: Buffer.from("not really a png"), crc: 1 }];
  expect(refused(await readSource("crc2.xlsx", buildZip(unread))).reason.en).toBe("a corrupted zip: part xl/media/image1.png fails its CRC check (damaged data)");
});

test("XML that is not well-formed, or has a DOCTYPE, is refused naming the part", async () => {
  const mismatched = edit(parts, SHEET, (xml) => xml.replace("</sheetData>", "</sheetDta>"));
  const a = refused(await readSource("bad.xlsx", buildZip(mismatched)));
  expect(a.kind).toBe("unreadable");
  expect(a.reason.en).toBe(`the workbook cannot be read: part ${SHEET} closes </sheetDta> where it should close <sheetData>`);
  const doctype = edit(parts, "xl/workbook.xml", (xml) => xml.replace("?>", '?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>'));
  expect(refused(await readSource("dtd.xlsx", buildZip(doctype))).reason.en).toBe("the workbook cannot be read: part xl/workbook.xml holds a DOCTYPE or another declaration, which no workbook has");
  const control = edit(parts, "xl/sharedStrings.xml", (xml) => xml.replace("<t>", "<t>&#1;"));
  expect(refused(await readSource("ctl.xlsx", buildZip(control))).reason.en).toBe("the workbook cannot be read: part xl/sharedStrings.xml holds an invalid reference &#1;");
});

test("two sheets naming one part are refused: the part would be inflated again for each", async () => {
  const copy = (sheet: string) => sheet.replace(/ name="[^"]*"/, ' name="副本"').replace(/ sheetId="\d+"/, ' sheetId="77"');
  const twice = edit(parts, "xl/workbook.xml", (xml) => xml.replace(/<sheet [^>]*\/>/, (sheet) => `${sheet}${copy(sheet)}`));
  expect(twice.find((p) => p.name === "xl/workbook.xml")?.data.toString()).toContain('name="副本"');
  const result = refused(await readSource("twice.xlsx", buildZip(twice)));
  expect(result.kind).toBe("unreadable");
  expect(result.reason.en).toBe(`the workbook cannot be read: part ${SHEET} is named twice`);
});

/** A zip whose part declares 1 KB in both headers and holds far more. */
function lyingBomb(size: number): Buffer {
  const bomb = buildZip([...parts, { name: "xl/media/zeros.bin", data: Buffer.alloc(size) }]);
  // Sizes at 22 in the local header and 24 in the central one.
  bomb.writeUInt32LE(1024, bomb.indexOf(Buffer.from("xl/media/zeros.bin")) - 30 + 22);
  bomb.writeUInt32LE(1024, bomb.lastIndexOf(Buffer.from("xl/media/zeros.bin")) - 46 + 24);
  return bomb;
}

describe("with the browser's inflater (pako), as the task pane reads", () => {
  beforeAll(() => useNodeZlib(false));
  afterAll(() => useNodeZlib(true));

  test("the same verdicts as in Node: a good file read, a damaged part and a lying size refused", async () => {
    const good = await readSource("good.xlsx", buildZip(parts));
    expect(good.ok && good.sheets.map((s) => s.marker.template)).toEqual(["shanxi-2018-summary"]);
    const damaged = parts.map((p) => (p.name === SHEET ? { ...p, crc: 0x12345678 } : p));
    expect(refused(await readSource("crc.xlsx", buildZip(damaged))).reason.en).toBe(`a corrupted zip: part ${SHEET} fails its CRC check (damaged data)`);
    expect(refused(await readSource("liar.xlsx", lyingBomb(64 * 1024 * 1024))).reason.en).toBe("a corrupted zip: part xl/media/zeros.bin inflates past the size its central directory declares");
  });
});

describe("extract behind the same gate", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "assessbook-hostile-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("a zip bomb (201 MB of zeros in 200 KB, honest headers) is refused from its directory, before anything inflates", async () => {
    const zeros = Buffer.alloc(MAX_UNZIPPED_BYTES + 1024 * 1024);
    const path = join(dir, "bomb.xlsx");
    writeFileSync(path, buildZip([...parts, { name: "xl/media/zeros.bin", data: zeros }]));
    const started = process.memoryUsage().rss;
    const r = await cli(["extract", path]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${path}: 不是可读取的 .xlsx 工作簿：解压后共 `);
    expect(r.err).toContain("it would inflate to 201.1 MB, over the 200 MB limit");
    expect(process.memoryUsage().rss - started).toBeLessThan(100 * 1024 * 1024);
  });

  test("a bomb whose headers lie (1 KB declared) is stopped while inflating, past 1 KB", async () => {
    const bomb = lyingBomb(64 * 1024 * 1024);
    const path = join(dir, "liar.xlsx");
    writeFileSync(path, bomb);
    const r = await cli(["extract", path]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("a corrupted zip: part xl/media/zeros.bin inflates past the size its central directory declares");
  });

  test("a non-canonical part name is refused by extract too", async () => {
    const path = join(dir, "shadow.xlsx");
    writeFileSync(path, buildZip([...parts, { name: "xl/./worksheets/sheet1.xml", data: other }]));
    const r = await cli(["extract", path]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('part name "xl/./worksheets/sheet1.xml" is not canonical');
  });
});
