/**
 * Issue 15: a property over random hostile mutations of valid submissions. Each run writes two
 * or three summary tables a county could send, puts hostile text into random cells the way a
 * hand-made file holds it (escapes decoding to controls, U+FFFE, lone surrogates, bidi
 * overrides, zero-width characters, literal `_xHHHH_`, line breaks, full-width lookalikes, a
 * text over 32,767 characters, which the reading gate refuses), sometimes truncates a file or
 * sends a password-protected or foreign workbook instead (tests/merge/bad-files.ts), then previews and writes the merge
 * with every invalid row kept. Asserted: nothing throws, every row of every file read is in the
 * preview exactly once, the output passes a strict XML parse and holds each accepted row exactly
 * once, memory stays bounded. 25 runs in `npm test`; ASSESSBOOK_FUZZ_RUNS=500 for a longer hunt.
 */
import fc from "fast-check";
import { accepted, bindings, previewMerge, summarySheetRows } from "../../src/merge/preview";
import { readSources, type SourceFile } from "../../src/merge/read-source";
import { mergedTablePlan } from "../../src/merge/summary-merge";
import { encodeXstring } from "../../src/xlsx/cell-text";
import { writeWorkbook } from "../../src/xlsx/writer";
import { oleFile, plainWorkbook } from "../merge/bad-files";
import { ROW_A, ROW_B, ROW_C, summaryPlan, type Row } from "../merge/submissions";
import { malformedParts } from "../xlsx/well-formed";
import { withRawStrings } from "./write-support";

const RUNS = Number(process.env.ASSESSBOOK_FUZZ_RUNS ?? 25);
jest.setTimeout(Math.max(120_000, RUNS * 8_000));

/**
 * Heap growth over the property, well above what three small files need and far below what a
 * blow-up costs (one file of a million rows took 1.46 GB). Growth, not the worker's whole heap:
 * jest runs many suites in one process, and what they left behind is not this test's.
 */
const HEAP_GROWTH_BOUND = 1024 ** 3;

const HOSTILE = ["\u0000", "\u0001", "\u001B[2J\u001B[H", "\u0008", "\u000B", "\u007F", "\u0085", "\uFFFE", "\uFFFF", "\uD800", "\uDFFF", "\u202E", "\u2066", "\u200B", "\u200D", "\u2060", "\u00AD", "\uFE0F", "\u3164", "\uFEFF", "_x0041_", "_x005F_", "_xFFFE_", "\n将写入 1 行", "\r", "\t", "＝HYPERLINK(\"x\")", "１２３", "&<>\"'", "😀", "廣州"];
const COLUMNS = Object.keys(ROW_A);
/** Stands for a text over Excel's 32,767 characters (spelt out only in the file, so a failure report stays readable). */
const LONG = "<40000 characters>";
const expand = (piece: string) => (piece === LONG ? "长".repeat(40_000) : piece);

/** A hostile piece inserted before or after a cell's text (never blank, so the row stays a row). */
const mutation = fc.record({
  row: fc.nat(),
  column: fc.constantFrom(...COLUMNS),
  piece: fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...HOSTILE) }, { weight: 1, arbitrary: fc.constant(LONG) }),
  before: fc.boolean(),
});

const submission = fc.record({
  rows: fc.array(fc.constantFrom(ROW_A, ROW_B, ROW_C), { minLength: 1, maxLength: 3 }),
  mutations: fc.array(mutation, { maxLength: 4 }),
  /** Cut the file short at this fraction of its bytes, or keep it whole. */
  truncate: fc.option(fc.double({ min: 0.05, max: 0.95, noNaN: true }), { freq: 8 }),
  /** Sent instead: a password-protected workbook (an OLE file) or a workbook of no Assessbook sheet. */
  instead: fc.option(fc.constantFrom("ole" as const, "plain" as const), { freq: 10 }),
});

type Submission = { rows: Row[]; mutations: { row: number; column: string; piece: string; before: boolean }[]; truncate: number | null; instead: "ole" | "plain" | null };

