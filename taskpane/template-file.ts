/**
 * 导入模板's work outside React: a picked template file (JSON) checked as `assessbook template
 * check` checks one (templates/user.ts: size, JSON, the schema, every problem with its path) and
 * added to the catalogue. This module and with it zod are a chunk of their own, imported when a
 * file is picked (ImportTemplate.tsx), so the task pane's first load stays without them.
 */
import { addTemplates, CatalogueError } from "../templates/index";
import type { Template } from "../templates/schema";
import { parseTemplateText, TemplateFileError, tooLargeError, TEMPLATE_FILE_MAX_BYTES, type TemplateProblem } from "../templates/user";
import { fileBytes, type PickedFile } from "./merge-files";

export type TemplateFileResult = { ok: true; templates: Template[] } | { ok: false; problems: TemplateProblem[] };

/** Checks the file and adds its templates to the catalogue, all or none. */
export async function importTemplateFile(file: PickedFile): Promise<TemplateFileResult> {
  // Refused from its size, before its bytes are read.
  if (file.size > TEMPLATE_FILE_MAX_BYTES) return { ok: false, problems: tooLargeError(file.name, file.size).problems };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await fileBytes(file));
  } catch (e) {
    // What a fatal decoder throws for bytes that are not UTF-8; anything else is no problem of the file's.
    if (!(e instanceof TypeError)) throw e;
    return { ok: false, problems: [{ path: "$", message: "不是 UTF-8 编码的文本 / not text encoded as UTF-8: expected a JSON file" }] };
  }
  let templates: Template[];
  try {
    templates = parseTemplateText(text, file.name);
  } catch (e) {
    if (e instanceof TemplateFileError) return { ok: false, problems: e.problems };
    throw e;
  }
  try {
    addTemplates(templates);
  } catch (e) {
    // A sheet another loaded template already makes: said as the file's problem, at its id.
    if (e instanceof CatalogueError) return { ok: false, problems: [{ path: "$.id", message: e.message }] };
    throw e;
  }
  return { ok: true, templates };
}
