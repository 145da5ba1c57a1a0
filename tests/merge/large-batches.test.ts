/**
 * What keeps a merge of thousands of files fast and flat in memory (issue 14), each checked for
 * the behaviour it must not change: a blank plan rendered once per preview, the files of a
 * batch fetched together, a result cell kept without its formula text, a merged area taken off
 * the cells the cheaper way round.
 */
import { previewMerge } from "../../src/merge/preview";
import { readPendingSources, readSources, type PendingFile } from "../../src/merge/read-source";
import { checkSheet } from "../../src/sheets/check-sheet";
import { encodeMarker } from "../../src/sheets/marker";
import { checkParams } from "../../src/sheets/params";
import { findSheetTemplate } from "../../src/sheets/registry";
import { checkedCells } from "../../src/xlsx/checked-cells";
import { readWorkbook } from "../../src/xlsx/reader";
import { writeWorkbook } from "../../src/xlsx/writer";
import { buildZip } from "../hostile/read-zip";
import { FORM, formPlan, ROW_A, ROW_B, summaryPlan, workbookFile as file } from "./submissions";

jest.setTimeout(60_000);

const TARGET = { template: "shanxi-2018-summary", recommender: "reform-zone" };

test("a preview renders each template blank once per distinct parameters, however many sheets share them", async () => {
  const files = [];
  for (let i = 0; i < 4; i++) files.push(await file(`申报书-${i}.xlsx`, [formPlan({ ...FORM, "contact-name": `联系人${i}` })]));
  for (let i = 0; i < 3; i++) files.push(await file(`汇总-${i}.xlsx`, [summaryPlan([ROW_A, ROW_B])]));
  const sources = await readSources(files);
  const expected = previewMerge(TARGET, sources);
  const renders = new Map<string, { blank: number; filled: number; expected: number }>();
  const spies = ["shanxi-2018-application", "shanxi-2018-summary"].flatMap((id) => {
    const template = findSheetTemplate(id);
    if (!template) throw new Error(`no sheet template ${id}`);
    const count = { blank: 0, filled: 0, expected: 0 };
    renders.set(id, count);
    const render = template.render.bind(template);
    const engine = template.expected.bind(template);
    return [
      jest.spyOn(template, "render").mockImplementation((params, data) => {
        if (data === undefined) count.blank++;
        else count.filled++;
        return render(params, data);
      }),
      jest.spyOn(template, "expected").mockImplementation((params, data) => {
        count.expected++;
        return engine(params, data);
      }),
    ];
  });
  try {
    const preview = previewMerge(TARGET, sources);
    expect(preview).toEqual(expected);
    // Once for the check and the input cells of every sheet alike; the answers are still checked
    // sheet by sheet, by `expected` alone: a table sheet is not laid out again with its answers (checkedByExpected).
    expect(Object.fromEntries(renders)).toEqual({ "shanxi-2018-application": { blank: 1, filled: 0, expected: 4 }, "shanxi-2018-summary": { blank: 1, filled: 0, expected: 3 } });
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
});

test("the files of a batch are fetched together (their reads overlap), results still in the files' order", async () => {
  const { bytes } = await file("申报书.xlsx", [formPlan(FORM)]);
  const events: string[] = [];
  const pending: PendingFile[] = Array.from({ length: 4 }, (_, i) => ({
    name: `${i + 1}.xlsx`,
    size: bytes.byteLength,
    bytes: async () => {
      events.push(`start ${i + 1}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      events.push(`end ${i + 1}`);
      return bytes;
    },
  }));
  const results = await readPendingSources(pending);
  expect(results.map((r) => [r.name, r.ok])).toEqual(pending.map((p) => [p.name, true]));
  // One after another would give start 1, end 1, start 2 …
  expect(events.slice(0, 4)).toEqual(["start 1", "start 2", "start 3", "start 4"]);
});

test("a merge keeps a result cell by what it shows, without its formula text, and checks the sheet exactly as when every cell is kept", async () => {
  const plan = summaryPlan([ROW_A, ROW_B]);
  const isInput = (c: { row: number; col: number }) => plan.inputs.some((b) => b.row === c.row && b.col === c.col);
  const results = plan.cells.filter((c) => c.formula !== undefined && !isInput(c));
  expect(results.length).toBeGreaterThan(10);
  // An input cell holding a formula keeps its text: the preview reports it.
  const input = plan.inputs.find((b) => b.code === "rows/0/contact");
  if (!input) throw new Error("the summary has no rows/0/contact input");
  const typed = { ...plan, cells: plan.cells.map((c) => (c.row === input.row && c.col === input.col ? { ...c, value: null, formula: '"孙"&"丽"' } : c)) };
  const bytes = new Uint8Array((await writeWorkbook([typed])).bytes);
  const [all] = await readWorkbook(bytes);
  const [kept] = await readWorkbook(bytes, { keep: checkedCells });
  for (const r of results) {
    const cell = kept.cell(r.row, r.col);
    expect(cell).toMatchObject({ kind: "formula", formula: "" });
    expect(cell).toEqual({ ...all.cell(r.row, r.col), formula: "" });
  }
  expect(kept.cell(input.row, input.col)).toMatchObject({ kind: "formula", formula: '"孙"&"丽"' });
  expect(checkSheet(kept)).toEqual(checkSheet(all));
});

test("a merged area larger than the cells kept hides the cells under it and shows its top-left cell", async () => {
  const template = findSheetTemplate("shanxi-2018-summary");
  const params = template && checkParams(template.params, {});
  if (!template || !params?.ok) throw new Error("no shanxi-2018-summary");
  const blank = template.render(params.value, undefined);
  if (!blank.ok) throw new Error("shanxi-2018-summary does not render blank");
  const marker = encodeMarker(blank.value.marker).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  const xml = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`);
  const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const sheet = `<row r="1"><c r="A1" t="inlineStr"><is><t>${marker}</t></is></c></row><row r="3"><c r="B3"><v>1</v></c><c r="C3"><v>2</v></c><c r="B4"><v>3</v></c></row><row r="9"><c r="A9"><v>4</v></c></row>`;
  const bytes = buildZip([
    { name: "[Content_Types].xml", data: xml('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    { name: "xl/workbook.xml", data: xml(`<workbook ${MAIN}><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    { name: "xl/_rels/workbook.xml.rels", data: xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`) },
    { name: "xl/worksheets/sheet1.xml", data: xml(`<worksheet ${MAIN}><sheetData>${sheet}</sheetData><mergeCells count="2"><mergeCell ref="B3:Z400"/><mergeCell ref="A9:A9"/></mergeCells></worksheet>`) },
  ]);
  // Every cell kept but D3: the area (25 × 398 cells) is far larger than the five cells held.
  const [read] = await readWorkbook(bytes, { keep: () => () => true });
  expect(read.cell(3, 2)).toEqual({ kind: "value", value: 1 });
  expect(read.cell(3, 3)).toEqual({ kind: "value", value: 1 });
  expect(read.cell(4, 2)).toEqual({ kind: "value", value: 1 });
  expect(read.cell(400, 26)).toEqual({ kind: "value", value: 1 });
  expect(read.cell(401, 2)).toEqual({ kind: "blank" });
  expect(read.cell(9, 1)).toEqual({ kind: "value", value: 4 });
});
