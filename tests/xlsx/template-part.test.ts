/**
 * A loaded template carried by the workbooks built from it (src/xlsx/template-part.ts,
 * template-package.ts): the .xlsx holds it as a custom XML part, well-formed and linked as Excel
 * links its own; extract reads a sheet of it where the template is not loaded; a carried part
 * that is too large, malformed, under a built-in id or of another version than the loaded one
 * is refused by name and replaces nothing.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { addTemplates, findTemplate, loadedTemplates, removeTemplate } from "../../templates/index";
import type { Template } from "../../templates/schema";
import { parseTemplateText } from "../../templates/user";
import { checkParams } from "../../src/sheets/params";
import type { SheetPlan } from "../../src/sheets/plan";
import { findSheetTemplate } from "../../src/sheets/registry";
import { extractWorkbook } from "../../src/xlsx/extract";
import { UnreadableWorkbook } from "../../src/xlsx/gate";
import { MAX_TEMPLATE_PART_BYTES, TEMPLATE_NAMESPACE, loadCarriedTemplates, readTemplatePart, templateOfPart, templatePartXml } from "../../src/xlsx/template-part";
import { writeWorkbook } from "../../src/xlsx/writer";
import { expectWellFormed } from "./well-formed";
import { IN_CI, findSoffice, recalculate } from "../sheets/libreoffice";
import { findings } from "../../src/sheets/check-sheet";

jest.setTimeout(120_000);

const FIXTURES = join(__dirname, "..", "fixtures", "templates");
const SCHEME_FILE = "county-scheme.json";
const SCHEME = "qinghe-tiers";

function fixture(file: string): Template {
  const [t] = parseTemplateText(readFileSync(join(FIXTURES, file), "utf8"), file);
  return t;
}

function plan(sheetId: string, data?: unknown): SheetPlan {
  const sheet = findSheetTemplate(sheetId);
  if (!sheet) throw new Error(`no sheet ${sheetId}`);
  const params = checkParams(sheet.params, {});
  if (!params.ok) throw new Error("params");
  const rendered = sheet.render(params.value, data === undefined ? sheet.sample() : data);
  if (!rendered.ok) throw new Error(JSON.stringify(rendered.problems));
  return rendered.value;
}

/** A workbook with the county scheme's self-check, built while the scheme is loaded; the catalogue is left without it. */
async function builtWithScheme(): Promise<{ bytes: Buffer; template: Template }> {
  const template = fixture(SCHEME_FILE);
  addTemplates([template]);
  try {
    const { bytes } = await writeWorkbook([plan(SCHEME)]);
    return { bytes, template };
  } finally {
    removeTemplate(SCHEME);
  }
}

async function edit(bytes: Uint8Array, change: (zip: JSZip) => Promise<void> | void): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  await change(zip);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** What reading the workbook refuses, as kind and English reason; null when it reads. */
async function refusal(bytes: Uint8Array): Promise<{ kind: string; reason: string } | null> {
  try {
    await extractWorkbook(bytes);
    return null;
  } catch (e) {
    if (e instanceof UnreadableWorkbook) return { kind: e.kind, reason: e.reason.en };
    throw e;
  }
}

afterEach(() => {
  for (const t of loadedTemplates()) removeTemplate(t.id);
});

