/**
 * The table sheets: tier self-checks (T1–T4), the recommendation summary tables (S1–S3), the
 * KPI tracker (K1) and the forms (F1), each built from its catalogue template, named and filled
 * as the template's `sheet` and `sample` say. A template that gives neither (one loaded from a
 * JSON file) has its sheet named after its title and a generated sample (generated-samples.ts).
 */
import { toSheetName } from "../../../templates/sheet-name";
import type { Rubric, Template } from "../../../templates/schema";
import type { SheetTemplate } from "../sheet-template";
import { formSheet } from "./form-sheet";
import { generatedTierSample } from "./generated-samples";
import { kpiSheet } from "./kpi-sheet";
import { summarySheet } from "./summary-sheet";
import { tierSheet } from "./tier-sheet";

/** The heading of a scheme's common conditions when its template names none. */
const COMMON_TITLE = "基本条件";

/**
 * The sheet of a table template: every kind but a rubric, whose three sheets are src/sheets/scoring.
 * Each reads its data with one function for `render` and `expected`, and binds its result cells
 * (a tier's verdict, a KPI's value, a summary's count) whatever the answers: checkedByExpected.
 */
export function tableSheet(t: Exclude<Template, Rubric>): SheetTemplate {
  return { ...sheetOf(t), checkedByExpected: true };
}

function sheetOf(t: Exclude<Template, Rubric>): SheetTemplate {
  const name = t.sheet?.name ?? toSheetName(t.title.zh);
  switch (t.kind) {
    case "scheme":
      return tierSheet(t, {
        name,
        role: t.sheet?.role ?? "enterprise",
        byMode: t.sheet?.byMode ?? false,
        commonTitle: t.sheet?.commonTitle ?? COMMON_TITLE,
        sample: t.sample ?? generatedTierSample(t),
      });
    // Blank answers, the sheet as printed for filling in by hand: names and figures cannot be made up.
    case "summary":
      return summarySheet(t, { name, sample: t.sample ?? {} });
    case "kpi-set":
      return kpiSheet(t, { name, sample: t.sample ?? {} });
    case "form":
      return formSheet(t, { name, sample: t.sample ?? {} });
  }
}
