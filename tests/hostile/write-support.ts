/**
 * Builders of the write-side hostile inputs (issue 15), made in code from the merge tests'
 * submissions: a workbook written by the real writer with placeholder texts, whose
 * sharedStrings.xml then gets the raw XML a stranger's file could hold (`_xFFFE_`,
 * `_x001B_[2J`), which the writer itself would never write. And the CLI run in-process.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CliIO } from "../../src/cli/io";
import { run } from "../../src/cli/main";

const STRINGS = "xl/sharedStrings.xml";

/**
 * The workbook with each placeholder text in its shared strings replaced by raw XML text, as a
 * hand-made file would hold it: `{ ZZNAME: "_xFFFE_" }` makes a cell exceljs decodes to U+FFFE.
 */
export async function withRawStrings(bytes: Uint8Array, raw: Record<string, string>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  let xml = await zip.file(STRINGS)?.async("string");
  if (xml === undefined) throw new Error("no shared strings");
  for (const [placeholder, text] of Object.entries(raw)) {
    if (!xml.includes(placeholder)) throw new Error(`placeholder ${placeholder} not in the shared strings`);
    xml = xml.split(placeholder).join(text);
  }
  zip.file(STRINGS, xml);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** The workbook with formulas typed into cells of its first sheet: A1 address → [formula, cached result]. */
export async function withFormulas(bytes: Uint8Array, formulas: Record<string, [string, string]>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  for (const [a1, [formula, result]] of Object.entries(formulas)) sheet.getCell(a1).value = { formula, result } as ExcelJS.CellFormulaValue;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "assessbook-hostile-"));
}

export interface Ran {
  code: number;
  out: string;
  err: string;
}

/** `assessbook <args>` in-process with a recording IO; nobody at the prompt. */
export async function cli(args: string[]): Promise<Ran> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), read: async (path) => readFileSync(path, "utf8") };
  const code = await run(args, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** The code the preview printed in "--confirm <code>". */
export function confirmCode(out: string): string {
  const m = /--confirm ([0-9a-f]{10})\b/.exec(out);
  if (!m) throw new Error(`no --confirm code in:\n${out}`);
  return m[1];
}
