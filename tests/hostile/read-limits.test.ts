/**
 * Limits no real submission reaches (issue 15 items 3 and 4): a sheet padded with 1,048,576
 * junk rows, a 50 MB shared string in the mobile column, cells longer than Excel's 32,767
 * characters. Each is refused with a reason naming where, or read correctly, and memory and time
 * follow the data kept, not the file: four padded files and a good one go through a merge in a
 * child process whose heap is capped at 256 MB (the old reader peaked at 1.46 GB for one).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { checkEmail, checkMobile, checkUscc, MAX_CHECKED_CHARS } from "../../src/core/validators";
import { previewMerge } from "../../src/merge/preview";
import { readSource, type SourceResult } from "../../src/merge/read-source";
import { MAX_CELL_CHARS } from "../../src/xlsx/gate";
import { ROW_A, ROW_B } from "../merge/submissions";
import { buildZip, edit, goodSummary, partsOf, SHEET, type RawPart } from "./read-zip";

let parts: RawPart[];
beforeAll(async () => {
  parts = await partsOf(await goodSummary());
});

const STRINGS = "xl/sharedStrings.xml";

function refused(result: SourceResult) {
  if (result.ok) throw new Error(`${result.name} was read, not refused`);
  expect(result.reason.en).not.toMatch(/\n/);
  return result;
}

/** The parts with one shared string (found by its text) replaced. */
function withSharedString(text: string, by: string): RawPart[] {
  return edit(parts, STRINGS, (xml) => {
    const at = xml.indexOf(`<t>${text}</t>`);
    if (at < 0) throw new Error(`no shared string ${text}`);
    return `${xml.slice(0, at)}<t>${by}</t>${xml.slice(at + text.length + 7)}`;
  });
}

