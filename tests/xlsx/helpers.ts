import ExcelJS from "exceljs";
import JSZip from "jszip";
import { PlanBuilder } from "../../src/sheets/builder";
import type { SheetMarker, SheetPlan } from "../../src/sheets/plan";
import { STYLES } from "../../src/sheets/styles";
import { writeWorkbook } from "../../src/xlsx/writer";
import { expectWellFormed } from "./well-formed";

/** The written bytes alone, as most tests open them; every part is held to strict XML first. */
export async function write(plans: SheetPlan[]): Promise<Buffer> {
  const { bytes } = await writeWorkbook(plans);
  await expectWellFormed(bytes);
  return bytes;
}

/** Opens written bytes with exceljs, as an independent look at what the file holds. */
export async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

/** What exceljs reads back but leaves out of its typings. */
export function internals(sheet: ExcelJS.Worksheet) {
  return sheet as unknown as {
    sheetProtection: Record<string, unknown> | null;
    conditionalFormattings: { ref: string; rules: Record<string, unknown>[] }[];
  };
}

/** One part of the .xlsx package as text, for what exceljs does not read back (scoped names). */
export async function part(bytes: Buffer, path: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(path);
  if (!file) throw new Error(`${path} is not in the package`);
  return file.async("string");
}

export const MARKER: SheetMarker = { template: "hand-made", version: 1, params: { rows: 2, variant: "甲" } };

/**
 * A small sheet with one of everything: a title merged over three columns, two inputs, a
 * formula over them, a validation, a conditional format, a name, frozen panes, print titles and area.
 */
export function smallPlan(name = "表1", marker: SheetMarker = MARKER): SheetPlan {
  return new PlanBuilder(name, marker, { orientation: "landscape", repeatRows: { first: 1, last: 2 }, area: { top: 1, left: 1, bottom: 5, right: 3 } })
    .merge({ top: 1, left: 1, bottom: 1, right: 3 }, "小表", STYLES.title)
    .value(2, 1, "项目", STYLES.header)
    .value(2, 2, "填写", STYLES.header)
    .value(3, 1, "数控化率", STYLES.label)
    .input(3, 2, "3.1", STYLES.input, 0.62)
    .value(4, 1, "人数", STYLES.label)
    .input(4, 2, "n", STYLES.input)
    .formula(5, 2, "IF(B3>=0.6,10,5)+SUM(B4)", STYLES.computed)
    .result("total", 5, 2)
    .width(1, 20)
    .width(2, 12)
    .height(1, 30)
    .validate({ kind: "decimal", range: { top: 3, left: 2, bottom: 3, right: 2 }, min: 0, max: 1, prompt: { zh: "填 0–100%", en: "0–100%" }, error: { zh: "比率应在 0 到 100% 之间", en: "a rate is 0–100%" } })
    .validate({ kind: "whole", range: { top: 4, left: 2, bottom: 4, right: 2 }, min: 0, max: 1000, error: { zh: "人数应为整数", en: "a whole number" } })
    .highlight({ range: { top: 5, left: 2, bottom: 5, right: 2 }, formula: "B5>=10", style: { fill: "FFC6EFCE", font: { color: "FF006100" } } })
    .name("总分", { top: 5, left: 2, bottom: 5, right: 2 })
    .freeze(3, 2)
    .build();
}
