/**
 * Reading a .docx back as Word would: unzip it (jszip) and parse word/document.xml with saxes
 * (the XML parser exceljs reads with), into a small element tree the tests query — the tables'
 * cell texts, paragraph texts, run fonts and sizes, the page size and margins.
 */
import JSZip from "jszip";
import { SaxesParser } from "saxes";

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Text directly inside the element. */
  text: string;
}

export async function readPart(bytes: Uint8Array, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(part);
  if (!file) throw new Error(`the package has no ${part}`);
  return file.async("string");
}

export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser();
  const root: XmlElement = { name: "#root", attrs: {}, children: [], text: "" };
  const stack = [root];
  parser.on("opentag", (tag) => {
    const el: XmlElement = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [], text: "" };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  parser.on("closetag", () => void stack.pop());
  parser.on("text", (t) => void (stack[stack.length - 1].text += t));
  parser.on("error", (e) => {
    throw e;
  });
  parser.write(xml).close();
  return root;
}

/** Every descendant element with this name, in document order. */
export function all(el: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.name === name) found.push(c);
      walk(c);
    }
  };
  walk(el);
  return found;
}

/** A paragraph's text as it reads: its runs' text, a line break as "\n". */
export function paragraphText(p: XmlElement): string {
  let out = "";
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.name === "w:t") out += c.text;
      else if (c.name === "w:br") out += "\n";
      else walk(c);
    }
  };
  walk(p);
  return out;
}

/** A cell's text: its paragraphs, one per line. */
export function cellText(tc: XmlElement): string {
  return all(tc, "w:p").map(paragraphText).join("\n");
}

/** Each table of the body as rows of cell texts. */
export function tables(doc: XmlElement): string[][][] {
  return all(doc, "w:tbl").map((tbl) => tbl.children.filter((c) => c.name === "w:tr").map((tr) => tr.children.filter((c) => c.name === "w:tc").map(cellText)));
}

/** The body's own paragraphs (not those inside tables), as text. */
export function bodyParagraphs(doc: XmlElement): string[] {
  const body = all(doc, "w:body")[0];
  return body.children.filter((c) => c.name === "w:p").map(paragraphText);
}

export async function readDocx(bytes: Uint8Array): Promise<XmlElement> {
  return parseXml(await readPart(bytes, "word/document.xml"));
}