test("a 50 MB shared string in the mobile column is refused after its first kilobytes, naming it; the validators cap lengths too", async () => {
  const huge = "1".repeat(50 * 1024 * 1024);
  const file = buildZip(withSharedString(ROW_A.mobile, huge));
  expect(file.length).toBeLessThan(200 * 1024);
  const result = refused(await readSource("长手机号.xlsx", file));
  expect(result.kind).toBe("over-limit");
  expect(result.reason.en).toMatch(/^shared string \d+ holds a text of more than 32767 characters \(Excel's limit for a cell\)$/);
  // The validators refuse on length before any per-character work, whatever reaches them.
  expect(checkMobile(huge).reason?.en).toBe(`the mobile number is ${huge.length} characters long; a mobile number has 11 digits`);
  expect(checkEmail(`${huge}@a.cn`).reason?.en).toBe(`the e-mail address is ${huge.length + 5} characters long; an address has at most 254`);
  expect(checkUscc(huge).reason?.en).toBe(`the unified social credit code is ${huge.length} characters long; it has 18`);
  expect(checkMobile(` ${ROW_A.mobile} `.padEnd(MAX_CHECKED_CHARS.mobile, " ")).valid).toBe(true);
});

test("a cell over 32,767 characters is refused naming the cell; one of exactly 32,767 is read", async () => {
  const long = "企".repeat(MAX_CELL_CHARS + 1);
  // As an inline string in the sheet, where the first row's enterprise was.
  const inline = edit(parts, SHEET, (xml) => xml.replace(/<c r="([A-Z]+\d+)"([^>]*) t="s"><v>(\d+)<\/v><\/c>/g, (cell, ref: string, attrs: string, index: string) => {
    const strings = parts.find((p) => p.name === STRINGS)?.data.toString("utf8") ?? "";
    const nth = strings.split("<si>")[Number(index) + 1] ?? "";
    return nth.includes(`<t>${ROW_A.enterprise}</t>`) ? `<c r="${ref}"${attrs} t="inlineStr"><is><t>${long}</t></is></c>` : cell;
  }));
  const a = refused(await readSource("长单元格.xlsx", buildZip(inline)));
  expect(a.kind).toBe("over-limit");
  expect(a.reason.en).toMatch(/^cell [A-Z]+\d+ of sheet ".+" holds a text of more than 32767 characters \(Excel's limit for a cell\)$/);
  expect(a.reason.zh).toContain("的文字超过 32767 个字符");
  // As a shared string.
  expect(refused(await readSource("长共享.xlsx", buildZip(withSharedString(ROW_B.enterprise, long)))).kind).toBe("over-limit");
  // Exactly at the limit: read, and the row carries it.
  const limit = "企".repeat(MAX_CELL_CHARS);
  const read = await readSource("刚好.xlsx", buildZip(withSharedString(ROW_B.enterprise, limit)));
  const preview = previewMerge({ template: "shanxi-2018-summary", recommender: "reform-zone" }, [read]);
  expect(preview.rows.map((r) => r.values.enterprise)).toEqual([ROW_A.enterprise, limit]);
});

/** 1,048,576 junk rows from `first` on, as a sheet's <row> elements. */
function junkRows(first: number): string {
  const rows: string[] = [];
  for (let r = first; r <= 1_048_576; r++) rows.push(`<row r="${r}"><c r="A${r}" t="s"><v>0</v></c></row>`);
  return rows.join("");
}

/** The good summary with an added sheet (not Assessbook's) holding the junk rows. */
function withJunkSheet(junk: string): RawPart[] {
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${junk}</sheetData></worksheet>`;
  let added = edit(parts, "xl/workbook.xml", (xml) => xml.replace("</sheets>", '<sheet name="垃圾" sheetId="99" r:id="rIdJunk"/></sheets>'));
  added = edit(added, "xl/_rels/workbook.xml.rels", (xml) =>
    xml.replace("</Relationships>", '<Relationship Id="rIdJunk" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet99.xml"/></Relationships>'),
  );
  added = edit(added, "[Content_Types].xml", (xml) =>
    xml.replace("</Types>", '<Override PartName="/xl/worksheets/sheet99.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
  );
  return [...added, { name: "xl/worksheets/sheet99.xml", data: Buffer.from(sheet) }];
}

test("an added sheet whose row 1 holds megabytes of text is refused: row 1 is held only while the marker is looked for", async () => {
  const cells = Array.from({ length: 130 }, (_, i) => `<c r="${colName(i + 1)}1" t="inlineStr"><is><t>${"字".repeat(32_000)}</t></is></c>`).join("");
  const result = refused(await readSource("宽行.xlsx", buildZip(withJunkSheet(`<row r="1">${cells}</row>`))));
  expect(result.kind).toBe("over-limit");
  expect(result.reason.en).toBe("the workbook holds more than 4000000 characters of text where cells are read");
});

function colName(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Run in the child: the batch read as the CLI reads it, then previewed; prints the outcome and
 * the peak RSS. TypeScript is transpiled on require, file by file.
 */
const CHILD = `
const ts = require("typescript");
const fs = require("fs");
require.extensions[".ts"] = (module, filename) => {
  const out = ts.transpileModule(fs.readFileSync(filename, "utf8"), { fileName: filename, compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
  module._compile(out.outputText, filename);
};
const { readPendingSources } = require("./src/merge/read-source.ts");
const { previewMerge } = require("./src/merge/preview.ts");
const { readWorkbookFile } = require("./src/xlsx/read-file.ts");
(async () => {
  const paths = process.argv.slice(1);
  const sources = await readPendingSources(paths.map((p) => ({ name: p, size: fs.statSync(p).size, bytes: () => readWorkbookFile(p) })));
  const preview = previewMerge({ template: "shanxi-2018-summary", recommender: "reform-zone" }, sources);
  const outcome = sources.map((s) => (s.ok ? "ok" : s.kind + ": " + s.reason.en));
  console.log(JSON.stringify({ outcome, rows: preview.rows.map((r) => r.values.enterprise), maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

test("four files padded to 1,048,576 rows and a good one: merged under a 256 MB heap, the padded sheet refused, the padded extra sheet ignored", () => {
  const dir = mkdtempSync(join(tmpdir(), "assessbook-junk-"));
  try {
    const marked = buildZip(edit(parts, SHEET, (xml) => xml.replace("</sheetData>", `${junkRows(1000)}</sheetData>`)));
    const extra = buildZip(withJunkSheet(junkRows(1)));
    // As the issue measured: a few MB on disk, tens of MB of XML inside.
    expect(marked.length).toBeGreaterThan(1024 * 1024);
    const files = ["padded-1.xlsx", "padded-2.xlsx", "extra-1.xlsx", "extra-2.xlsx", "good.xlsx"].map((name) => join(dir, name));
    writeFileSync(files[0], marked);
    writeFileSync(files[1], marked);
    writeFileSync(files[2], extra);
    writeFileSync(files[3], extra);
    writeFileSync(files[4], buildZip(parts));
    const out = execFileSync(process.execPath, ["--max-old-space-size=256", "-e", CHILD, ...files], { cwd: resolve(__dirname, "../.."), encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
    const { outcome, rows, maxRssMiB } = JSON.parse(out) as { outcome: string[]; rows: string[]; maxRssMiB: number };
    expect(outcome).toEqual([expect.stringMatching(/^over-limit: sheet ".+" has content below row 10000 \(A10001\), past the rows read$/), expect.any(String), "ok", "ok", "ok"]);
    expect(outcome[1]).toBe(outcome[0]);
    // Three files read, two rows each, in order.
    expect(rows).toEqual([ROW_A.enterprise, ROW_B.enterprise, ROW_A.enterprise, ROW_B.enterprise, ROW_A.enterprise, ROW_B.enterprise]);
    // The heap cap held (the process completed); the whole process, TypeScript compiler included, stayed well under what one padded file took before.
    expect(maxRssMiB).toBeLessThan(600);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 240_000);
