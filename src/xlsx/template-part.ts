/**
 * A loaded template carried inside a workbook, so whoever opens the workbook (the command line's
 * extract and merge, the add-in) finds the template its sheets were built from. One format for
 * every writer: a custom XML part (ECMA-376 part 1, 22.5) whose root element, in our namespace,
 * names the template's id and version in attributes and holds the template's JSON as text:
 *
 *   <template xmlns="urn:assessbook:template:1" id="county-x" version="3">{"kind":…}</template>
 *
 * The .xlsx writer (src/xlsx/writer.ts) adds it as customXml/itemN.xml with its properties part;
 * inside Excel, Office.js stores the same XML through workbook.customXmlParts (src/office/template-store.ts).
 *
 * Reading is for files from anyone: a part is scanned by the reading gate's XML scanner
 * (well-formed, no DOCTYPE, bounded text), and only then is its JSON validated as any template
 * file is (templates/user.ts, zod), loaded on demand so zod stays out of the task pane's first
 * load. A carried template never replaces anything: one with a built-in id, or with another
 * version than the one already loaded, is refused by name.
 */
import { addTemplates, CatalogueError, findTemplate, isBuiltIn } from "../../templates/index";
import type { Template, Text } from "../../templates/schema";
import { openWorkbookZip, refuse, UnreadableWorkbook, type WorkbookZip } from "./gate";
import { XmlScanner } from "./xml-scan";

export const TEMPLATE_NAMESPACE = "urn:assessbook:template:1";
const ROOT = "template";

/** A template part larger than this is refused: a rubric's JSON is tens of kilobytes, escaped a little larger. */
export const MAX_TEMPLATE_PART_BYTES = 2 * 1024 * 1024;
/** Template parts read from one workbook: it carries one per loaded template its sheets use. */
export const MAX_TEMPLATE_PARTS = 64;
/** Where the root element of an oversized part is looked for. */
const HEAD_BYTES = 64 * 1024;

/** A template part as read, before its JSON is validated: enough to decide whether it is needed. */
export interface TemplatePart {
  /** Where it was read: the part's name in the zip, or "workbook" for Office.js. */
  part: string;
  id: string;
  version: number;
  json: string;
}

/** The custom XML part that carries a template. */
export function templatePartXml(template: Template): string {
  // U+FFFE and U+FFFF are not XML characters; JSON spells them as escapes inside its strings,
  // the only place they can be. Everything else JSON.stringify leaves unescaped XML allows.
  const json = JSON.stringify(template).replace(/[\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<${ROOT} xmlns="${TEMPLATE_NAMESPACE}" id="${escapeXml(template.id)}" version="${template.version}">${escapeXml(json)}</${ROOT}>`
  );
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] as string);
}

function partRefusal(part: string, zh: string, en: string): never {
  refuse("template", `工作簿携带的模板（${part}）${zh}`, `the template the workbook carries (${part}) ${en}`);
}

/**
 * Reads one custom XML part: null when it is not ours (another namespace or root: SharePoint
 * metadata, another add-in's data), its id, version and JSON when it is. Throws
 * UnreadableWorkbook for a part of ours that is too large or malformed, or XML that is not well-formed.
 */
export function readTemplatePart(xml: Uint8Array | string, part: string): TemplatePart | null {
  // A part far over the limit is read only as far as its root element: one of ours is refused there.
  // (A text has at least as many UTF-8 bytes as UTF-16 units: a long one is not encoded whole.)
  if (typeof xml === "string" && xml.length > MAX_TEMPLATE_PART_BYTES * 2) return readOversized(new TextEncoder().encode(xml.slice(0, HEAD_BYTES)), part);
  const bytes = typeof xml === "string" ? new TextEncoder().encode(xml) : xml;
  if (bytes.byteLength > MAX_TEMPLATE_PART_BYTES * 2) return readOversized(bytes.subarray(0, HEAD_BYTES), part);
  const read: { header?: { id: string; version: string }; json?: string } = {};
  let depth = 0;
  const scanner = new XmlScanner(part, {
    open(name, attrs) {
      depth++;
      if (depth > 1) partRefusal(part, `含有多余的元素 <${name}>`, `holds an element <${name}> it should not`);
      if (name !== ROOT || attrs.xmlns !== TEMPLATE_NAMESPACE) {
        scanner.stop();
        return;
      }
      read.header = { id: attrs.id ?? "", version: attrs.version ?? "" };
      scanner.capture(MAX_TEMPLATE_PART_BYTES, () => partRefusal(part, `超过 ${MAX_TEMPLATE_PART_BYTES} 字节的上限`, `is over the ${MAX_TEMPLATE_PART_BYTES}-byte limit`));
    },
    close() {
      depth--;
      if (depth === 0 && read.header) read.json = scanner.takeText();
    },
  });
  scanner.feed(bytes);
  scanner.end();
  const { header, json } = read;
  if (!header || json === undefined) return null;
  const { id, version } = header;
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) || id.length > 100) partRefusal(part, "没有有效的模板编号（id 属性）", "has no valid template id (its id attribute)");
  if (!/^[1-9]\d{0,8}$/.test(version)) partRefusal(part, `的版本号“${version.slice(0, 20)}”无效`, `has an invalid version "${version.slice(0, 20)}"`);
  return { part, id, version: Number(version), json };
}

/** The template parts of a workbook that passed the gate (customXml/itemN.xml, as Excel names them too). */
export function templatePartsOf(zip: WorkbookZip): TemplatePart[] {
  const parts: TemplatePart[] = [];
  for (const name of zip.partNames()) {
    if (!/^customXml\/item\d+\.xml$/i.test(name)) continue;
    const chunks: Uint8Array[] = [];
    let size = 0;
    zip.inflate(name, (chunk) => {
      // Past twice the limit nothing more is kept: the beginning tells whether the part is ours.
      if (size <= MAX_TEMPLATE_PART_BYTES * 2) chunks.push(chunk.slice());
      size += chunk.byteLength;
    });
    // Kept past twice the limit when the part is larger: readTemplatePart then reads only its root element.
    const read = readTemplatePart(concat(chunks), name);
    if (!read) continue;
    if (parts.length >= MAX_TEMPLATE_PARTS) partRefusal(name, `超过 ${MAX_TEMPLATE_PARTS} 个`, `is one more than the ${MAX_TEMPLATE_PARTS} read`);
    if (parts.some((p) => p.id === read.id)) partRefusal(name, `与另一个携带的模板同为 ${read.id}`, `is a second copy of ${read.id}`);
    parts.push(read);
  }
  return parts;
}

/** The beginning of a part over the limit: null when it is not ours, refused when it is. */
function readOversized(head: Uint8Array, part: string): null {
  const scanner = new XmlScanner(part, {
    open(name, attrs) {
      if (name === ROOT && attrs.xmlns === TEMPLATE_NAMESPACE) partRefusal(part, `超过 ${MAX_TEMPLATE_PART_BYTES} 字节的上限`, `is over the ${MAX_TEMPLATE_PART_BYTES}-byte limit`);
      scanner.stop();
    },
    close() {},
  });
  scanner.feed(head);
  return null;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * The template a part carries, validated as any template file (templates/user.ts, loaded now):
 * exactly one template, with the id and version the part's attributes name.
 */
export async function templateOfPart(part: TemplatePart): Promise<Template> {
  const { parseTemplateText, TemplateFileError } = await import(/* webpackChunkName: "template-file" */ "../../templates/user");
  let templates: Template[];
  try {
    templates = parseTemplateText(part.json, `${part.part} (${part.id})`);
  } catch (e) {
    if (!(e instanceof TemplateFileError)) throw e;
    const first = e.problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`).join("; ");
    partRefusal(part.part, `${part.id} 第 ${part.version} 版不符合模板格式：${first}`, `${part.id} version ${part.version} is not a valid template: ${first}`);
  }
  const [t] = templates;
  if (templates.length !== 1 || t.id !== part.id || t.version !== part.version) {
    partRefusal(part.part, `标明为 ${part.id} 第 ${part.version} 版，内容却不是`, `says it is ${part.id} version ${part.version}, but its content is not`);
  }
  return t;
}