describe("the part's format", () => {
  it("round-trips a template, text that needs escaping included", async () => {
    const template = { ...fixture(SCHEME_FILE), title: { zh: "青禾 <县> & \"村\"", en: "Qinghe <county> & 'village' ]]>" } } as Template;
    const xml = templatePartXml(template);
    expect(xml).toContain(`<template xmlns="${TEMPLATE_NAMESPACE}" id="${SCHEME}" version="1">`);
    const part = readTemplatePart(xml, "workbook");
    expect(part).toMatchObject({ id: SCHEME, version: 1 });
    expect(await templateOfPart(part!)).toEqual(template);
  });

  it("leaves parts of other namespaces alone", () => {
    expect(readTemplatePart('<?xml version="1.0"?><properties xmlns="http://schemas.microsoft.com/office/2006/metadata/properties"><x>1</x></properties>', "customXml/item1.xml")).toBeNull();
    expect(readTemplatePart(`<template xmlns="urn:someone-else">{}</template>`, "customXml/item1.xml")).toBeNull();
  });

  it("refuses a part of ours that is malformed, oversized, nested or misnamed, saying which", async () => {
    const ns = `xmlns="${TEMPLATE_NAMESPACE}"`;
    const refused = (xml: string) => {
      try {
        readTemplatePart(xml, "customXml/item1.xml");
        return null;
      } catch (e) {
        return e instanceof UnreadableWorkbook ? e.reason.en : String(e);
      }
    };
    expect(refused(`<template ${ns} id="a" version="1">{"x":1}`)).toMatch(/customXml\/item1\.xml is incomplete/);
    expect(refused(`<!DOCTYPE t [<!ENTITY x "y">]><template ${ns} id="a" version="1">&x;</template>`)).toMatch(/customXml\/item1\.xml/);
    expect(refused(`<template ${ns} id="a" version="1"><b/></template>`)).toMatch(/holds an element <b>/);
    expect(refused(`<template ${ns} id="A B" version="1">{}</template>`)).toMatch(/no valid template id/);
    expect(refused(`<template ${ns} id="a" version="1.5">{}</template>`)).toMatch(/invalid version "1.5"/);
    const big = "x".repeat(MAX_TEMPLATE_PART_BYTES + 1);
    expect(refused(`<template ${ns} id="a" version="1">${big}</template>`)).toMatch(/over the \d+-byte limit/);
    expect(refused(`<template ${ns} id="a" version="1">${big}${big}</template>`)).toMatch(/over the \d+-byte limit/);
    // Far over the limit, a part of someone else's is still only passed over.
    expect(refused(`<other xmlns="urn:x">${big}${big}</other>`)).toBeNull();
  });

  it("refuses a part whose content is not the template its attributes name", async () => {
    const template = fixture(SCHEME_FILE);
    const lying = templatePartXml(template).replace('version="1"', 'version="2"');
    await expect(templateOfPart(readTemplatePart(lying, "workbook")!)).rejects.toThrow(/says it is qinghe-tiers version 2, but its content is not/);
    const broken = `<template xmlns="${TEMPLATE_NAMESPACE}" id="${SCHEME}" version="1">{"id": "${SCHEME}", "kind": "scheme"}</template>`;
    await expect(templateOfPart(readTemplatePart(broken, "workbook")!)).rejects.toThrow(/qinghe-tiers version 1 is not a valid template: \$/);
  });
});

