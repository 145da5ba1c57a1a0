/**
 * Loaded templates stored in the open workbook through Office.js (src/office/template-store.ts),
 * against the recording double: every call is held to @types/office-js (workbook.customXmlParts,
 * ExcelApi 1.5). Storing replaces the workbook's older copy of the same id and leaves other
 * parts alone; loading adds the stored templates to the catalogue, where the custom functions
 * (which look the catalogue up at call time) see them; a stored part that cannot be taken is
 * reported by name and the others still load.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { addTemplates, findTemplate, loadedTemplates, removeTemplate } from "../../templates/index";
import type { Rubric, Scheme, Template } from "../../templates/schema";
import { parseTemplateText } from "../../templates/user";
import { loadStoredTemplates, removeStoredTemplate, storeTemplate } from "../../src/office/template-store";
import { MAX_TEMPLATE_PARTS, TEMPLATE_NAMESPACE, templatePartXml } from "../../src/xlsx/template-part";
import { inputHeaders, score, tier } from "../../functions/functions";
import { shown, thrown } from "../functions/excel";
import { WorkbookDouble } from "./excel-double";

const FIXTURES = join(__dirname, "..", "fixtures", "templates");
const read = (file: string): Template => parseTemplateText(readFileSync(join(FIXTURES, file), "utf8"), file)[0];
const RUBRIC = "qinghe-diagnosis";
const SCHEME = "qinghe-tiers";
const OTHER = `<?xml version="1.0"?><properties xmlns="http://schemas.microsoft.com/office/2006/metadata/properties"><a>1</a></properties>`;

afterEach(() => {
  for (const t of loadedTemplates()) removeTemplate(t.id);
});

describe("storing a template in the workbook", () => {
  it("adds one part in our namespace, replaces an older copy of the same id, and leaves other parts alone", async () => {
    const book = new WorkbookDouble();
    book.addCustomXml(OTHER);
    const scheme = read("county-scheme.json");
    expect(await storeTemplate(book.run, scheme)).toEqual({ ok: true, syncs: 3 });
    expect(book.customXml.map((p) => p.namespaceUri)).toEqual(["http://schemas.microsoft.com/office/2006/metadata/properties", TEMPLATE_NAMESPACE]);
    expect(book.customXml[1].xml).toBe(templatePartXml(scheme));

    const newer = { ...scheme, version: 2 } as Template;
    const rubric = read("county-rubric.json");
    await storeTemplate(book.run, rubric);
    await storeTemplate(book.run, newer);
    expect(book.customXml.map((p) => p.xml)).toEqual([OTHER, templatePartXml(rubric), templatePartXml(newer)]);
  });

  it("removes a template from the workbook and from the catalogue", async () => {
    const book = new WorkbookDouble();
    const [scheme, rubric] = [read("county-scheme.json"), read("county-rubric.json")];
    await storeTemplate(book.run, scheme);
    await storeTemplate(book.run, rubric);
    expect((await loadStoredTemplates(book.run)).ok).toBe(true);
    expect(await removeStoredTemplate(book.run, SCHEME)).toEqual({ ok: true, syncs: 3 });
    expect(book.customXml.map((p) => p.xml)).toEqual([templatePartXml(rubric)]);
    expect(findTemplate(SCHEME)).toBeUndefined();
    expect(findTemplate(RUBRIC)).toEqual(rubric);
  });

  it("says what failed when Excel refuses", async () => {
    const book = new WorkbookDouble({ failOn: (d) => (d === "customXmlParts.add" ? { code: "GeneralException", message: "An internal error has occurred." } : undefined) });
    const result = await storeTemplate(book.run, read("county-scheme.json"));
    expect(result).toMatchObject({ ok: false, failure: { code: "GeneralException", message: { en: expect.stringContaining("could not store template qinghe-tiers in the workbook") } } });
  });
});

describe("loading the templates a workbook stores", () => {
  it("adds them to the catalogue, where ASSESS.SCORE and ASSESS.TIER find them at call time", async () => {
    const book = new WorkbookDouble();
    const [rubric, scheme] = [read("county-rubric.json") as Rubric, read("county-scheme.json") as Scheme];
    for (const t of [rubric, scheme]) book.addCustomXml(templatePartXml(t));
    // Before: the functions do not know the ids.
    expect(shown(thrown(() => score(RUBRIC, [["有"]])))).toMatchObject({ code: "#N/A" });
    expect(shown(thrown(() => inputHeaders(SCHEME)))).toMatchObject({ code: "#N/A" });

    expect(await loadStoredTemplates(book.run)).toEqual({ ok: true, loaded: [RUBRIC, SCHEME], refused: [] });
    // The functions that ran before the load are run again.
    expect(book.calculations).toEqual(["Full"]);
    expect(findTemplate(RUBRIC)).toEqual(rubric);
    expect(inputHeaders(SCHEME)[0]).toEqual(scheme.inputs.map((i) => i.code));
    const blank = rubric.inputs.map(() => "");
    expect(score(RUBRIC, [blank])).toEqual([[""]]);
    const sample = scheme.sample as Record<string, unknown>;
    expect(tier(SCHEME, [scheme.inputs.map((i) => (i.code in sample ? sample[i.code] : ""))])).toEqual([["县级智能车间"]]);
  });

  it("reports a part it cannot take by name and still loads the others", async () => {
    const book = new WorkbookDouble();
    const scheme = read("county-scheme.json");
    const official = findTemplate("shaoxing");
    const forged = templatePartXml({ ...scheme, id: "shaoxing" } as Template);
    book.addCustomXml(forged);
    book.addCustomXml(`<template xmlns="${TEMPLATE_NAMESPACE}" id="broken" version="1">{"id": "broken"}</template>`);
    book.addCustomXml(templatePartXml(scheme));
    const result = await loadStoredTemplates(book.run);
    if (!result.ok) throw new Error(result.failure.message.en);
    expect(result.loaded).toEqual([SCHEME]);
    expect(result.refused.map((r) => r.en)).toEqual([
      expect.stringMatching(/carries a template named shaoxing, the id of a built-in template; refused/),
      expect.stringMatching(/\(customXmlPart \{0+2-0000-0000-0000-000000000000\}\) broken version 1 is not a valid template/),
    ]);
    expect(findTemplate("shaoxing")).toBe(official);
  });

  it("reads at most as many parts as a workbook file's, and says how many it left", async () => {
    const book = new WorkbookDouble();
    for (let i = 0; i < MAX_TEMPLATE_PARTS + 2; i++) book.addCustomXml(`<template xmlns="${TEMPLATE_NAMESPACE}" id="junk" version="1">{</template>`);
    const result = await loadStoredTemplates(book.run);
    if (!result.ok) throw new Error(result.failure.message.en);
    expect(result.refused).toHaveLength(MAX_TEMPLATE_PARTS + 1);
    expect(result.refused[0].en).toBe(`the workbook stores ${MAX_TEMPLATE_PARTS + 2} template parts; only the first ${MAX_TEMPLATE_PARTS} were read`);
  });

  it("keeps the catalogue's copy when another version is loaded already, and says so", async () => {
    const book = new WorkbookDouble();
    const scheme = read("county-scheme.json");
    book.addCustomXml(templatePartXml({ ...scheme, version: 3 } as Template));
    addTemplates([scheme]);
    const result = await loadStoredTemplates(book.run);
    expect(result).toEqual({ ok: true, loaded: [], refused: [expect.objectContaining({ en: expect.stringContaining("carries template qinghe-tiers version 3, but version 1 is loaded") })] });
    expect(findTemplate(SCHEME)).toBe(scheme);
    expect(book.calculations).toEqual([]);
  });
});