/**
 * Why a carried template cannot be taken, or null when it can: its id is built in (a workbook
 * never replaces an official template), or another version of it is loaded already.
 */
export function carriedConflict(part: Pick<TemplatePart, "id" | "version">): Text | null {
  if (isBuiltIn(part.id)) {
    return {
      zh: `工作簿携带的模板 ${part.id} 与内置模板同名，已拒绝：内置模板不会被替换`,
      en: `the workbook carries a template named ${part.id}, the id of a built-in template; refused: a built-in template is never replaced`,
    };
  }
  const loaded = findTemplate(part.id);
  if (loaded && loaded.version !== part.version) {
    return {
      zh: `工作簿携带模板 ${part.id} 第 ${part.version} 版，而已加载的是第 ${loaded.version} 版，已拒绝：请加载第 ${part.version} 版，或不加载第 ${loaded.version} 版后再读取`,
      en: `the workbook carries template ${part.id} version ${part.version}, but version ${loaded.version} is loaded; refused: load version ${part.version}, or read the workbook without version ${loaded.version} loaded`,
    };
  }
  return null;
}

/**
 * Puts into the catalogue the templates a workbook carries that it lacks, before its sheets are
 * read: the catalogue (built-in, --templates, imported) first, the workbook's own copy only for
 * an id the catalogue does not have. Throws UnreadableWorkbook (kind "template") naming the
 * template for one that is malformed, has a built-in id, or another version than the loaded
 * one; nothing is added then. Returns the ids added.
 */
export async function loadCarriedParts(parts: readonly TemplatePart[]): Promise<string[]> {
  const wanted: TemplatePart[] = [];
  for (const p of parts) {
    const conflict = carriedConflict(p);
    if (conflict) refuse("template", conflict.zh, conflict.en);
    if (!findTemplate(p.id)) wanted.push(p);
  }
  if (wanted.length === 0) return [];
  const templates: Template[] = [];
  for (const p of wanted) templates.push(await templateOfPart(p));
  try {
    addTemplates(templates);
  } catch (e) {
    if (e instanceof CatalogueError) refuse("template", `工作簿携带的模板无法加载：${e.message}`, `a template the workbook carries cannot be loaded: ${e.message}`);
    throw e;
  }
  return templates.map((t) => t.id);
}

/**
 * loadCarriedParts for a workbook file's bytes, through the reading gate. A file without any
 * custom XML part (most) costs a look at its zip directory; one the gate refuses is left for
 * the reader that follows to refuse with the same reason.
 */
export async function loadCarriedTemplates(bytes: Uint8Array): Promise<string[]> {
  let zip: WorkbookZip;
  try {
    zip = openWorkbookZip(bytes);
  } catch (e) {
    if (e instanceof UnreadableWorkbook) return [];
    throw e;
  }
  return loadCarriedTemplatesOf(zip);
}

/** loadCarriedTemplates for a zip already through the gate, which its sheets are then read from. */
export async function loadCarriedTemplatesOf(zip: WorkbookZip): Promise<string[]> {
  if (!zip.partNames().some((n) => /^customXml\//i.test(n))) return [];
  return loadCarriedParts(templatePartsOf(zip));
}
