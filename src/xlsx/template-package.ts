/**
 * Adds template parts (src/xlsx/template-part.ts) to an .xlsx package exceljs wrote, as Excel
 * itself stores custom XML (ECMA-376 part 1, 15.2.4 and 22.5): per template customXml/itemN.xml,
 * its properties part customXml/itemPropsN.xml (the datastore item naming our namespace) linked
 * from customXml/_rels/itemN.xml.rels, the workbook's relationship to the item, and the content
 * type of the properties part ([Content_Types].xml already maps .xml to application/xml). A
 * package missing any of these Excel "repairs" on open, dropping the part.
 */
import JSZip from "jszip";
import type { Template } from "../../templates/schema";
import { TEMPLATE_NAMESPACE, templatePartXml } from "./template-part";

const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
const CONTENT_TYPES = "[Content_Types].xml";
const REL_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
const REL_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
const PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";
/** Parts only, as exceljs writes the rest: no directory entries in the zip. */
const NO_FOLDERS = { createFolders: false };

/** The package with one custom XML part per template; the bytes untouched when there is none. */
export async function addTemplateParts(bytes: Buffer, templates: readonly Template[]): Promise<Buffer> {
  if (templates.length === 0) return bytes;
  const zip = await JSZip.loadAsync(bytes as Uint8Array);
  const rels = await text(zip, WORKBOOK_RELS);
  let types = await text(zip, CONTENT_TYPES);
  const taken = new Set([...rels.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
  const added: string[] = [];
  let item = 1;
  let rel = 1;
  for (const template of templates) {
    while (zip.file(`customXml/item${item}.xml`)) item++;
    while (taken.has(`rId${rel}`)) rel++;
    taken.add(`rId${rel}`);
    zip.file(`customXml/item${item}.xml`, templatePartXml(template), NO_FOLDERS);
    zip.file(`customXml/itemProps${item}.xml`, propsXml(template), NO_FOLDERS);
    zip.file(
      `customXml/_rels/item${item}.xml.rels`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_PROPS}" Target="itemProps${item}.xml"/></Relationships>`,
      NO_FOLDERS,
    );
    added.push(`<Relationship Id="rId${rel}" Type="${REL_CUSTOM_XML}" Target="../customXml/item${item}.xml"/>`);
    types = types.replace("</Types>", `<Override PartName="/customXml/itemProps${item}.xml" ContentType="${PROPS_TYPE}"/></Types>`);
    item++;
  }
  if (!/<Default\s+Extension="xml"/i.test(types)) types = types.replace("</Types>", `<Default Extension="xml" ContentType="application/xml"/></Types>`);
  zip.file(WORKBOOK_RELS, rels.replace("</Relationships>", `${added.join("")}</Relationships>`));
  zip.file(CONTENT_TYPES, types);
  const out = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

async function text(zip: JSZip, name: string): Promise<string> {
  const part = zip.file(name);
  if (!part) throw new Error(`the written workbook lacks ${name}`);
  return part.async("string");
}

/**
 * The datastore item: Excel identifies a custom XML part by its GUID. Derived from the template's
 * id and version, so the same workbook written twice is the same bytes.
 */
function propsXml(template: Template): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n` +
    `<ds:datastoreItem ds:itemID="{${guid(`${template.id}@${template.version}`)}}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">` +
    `<ds:schemaRefs><ds:schemaRef ds:uri="${TEMPLATE_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`
  );
}

/** A GUID-shaped name from a text (FNV-1a, four rounds): an identifier, not a secret. */
function guid(seed: string): string {
  let hex = "";
  for (let round = 0; round < 4; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
    hex += (h >>> 0).toString(16).padStart(8, "0");
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`.toUpperCase();
}
