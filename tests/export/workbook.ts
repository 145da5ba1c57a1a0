/**
 * Workbooks as the product makes them, for the export tests: a sheet rendered from a template
 * with data, written to .xlsx by the real writer, read back by the real reader.
 */
import { checkParams } from "../../src/sheets/params";
import { findSheetTemplate, type Params } from "../../src/sheets/registry";
import type { SheetPlan } from "../../src/sheets/plan";
import { readWorkbook, type ReadSheet } from "../../src/xlsx/reader";
import { writeWorkbook } from "../../src/xlsx/writer";

export function plan(id: string, data: unknown, raw: Params = {}): SheetPlan {
  const template = findSheetTemplate(id);
  if (!template) throw new Error(`no sheet template ${id}`);
  const params = checkParams(template.params, raw);
  if (!params.ok) throw new Error(`${id}: parameters refused: ${JSON.stringify(params.problems)}`);
  const rendered = template.render(params.value, data);
  if (!rendered.ok) throw new Error(`${id}: data refused: ${JSON.stringify(rendered.problems)}`);
  return rendered.value;
}

export function sample(id: string): unknown {
  const template = findSheetTemplate(id);
  if (!template) throw new Error(`no sheet template ${id}`);
  return template.sample();
}

export async function workbook(plans: SheetPlan[]): Promise<Buffer> {
  return (await writeWorkbook(plans)).bytes;
}

export async function sheetsOf(plans: SheetPlan[]): Promise<ReadSheet[]> {
  return readWorkbook(await workbook(plans));
}

/** The plan with an input cell typed over, as a person would in the spreadsheet (no check on what is typed). */
export function typed(p: SheetPlan, code: string, value: string): SheetPlan {
  const binding = p.inputs.find((b) => b.code === code);
  if (!binding) throw new Error(`${p.name} has no input ${code}`);
  return { ...p, cells: p.cells.map((c) => (c.row === binding.row && c.col === binding.col ? { ...c, value } : c)) };
}