describe("a workbook built from a loaded template", () => {
  it("carries it as a custom XML part linked as Excel links its own, and nothing when all its templates are built in", async () => {
    const { bytes } = await builtWithScheme();
    await expectWellFormed(bytes);
    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file("customXml/item1.xml")?.async("string")).toContain(`id="${SCHEME}" version="1"`);
    expect(await zip.file("customXml/itemProps1.xml")?.async("string")).toContain(`ds:uri="${TEMPLATE_NAMESPACE}"`);
    expect(await zip.file("customXml/_rels/item1.xml.rels")?.async("string")).toContain('Target="itemProps1.xml"');
    const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
    expect(rels).toMatch(/Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/customXml" Target="\.\.\/customXml\/item1\.xml"/);
    // Each relationship id once: a repeated id is a package Excel repairs.
    const ids = [...rels.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
    expect(types).toContain('<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>');
    expect(types).toMatch(/<Default Extension="xml" ContentType="application\/xml"\/>/);

    const builtIn = await writeWorkbook([plan("shaoxing")]);
    expect(Object.keys((await JSZip.loadAsync(builtIn.bytes)).files).filter((n) => n.startsWith("customXml"))).toEqual([]);
  });

  it("records the template's id and version in the sheet's marker", async () => {
    addTemplates([fixture(SCHEME_FILE)]);
    expect(plan(SCHEME).marker.from).toEqual({ id: SCHEME, version: 1 });
    expect(plan("shaoxing").marker.from).toBeUndefined();
  });

  it("is read where the template is not loaded: the workbook's own copy is added to the catalogue", async () => {
    const { bytes, template } = await builtWithScheme();
    expect(findTemplate(SCHEME)).toBeUndefined();
    const [report] = await extractWorkbook(bytes);
    expect(report.template).toBe(SCHEME);
    expect(report.status).toBe("not-calculated");
    expect(Object.keys(report.inputs).length).toBeGreaterThan(0);
    expect(findTemplate(SCHEME)).toEqual(template);
  });

  it("is read by the catalogue's copy when the same version is loaded", async () => {
    const { bytes } = await builtWithScheme();
    const loaded = fixture(SCHEME_FILE);
    addTemplates([loaded]);
    expect(await loadCarriedTemplates(bytes)).toEqual([]);
    expect(findTemplate(SCHEME)).toBe(loaded);
  });

  it("names the template and version to load when the workbook lost its copy", async () => {
    const { bytes } = await builtWithScheme();
    const stripped = await edit(bytes, (zip) => {
      zip.remove("customXml/item1.xml");
    });
    const [report] = await extractWorkbook(stripped);
    expect(report.status).toBe("unknown-template");
    expect(report.problems[0].message.en).toBe(
      "this sheet was built from template qinghe-tiers version 1, which is not loaded and not carried by the workbook: pass --templates <file> (in the task pane: Import template)",
    );
    expect(report.problems[0].message.zh).toContain("模板 qinghe-tiers 第 1 版");
  });
});

describe("a carried template never replaces anything", () => {
  it("refuses a carried template under a built-in id by name", async () => {
    const { bytes } = await builtWithScheme();
    const official = findTemplate("shaoxing");
    const forged = await edit(bytes, async (zip) => {
      const xml = (await zip.file("customXml/item1.xml")?.async("string")) ?? "";
      zip.file("customXml/item1.xml", xml.replace(`id="${SCHEME}"`, 'id="shaoxing"'));
    });
    expect(await refusal(forged)).toEqual({ kind: "template", reason: expect.stringMatching(/carries a template named shaoxing, the id of a built-in template; refused/) });
    expect(findTemplate("shaoxing")).toBe(official);
    expect(loadedTemplates()).toEqual([]);
  });

  it("refuses a carried version other than the loaded one, naming both", async () => {
    const { bytes } = await builtWithScheme();
    const newer = { ...fixture(SCHEME_FILE), version: 2 } as Template;
    addTemplates([newer]);
    expect(await refusal(bytes)).toEqual({ kind: "template", reason: expect.stringMatching(/carries template qinghe-tiers version 1, but version 2 is loaded/) });
    expect(findTemplate(SCHEME)).toBe(newer);
  });

  it("refuses a carried part that is oversized or not well-formed, by part", async () => {
    const { bytes } = await builtWithScheme();
    const oversized = await edit(bytes, (zip) => {
      zip.file("customXml/item1.xml", `<template xmlns="${TEMPLATE_NAMESPACE}" id="${SCHEME}" version="1">${" ".repeat(MAX_TEMPLATE_PART_BYTES * 2 + 10)}</template>`);
    });
    expect(await refusal(oversized)).toEqual({ kind: "template", reason: expect.stringMatching(/customXml\/item1\.xml\) is over the \d+-byte limit/) });
    const malformed = await edit(bytes, (zip) => {
      zip.file("customXml/item1.xml", `<template xmlns="${TEMPLATE_NAMESPACE}" id="${SCHEME}" version="1">{</templat>`);
    });
    expect(await refusal(malformed)).toEqual({ kind: "unreadable", reason: expect.stringMatching(/part customXml\/item1\.xml/) });
    expect(loadedTemplates()).toEqual([]);
  });
});

const soffice = findSoffice();

describe("a spreadsheet that opens and saves the workbook", () => {
  if (!soffice) {
    if (IN_CI) {
      it("LibreOffice is installed (CI never skips the real-engine round trip)", () => {
        throw new Error("soffice is not on PATH: .ci/run installs libreoffice-calc-nogui");
      });
    } else {
      console.warn("tests/xlsx/template-part.test.ts: the LibreOffice round trip is skipped, LibreOffice (soffice) is not installed. Install libreoffice-calc to run it.");
      it.skip("keeps the template part (skipped: LibreOffice is not installed)", () => undefined);
    }
    return;
  }

  it("keeps the template part: LibreOffice opens the package without complaint, and its saved file is read and checked where the template is not loaded", async () => {
    const { bytes } = await builtWithScheme();
    const saved = await recalculate(soffice, bytes);
    expect(Object.keys((await JSZip.loadAsync(saved)).files).filter((n) => /^customXml\/item\d+\.xml$/.test(n))).toHaveLength(1);
    expect(findTemplate(SCHEME)).toBeUndefined();
    const [report] = await extractWorkbook(saved);
    expect(report.template).toBe(SCHEME);
    expect(report.status).toBe("checked");
    expect(report.checks.length).toBeGreaterThan(0);
    expect(findings(report)).toEqual([]);
  });
});
