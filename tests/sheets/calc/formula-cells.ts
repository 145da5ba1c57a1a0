/**
 * Every formula cell of an .xlsx package with its stored value, read from the sheet XML itself
 * rather than through exceljs (which reads an empty <v/> and a missing <v> alike): what a viewer
 * that does not calculate shows. For the cached-result tests, to compare our file with
 * LibreOffice's recalculated one.
 */
import JSZip from "jszip";

export type Stored = { type: "number"; value: number } | { type: "text"; value: string } | { type: "boolean"; value: boolean } | { type: "error"; value: string } | { type: "none" };

export interface FormulaCell {
  address: string;
  formula: string;
  stored: Stored;
}

export interface SheetCells {
  name: string;
  formulas: FormulaCell[];
}

function decode(xml: string): string {
  return xml
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Cell text as ECMA-376 stores it: _xHHHH_ is the character HHHH (and _x005F_ an underscore). */
function xstring(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function attribute(attrs: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];
}

function stored(type: string | undefined, v: string | undefined, shared: readonly string[]): Stored {
  if (v === undefined) return { type: "none" };
  const text = decode(v);
  switch (type) {
    case "str":
      return { type: "text", value: xstring(text) };
    case "s": {
      // Gnumeric stores a formula's text result in the shared strings, as for a constant.
      const value = shared[Number(text)];
      if (value === undefined) throw new Error(`a formula result names shared string ${text}, which the package lacks`);
      return { type: "text", value };
    }
    case "b":
      return { type: "boolean", value: text === "1" || text.toLowerCase() === "true" };
    case "e":
      return { type: "error", value: text };
    case undefined:
    case "n":
      return { type: "number", value: Number(text) };
    default:
      throw new Error(`a formula result of type t="${type}" (${text}) is not expected`);
  }
}

/** The sheets of the package in workbook order, each with its formula cells. */
export async function formulaCells(bytes: Buffer): Promise<SheetCells[]> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (path: string) => {
    const f = zip.file(path);
    if (!f) throw new Error(`${path} is not in the package`);
    return f.async("string");
  };
  const workbook = await read("xl/workbook.xml");
  const strings = zip.file("xl/sharedStrings.xml") ? await read("xl/sharedStrings.xml") : "";
  // Each <si>'s text runs joined (rich text), phonetic guides left out.
  const shared = [...strings.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((si) =>
    [...si[1].replace(/<rPh\b[\s\S]*?<\/rPh>/g, "").matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)].map((t) => xstring(decode(t[1] ?? ""))).join(""),
  );
  const rels = await read("xl/_rels/workbook.xml.rels");
  const targets = new Map([...rels.matchAll(/<Relationship\b([^>]*)\/?>/g)].map((m) => [attribute(m[1], "Id"), attribute(m[1], "Target")]));
  const sheets: SheetCells[] = [];
  for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const target = targets.get(attribute(m[1], "r:id")) as string;
    const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    const xml = await read(path);
    const formulas: FormulaCell[] = [];
    for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const inner = c[2] ?? "";
      const f = /<f\b[^>]*?(?:\/>|>([\s\S]*?)<\/f>)/.exec(inner);
      if (!f) continue;
      const v = /<v\b[^>]*?(?:\/>|>([\s\S]*?)<\/v>)/.exec(inner);
      formulas.push({ address: attribute(c[1], "r") as string, formula: decode(f[1] ?? ""), stored: stored(attribute(c[1], "t"), v ? (v[1] ?? "") : undefined, shared) });
    }
    sheets.push({ name: decode(attribute(m[1], "name") as string), formulas });
  }
  return sheets;
}

/** Equal as stored values: numbers to a relative 1e-9, texts exactly, booleans, errors by code. */
export function sameStored(a: Stored, b: Stored): boolean {
  if (a.type !== b.type) return false;
  if (a.type === "number" && b.type === "number") return Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value), Math.abs(b.value));
  return a.type === "none" || (a as { value: unknown }).value === (b as { value: unknown }).value;
}

/** Every formula cell whose stored value differs between the two packages, or that ours lacks, one line each. */
export async function differences(ours: Buffer, theirs: Buffer, who = "LibreOffice"): Promise<string[]> {
  const [a, b] = [await formulaCells(ours), await formulaCells(theirs)];
  const out: string[] = [];
  a.forEach((sheet, i) => {
    const other = new Map(b[i]?.formulas.map((f) => [f.address, f]) ?? []);
    for (const f of sheet.formulas) {
      const g = other.get(f.address);
      if (f.stored.type === "none") out.push(`${sheet.name}!${f.address}: no cached value (${f.formula})`);
      else if (!g) out.push(`${sheet.name}!${f.address}: no formula in ${who}'s file`);
      else if (!sameStored(f.stored, g.stored)) out.push(`${sheet.name}!${f.address}: ours ${JSON.stringify(f.stored)}, ${who} ${JSON.stringify(g.stored)} (${f.formula})`);
    }
  });
  return out;
}