/** A summary table with the mutations put in as raw shared-string XML, as a hand-made file holds them. */
async function hostileFile(name: string, s: Submission): Promise<SourceFile> {
  if (s.instead === "ole") return { name, bytes: new Uint8Array(oleFile(["EncryptionInfo", "EncryptedPackage"])) };
  if (s.instead === "plain") return { name, bytes: new Uint8Array(await plainWorkbook()) };
  const rows = s.rows.map((r) => ({ ...r }));
  const raw: Record<string, string> = {};
  s.mutations.forEach((m, i) => {
    const row = rows[m.row % rows.length];
    const placeholder = `ZZQ${i}Z`;
    raw[placeholder] = xmlText(m.before ? expand(m.piece) + row[m.column] : row[m.column] + expand(m.piece));
    row[m.column] = placeholder;
  });
  // A mutated cell whose row was mutated again keeps only its last placeholder.
  const used = Object.fromEntries(Object.entries(raw).filter(([p]) => rows.some((r) => Object.values(r).includes(p))));
  let bytes: Uint8Array = new Uint8Array((await writeWorkbook([summaryPlan(rows)])).bytes);
  if (Object.keys(used).length > 0) bytes = await withRawStrings(bytes, used);
  if (s.truncate !== null) bytes = bytes.slice(0, Math.floor(bytes.length * s.truncate));
  return { name, bytes };
}

/** Text as a shared string's XML holds it: ST_Xstring escapes, then XML's own. */
function xmlText(text: string): string {
  return encodeXstring(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

test(`merging hostile mutations of valid submissions (${RUNS} runs): no crash, no malformed output, no row lost or duplicated`, async () => {
  const baseline = process.memoryUsage().heapUsed;
  await fc.assert(
    fc.asyncProperty(fc.array(submission, { minLength: 2, maxLength: 3 }), async (submissions) => {
      const files = await Promise.all(submissions.map((s, i) => hostileFile(`县${i + 1}.xlsx`, s)));
      const sources = await readSources(files);
      const preview = previewMerge({ template: "shanxi-2018-summary", recommender: "reform-zone" }, sources);

      // Every row of every file read, once, in order; none from a refused file.
      const expected = sources.flatMap((s, i) => (s.ok && submissions[i].instead === null ? submissions[i].rows.map((_, r) => `${i + 1}:1:${r + 1}`) : []));
      expect(preview.rows.map((r) => r.id)).toEqual(expected);
      // A whole file is refused only for a text over Excel's limit, by the reading gate, saying so.
      for (const [i, s] of sources.entries()) {
        if (submissions[i].truncate !== null || submissions[i].instead !== null || s.ok) continue;
        expect(submissions[i].mutations.some((m) => m.piece === LONG)).toBe(true);
        expect(s.reason.en).toMatch(/32767 characters/);
      }

      const rows = accepted(preview, new Set(preview.rows.map((r) => r.id)));
      const plan = mergedTablePlan(preview, rows);
      if (!plan.ok) throw new Error(`the accepted rows cannot be written: ${plan.problems.map((p) => p.message.en).join("; ")}`);
      const { bytes } = await writeWorkbook([plan.value]);
      expect(await malformedParts(bytes)).toEqual([]);
      const [back] = await readSources([{ name: "合并.xlsx", bytes: new Uint8Array(bytes) }]);
      if (!back.ok) throw new Error(`the merged workbook is refused: ${back.reason.en}`);
      const sheet = back.sheets[0];
      const cells = bindings(sheet);
      if (!cells) throw new Error("the merged sheet has no bindings");
      expect(summarySheetRows(sheet, cells).map((r) => r.recorded)).toEqual(rows.map((r) => r.audit));
      expect(process.memoryUsage().heapUsed - baseline).toBeLessThan(HEAP_GROWTH_BOUND);
    }),
    { numRuns: RUNS },
  );
});
