/**
 * The task pane's door to the templates stored in the open workbook (src/office/template-store.ts),
 * as excel-actions.ts is for everything else: inside Excel only; a failure is thrown as an
 * ActionError whose cause is in both languages. The component tests mock this module.
 */
import type { Template, Text } from "../templates/schema";
import type { ExcelRun, OfficeFailure } from "../src/office/insert";
import { loadStoredTemplates, removeStoredTemplate, storeTemplate } from "../src/office/template-store";
import { ActionError } from "./action-error";

const run: ExcelRun = (batch) => Excel.run(batch);

function failed(failure: OfficeFailure): ActionError {
  const office = [failure.code, failure.officeMessage].filter(Boolean).join(": ");
  return new ActionError(office ? { zh: `${failure.message.zh}（${office}）`, en: `${failure.message.en} (${office})` } : failure.message);
}

/** What opening the workbook loaded: the ids added to the catalogue, and each stored template refused with why. */
export interface StoredTemplates {
  loaded: string[];
  refused: Text[];
}

/** Adds the templates the open workbook stores to the catalogue (and recalculates when any is added). */
export async function loadWorkbookTemplates(): Promise<StoredTemplates> {
  const result = await loadStoredTemplates(run);
  if (!result.ok) throw failed(result.failure);
  return { loaded: result.loaded, refused: result.refused };
}

/** Stores the templates in the open workbook, each replacing its older copy there. */
export async function storeInWorkbook(templates: readonly Template[]): Promise<void> {
  for (const template of templates) {
    const result = await storeTemplate(run, template);
    if (!result.ok) throw failed(result.failure);
  }
}

/** Takes the template out of the open workbook and out of the catalogue. */
export async function removeFromWorkbook(id: string): Promise<void> {
  const result = await removeStoredTemplate(run, id);
  if (!result.ok) throw failed(result.failure);
}
