/**
 * The real-engine check: every sheet Assessbook builds, written to .xlsx, recalculated by
 * LibreOffice (an independent spreadsheet engine) and read back. No formula may end in an
 * error, and every result cell must hold what src/core computes for the same data. One
 * workbook holds every sheet, twice (sample data and blank), so LibreOffice starts once.
 *
 * Without LibreOffice the suite says so and skips, except in CI, where it fails: CI installs
 * LibreOffice (.ci/run) and must never skip the comparison.
 */
import { findTemplate } from "../../templates/index";
import { PlanBuilder } from "../../src/sheets/builder";
import { colLetter } from "../../src/sheets/formula";
import { checkParams } from "../../src/sheets/params";
import type { CellValue, SheetPlan } from "../../src/sheets/plan";
import { SHEET_TEMPLATES, type Params, type SheetTemplate } from "../../src/sheets/registry";
import { findings, sameValue, type ReadSheet } from "../../src/sheets/check-sheet";
import { extractWorkbook } from "../../src/xlsx/extract";
import { readWorkbook } from "../../src/xlsx/reader";
import { writeWorkbook } from "../../src/xlsx/writer";
import { IN_CI, findSoffice, recalculate } from "./libreoffice";

jest.setTimeout(180_000);

const soffice = findSoffice();

interface Built {
  template: SheetTemplate;
  params: Params;
  data: unknown;
  plan: SheetPlan;
}

function build(template: SheetTemplate, data: unknown): Built {
  const params = checkParams(template.params, {});
  if (!params.ok) throw new Error(`${template.id}: default parameters refused: ${JSON.stringify(params.problems)}`);
  const plan = template.render(params.value, data);
  if (!plan.ok) throw new Error(`${template.id}: data refused: ${JSON.stringify(plan.problems)}`);
  return { template, params: params.value, data, plan: plan.value };
}

const BUILT: Built[] = SHEET_TEMPLATES.flatMap((t) => [build(t, t.sample()), build(t, undefined)]);
const label = (b: Built) => `${b.template.id} (${b.data === undefined ? "blank" : "sample"})`;

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
      const { plan } = BUILT[i];
      const sheet = sheetOf(i);
      const bad = plan.cells
        .filter((c) => c.formula !== undefined)
        .flatMap((c) => {
          const read = sheet.cell(c.row, c.col);
          const where = `${colLetter(c.col)}${c.row}`;
          if (read.kind !== "formula") return [`${where}: no formula after recalculation`];
          const r = read.result;
          if (r === null) return [`${where}: not calculated (${c.formula})`];
          if (typeof r === "object") return [`${where}: ${r.error} (${c.formula})`];
          if (typeof r === "string" && /^(#[A-Z/0]+[!?]?|Err:\d+)/.test(r)) return [`${where}: ${r} (${c.formula})`];
          return [];
        });
      expect(bad).toEqual([]);
    });

    test.each(BUILT.map((b, i) => [label(b), i]))("%s: every result cell holds what the engine computes", (_label, i) => {
      const { template, params, data, plan } = BUILT[i];
      const expected = template.expected(params, data);
      if (!expected.ok) throw new Error(`the engine refuses the data: ${JSON.stringify(expected.problems)}`);
      const sheet = sheetOf(i);
      const rows = plan.results.map((r) => {
        const read = sheet.cell(r.row, r.col);
        return { key: r.key, cell: `${colLetter(r.col)}${r.row}`, sheet: read.kind === "formula" ? read.result : read.kind, engine: expected.value[r.key] };
      });
      // A bound result the engine has no value for could never be checked: the sample must exercise every one.
      expect(rows.filter((r) => r.engine === undefined).map((r) => r.key)).toEqual([]);
      const differ = rows.filter((r) => r.sheet === null || typeof r.sheet === "object" || !sameValue(r.sheet, r.engine as CellValue));
      expect(differ).toEqual([]);
      // Forms have formulas (☑ lines, word counts) but nothing the engine computes; every other
      // sheet filled with its sample must bind results, or this comparison would be vacuous.
      if (data !== undefined && findTemplate(template.template)?.kind !== "form") expect(rows.length).toBeGreaterThan(0);
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
