/**
 * The cells of a marked sheet that the check (src/sheets/check-sheet.ts) and the merges read:
 * its input cells and its formula and result cells, from its plan rendered blank with the
 * marker's parameters. A merge keeps these and lets the rest of each workbook go, so what it
 * holds per file is a few hundred cells whatever the file holds. Nothing for a sheet the check
 * cannot read (unknown template, another version, parameters refused): it reads no cell there.
 */
import { catalogueRevision } from "../../templates/index";
import { checkParams } from "../sheets/params";
import type { SheetMarker } from "../sheets/plan";
import { findSheetTemplate } from "../sheets/registry";
import type { KeepCells } from "./reader";

const NONE: KeepCells = () => false;
/** Plans rendered per distinct marker: a batch of submissions shares a handful. */
const cache = new Map<string, KeepCells>();
const CACHED = 64;

export function checkedCells(marker: SheetMarker): KeepCells {
  // The catalogue's revision too: a template loaded since (from a workbook that carries it) makes a plan where there was none.
  const id = JSON.stringify([catalogueRevision(), marker.template, marker.version, marker.params]);
  let keep = cache.get(id);
  if (!keep) {
    keep = planned(marker);
    if (cache.size >= CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(id, keep);
  }
  return keep;
}

function planned(marker: SheetMarker): KeepCells {
  const template = findSheetTemplate(marker.template);
  if (!template) return NONE;
  const params = checkParams(template.params, marker.params);
  if (!params.ok) return NONE;
  const blank = template.render(params.value, undefined);
  if (!blank.ok || blank.value.marker.version !== marker.version) return NONE;
  const plan = blank.value;
  // An input is kept whole (a formula typed into it is reported with its text); a result cell
  // only by what it shows, which is all the check compares.
  const cells = new Map<number, true | "result">();
  const add = (row: number, col: number, how: true | "result") => {
    const at = row * 16_384 + col;
    if (cells.get(at) !== true) cells.set(at, how);
  };
  for (const b of plan.inputs) add(b.row, b.col, true);
  for (const r of plan.results) add(r.row, r.col, "result");
  // Results bound once answers are given are formula cells of the blank plan (checked for every template in tests/hostile).
  for (const c of plan.cells) if (c.formula !== undefined) add(c.row, c.col, "result");
  return (row, col) => cells.get(row * 16_384 + col) ?? false;
}
