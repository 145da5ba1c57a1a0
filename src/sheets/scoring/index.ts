import type { SheetTemplate } from "../registry";

/** Scoring sheets: one enterprise per sheet, batch and expert panel, for each rubric. */
export const SCORING_SHEETS: SheetTemplate[] = [];
