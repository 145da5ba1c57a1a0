/**
 * A submitted file goes through the reading gate once (issue 14: "read each file once"): the
 * templates it carries are read from the zip its sheets are then read from, so no part of it,
 * the carried template's part included, is inflated twice.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { addTemplates, findTemplate, loadedTemplates, removeTemplate } from "../../templates/index";
import { parseTemplateText } from "../../templates/user";
import { readSources } from "../../src/merge/read-source";
import { checkParams } from "../../src/sheets/params";
import { findSheetTemplate } from "../../src/sheets/registry";
import { writeWorkbook } from "../../src/xlsx/writer";
import * as zip from "../../src/xlsx/zip";

jest.setTimeout(60_000);

const SCHEME = "qinghe-tiers";

/** A workbook with the county scheme's self-check filled with its sample, built while the scheme is loaded; the catalogue is left without it. */
async function carryingWorkbook(): Promise<Uint8Array> {
  const file = "county-scheme.json";
  const [template] = parseTemplateText(readFileSync(join(__dirname, "..", "fixtures", "templates", file), "utf8"), file);
  addTemplates([template]);
  try {
    const sheet = findSheetTemplate(SCHEME);
    const params = sheet && checkParams(sheet.params, {});
    if (!sheet || !params?.ok) throw new Error(`no sheet ${SCHEME}`);
    const rendered = sheet.render(params.value, sheet.sample());
    if (!rendered.ok) throw new Error(JSON.stringify(rendered.problems));
    return new Uint8Array((await writeWorkbook([rendered.value])).bytes);
  } finally {
    removeTemplate(SCHEME);
  }
}

afterEach(() => {
  for (const t of loadedTemplates()) removeTemplate(t.id);
});

test("a file carrying a template is read with each of its parts inflated once", async () => {
  const bytes = await carryingWorkbook();
  expect(findTemplate(SCHEME)).toBeUndefined();
  const inflated: string[] = [];
  const inflate = zip.inflateEntry;
  const spy = jest.spyOn(zip, "inflateEntry").mockImplementation((data, entry, sink) => {
    inflated.push(entry.name);
    return inflate(data, entry, sink);
  });
  try {
    const [read] = await readSources([{ name: "清河自评.xlsx", bytes }]);
    if (!read.ok) throw new Error(read.reason.en);
    expect(read.sheets.map((s) => s.marker.template)).toEqual([SCHEME]);
  } finally {
    spy.mockRestore();
  }
  // The template was taken from the file, and its part was read for it.
  expect(findTemplate(SCHEME)?.id).toBe(SCHEME);
  expect(inflated.some((name) => /^customXml\/item\d+\.xml$/.test(name))).toBe(true);
  const entries = zip.readZipDirectory(bytes);
  if (!Array.isArray(entries)) throw new Error("not a zip");
  expect([...inflated].sort()).toEqual(entries.filter((e) => !e.name.endsWith("/")).map((e) => e.name).sort());
});
