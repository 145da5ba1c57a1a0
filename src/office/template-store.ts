/**
 * Loaded templates stored in the open workbook (issue 13 item 3), so whoever opens it with the
 * add-in gets the templates its sheets were built from. The same custom XML part the .xlsx
 * writer adds (src/xlsx/template-part.ts), through Office.js's workbook.customXmlParts
 * (ExcelApi 1.5): one part per template, found by our namespace; storing a template replaces the
 * workbook's older copy of the same id.
 *
 * What a workbook carries is read as a stranger's file is: each part bounded and well-formed
 * (readTemplatePart), its JSON validated as any template file (templateOfPart), and refused by
 * name, replacing nothing, when its id is built in or another version of it is loaded.
 */
import { removeTemplate } from "../../templates/index";
import type { Template, Text } from "../../templates/schema";
import { UnreadableWorkbook } from "../xlsx/gate";
import { loadCarriedParts, MAX_TEMPLATE_PARTS, readTemplatePart, TEMPLATE_NAMESPACE, templatePartXml, type TemplatePart } from "../xlsx/template-part";
import { officeFailure, type ExcelRun, type OfficeFailure } from "./insert";

/** A part of ours as Office gives it: its Office id and its XML. */
interface StoredPart {
  officeId: string;
  xml: string;
}

/**
 * The parts in our namespace, in two syncs (the list, then each part's XML): at most as many as
 * a workbook file's are read (MAX_TEMPLATE_PARTS; a workbook stores one per template), and how many there are.
 */
async function storedParts(context: Excel.RequestContext): Promise<{ parts: Excel.CustomXmlPartScopedCollection; stored: StoredPart[]; count: number }> {
  const parts = context.workbook.customXmlParts.getByNamespace(TEMPLATE_NAMESPACE);
  parts.load("items/id");
  await context.sync();
  const read = parts.items.slice(0, MAX_TEMPLATE_PARTS);
  const xmls = read.map((p) => p.getXml());
  await context.sync();
  return { parts, stored: read.map((p, i) => ({ officeId: p.id, xml: xmls[i].value })), count: parts.items.length };
}

/** A stored part as a template part, or why it cannot be read; null when it is not one of ours after all. */
function decode(part: StoredPart): TemplatePart | Text | null {
  try {
    return readTemplatePart(part.xml, `customXmlPart ${part.officeId}`);
  } catch (e) {
    if (e instanceof UnreadableWorkbook) return e.reason;
    throw e;
  }
}

export type LoadStoredResult =
  | {
      ok: true;
      /** The ids added to the catalogue. */
      loaded: string[];
      /** Parts not taken, each with why (malformed, a built-in id, another version loaded). */
      refused: Text[];
    }
  | { ok: false; failure: OfficeFailure };

/**
 * Adds the templates the open workbook stores to the catalogue, each on its own: a part refused
 * is reported and the others still load. A template the catalogue has in the same version is
 * left as the catalogue has it. When any is added, the workbook is recalculated.
 */
export async function loadStoredTemplates(run: ExcelRun): Promise<LoadStoredResult> {
  let stored: StoredPart[];
  let count: number;
  try {
    ({ stored, count } = await run((context) => storedParts(context)));
  } catch (e) {
    return { ok: false, failure: officeFailure(e, { zh: "无法读取工作簿中保存的模板", en: "could not read the templates stored in the workbook" }) };
  }
  const loaded: string[] = [];
  const refused: Text[] = [];
  if (count > stored.length) {
    refused.push({ zh: `工作簿保存了 ${count} 个模板部件，只读取了前 ${stored.length} 个`, en: `the workbook stores ${count} template parts; only the first ${stored.length} were read` });
  }
  for (const part of stored) {
    const read = decode(part);
    if (read === null) continue;
    if (!("json" in read)) {
      refused.push(read);
      continue;
    }
    try {
      loaded.push(...(await loadCarriedParts([read])));
    } catch (e) {
      if (!(e instanceof UnreadableWorkbook)) throw e;
      refused.push(e.reason);
    }
  }
  if (loaded.length > 0) {
    // A custom function that ran as the workbook opened, before its templates were loaded, gave
    // #N/A for their ids; functions are not volatile, so Excel is asked to calculate again.
    try {
      await run(async (context) => {
        context.application.calculate("Full");
        await context.sync();
      });
    } catch (e) {
      return { ok: false, failure: officeFailure(e, { zh: "模板已加载，但无法重新计算工作簿", en: "the templates are loaded, but the workbook could not be recalculated" }) };
    }
  }
  return { ok: true, loaded, refused };
}

export type StoreResult = { ok: true; syncs: number } | { ok: false; failure: OfficeFailure };

/**
 * Stores the template in the open workbook, replacing the parts that hold an earlier copy of the
 * same id; without a template, only removes them (the template taken out of the catalogue too).
 */
async function replaceStored(run: ExcelRun, id: string, template: Template | null, what: Text): Promise<StoreResult> {
  let syncs = 0;
  try {
    await run(async (context) => {
      const { parts, stored } = await storedParts(context);
      syncs += 2;
      stored.forEach((part, i) => {
        const read = decode(part);
        // A part that cannot be read is left as it is: it may be a newer Assessbook's, and is no copy of this id.
        if (read !== null && "json" in read && read.id === id) parts.items[i].delete();
      });
      if (template) context.workbook.customXmlParts.add(templatePartXml(template));
      await context.sync();
      syncs++;
    });
    return { ok: true, syncs };
  } catch (e) {
    return { ok: false, failure: officeFailure(e, what) };
  }
}

/** Stores a loaded template in the open workbook (its older copy of the same id replaced). */
export function storeTemplate(run: ExcelRun, template: Template): Promise<StoreResult> {
  return replaceStored(run, template.id, template, { zh: `无法将模板 ${template.id} 保存到工作簿`, en: `could not store template ${template.id} in the workbook` });
}

/** Takes a loaded template out of the catalogue and out of the open workbook. */
export async function removeStoredTemplate(run: ExcelRun, id: string): Promise<StoreResult> {
  const result = await replaceStored(run, id, null, { zh: `无法从工作簿中删除模板 ${id}`, en: `could not remove template ${id} from the workbook` });
  if (result.ok) removeTemplate(id);
  return result;
}
