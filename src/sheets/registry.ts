import { SCORING_SHEETS } from "./scoring";
import type { SheetTemplate } from "./sheet-template";
import { TABLE_SHEETS } from "./tables";

// The sheets import these types from sheet-template.ts, not from here: this module imports them.
export type { ParamDef, Params, SheetTemplate } from "./sheet-template";


export const SHEET_TEMPLATES: readonly SheetTemplate[] = [...SCORING_SHEETS, ...TABLE_SHEETS];

export function findSheetTemplate(id: string): SheetTemplate | undefined {
  return SHEET_TEMPLATES.find((t) => t.id === id);
}
