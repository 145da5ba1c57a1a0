/**
 * The real-engine check: every sheet Assessbook builds, written to .xlsx, recalculated by
 * LibreOffice (an independent spreadsheet engine) and read back. No formula may end in an
 * error, and every result cell must hold what src/core computes for the same data. One
 * workbook holds every sheet, twice (sample data and blank), so LibreOffice starts once.
 *
 * Without LibreOffice the suite says so and skips, except in CI, where it fails: CI installs
 * LibreOffice (.ci/run) and must never skip the comparison.
 */
import { PlanBuilder } from "../../src/sheets/builder";
import { findings, type ReadSheet } from "../../src/sheets/check-sheet";
import { extractWorkbook } from "../../src/xlsx/extract";
import { readWorkbook } from "../../src/xlsx/reader";
import { writeWorkbook } from "../../src/xlsx/writer";
import { BUILT, expectEngineResults, formulaFailures, label } from "./engine-comparison";
import { IN_CI, findSoffice, recalculate } from "./libreoffice";

jest.setTimeout(180_000);

const soffice = findSoffice();

/** Text a spreadsheet must never read as a formula, and a sheet-scoped name used on two sheets. */
const MARKER = { template: "writer-check", version: 1, params: {} };
const TEXT = ["=SUM(1,2)", "+86 138 0013 8000", "-5%", "@所有人"];
const textPlan = (name: string, value: number) => {
  const b = new PlanBuilder(name, MARKER).value(1, 1, value).name("基数", { top: 1, left: 1, bottom: 1, right: 1 }).formula(2, 1, "基数*2");
  TEXT.forEach((t, i) => b.value(3 + i, 1, t));
  return b.build();
};

if (!soffice) {
  if (IN_CI) {
    test("LibreOffice is installed (CI never skips the real-engine comparison)", () => {
      throw new Error("soffice is not on PATH: .ci/run installs libreoffice-calc-nogui; the comparison must run in CI");
    });
  } else {
    console.warn("tests/sheets/libreoffice.test.ts: skipped, LibreOffice (soffice) is not installed. Install libreoffice-calc to run the real-engine comparison.");
    test.skip("LibreOffice recalculates every sheet (skipped: LibreOffice is not installed)", () => undefined);
  }
} else {
  describe("LibreOffice recalculates every sheet Assessbook builds", () => {
    let recalculated: Buffer;
    let sheets: ReadSheet[];
    let names: string[];

    beforeAll(async () => {
      const written = await writeWorkbook([...BUILT.map((b) => b.plan), textPlan("文本", 3), textPlan("文本", 5)]);
      names = written.sheetNames;
      recalculated = await recalculate(soffice, written.bytes);
      sheets = await readWorkbook(recalculated);
    });

    const sheetOf = (i: number) => sheets.find((s) => s.name === names[i]) as ReadSheet;

    test("every sheet comes back from LibreOffice with its marker", () => {
      expect(sheets.map((s) => s.name)).toEqual(names);
      BUILT.forEach((b, i) => expect(sheetOf(i).marker).toEqual(b.plan.marker));
    });

    test.each(BUILT.map((b, i) => [label(b), i]))("%s: every formula cell calculates, none ends in an error", (_label, i) => {
      expect(formulaFailures(BUILT[i].plan, sheetOf(i))).toEqual([]);
    });

    test.each(BUILT.map((b, i) => [label(b), i]))("%s: every result cell holds what the engine computes", (_label, i) => {
      expectEngineResults(BUILT[i], sheetOf(i));
    });

    test("extract reads the recalculated workbook and agrees with the engine everywhere", async () => {
      const reports = await extractWorkbook(recalculated);
      const ours = reports.filter((r) => r.template !== null && r.template !== MARKER.template);
      expect(ours.map((r) => [r.sheet, r.status])).toEqual(BUILT.map((_, i) => [names[i], "checked"]));
      expect(ours.flatMap((r) => findings(r).map((f) => ({ in: r.sheet, ...f })))).toEqual([]);
    });

    test("text beginning with = + - @ is still text after LibreOffice; a sheet-scoped name means its own sheet", () => {
      const [first, second] = [sheets.find((s) => s.name === "文本"), sheets.find((s) => s.name === "文本 (2)")] as ReadSheet[];
      TEXT.forEach((t, i) => expect(first.cell(3 + i, 1)).toEqual({ kind: "value", value: t }));
      expect(first.cell(2, 1)).toMatchObject({ kind: "formula", result: 6 });
      expect(second.cell(2, 1)).toMatchObject({ kind: "formula", result: 10 });
    });
  });
}
