import type { SheetTemplate } from "../registry";

/** Tier self-checks, recommendation summary tables, the KPI tracker and the forms. */
export const TABLE_SHEETS: SheetTemplate[] = [];
