/**
 * The lean reader (src/xlsx/reader.ts) on a workbook written by hand the way other tools write
 * them: what a spreadsheet shows is what is read. And the cells a merge keeps
 * (src/xlsx/checked-cells.ts) cover every cell the check reads, for every template.
 */
import { encodeMarker } from "../../src/sheets/marker";
import { checkParams } from "../../src/sheets/params";
import { SHEET_TEMPLATES } from "../../src/sheets/registry";
import { checkedCells } from "../../src/xlsx/checked-cells";
import { readWorkbook } from "../../src/xlsx/reader";
import { buildZip } from "./read-zip";

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const MARKER = { template: "hand-made", version: 1, params: { rows: 2 } };

function workbook(sheet: string, strings: string[], { date1904 = false } = {}): Buffer {
  const xml = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`);
  return buildZip([
    { name: "[Content_Types].xml", data: xml('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    { name: "xl/workbook.xml", data: xml(`<workbook ${MAIN}><workbookPr date1904="${date1904 ? 1 : 0}"/><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
      ),
    },
    { name: "xl/styles.xml", data: xml(`<styleSheet ${MAIN}><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>`) },
    { name: "xl/sharedStrings.xml", data: xml(`<sst ${MAIN} count="${strings.length}">${strings.map((s) => `<si>${s}</si>`).join("")}</sst>`) },
    { name: "xl/worksheets/sheet1.xml", data: xml(`<worksheet ${MAIN}><sheetData>${sheet}</sheetData><mergeCells count="1"><mergeCell ref="B3:C3"/></mergeCells></worksheet>`) },
  ]);
}

test("shared, rich and inline strings, escapes, numbers, booleans, errors, dates, formulas and their cached results, merged areas", async () => {
  const marker = encodeMarker(MARKER).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  const strings = [`<t>${marker}</t>`, "<t>达到</t>", '<r><t>数控</t></r><r><rPr/><t xml:space="preserve">化率</t></r><rPh sb="0" eb="2"><t>スウチ</t></rPh>', "<t>A_x000D_B &amp; C</t>"];
  const sheet = [
    '<row r="1"><c r="D1" t="s"><v>0</v></c></row>',
    '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>0.62</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#N/A</v></c><c r="E2" t="inlineStr"><is><t>内联</t></is></c></row>',
    '<row r="3"><c r="B3" t="s"><v>3</v></c><c r="C3"><v>99</v></c><c r="D3" s="1"><v>45600</v></c><c r="E3" s="2"><v>45600.5</v></c></row>',
    // Gnumeric writes a text result as a shared string (t="s"); Excel as t="str"; a shared formula's dependants carry no text.
    '<row r="4"><c r="A4" t="s"><f>IF(B2&gt;0.6,"达到","")</f><v>1</v></c><c r="B4" t="str"><f>B2&amp;""</f><v>0.62</v></c><c r="C4"><f t="shared" ref="C4:C5" si="0">B2*2</f><v>1.24</v></c><c r="D4" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>',
    '<row r="5"><c r="C5"><f t="shared" si="0"/><v>0</v></c><c r="D5"><f>A1</f></c></row>',
  ].join("");
  const [read] = await readWorkbook(workbook(sheet, strings));
  expect(read.name).toBe("表");
  expect(read.marker).toEqual(MARKER);
  expect(read.cell(2, 1)).toEqual({ kind: "value", value: "数控化率" });
  expect(read.cell(2, 2)).toEqual({ kind: "value", value: 0.62 });
  expect(read.cell(2, 3)).toEqual({ kind: "value", value: true });
  expect(read.cell(2, 4)).toEqual({ kind: "value", value: "#N/A" });
  expect(read.cell(2, 5)).toEqual({ kind: "value", value: "内联" });
  expect(read.cell(3, 2)).toEqual({ kind: "value", value: "A\rB & C" });
  // C3 is inside the merged B3:C3: it shows B3, its own 99 is hidden as in Excel.
  expect(read.cell(3, 3)).toEqual({ kind: "value", value: "A\rB & C" });
  expect(read.cell(3, 4)).toEqual({ kind: "value", value: "2024-11-04" });
  expect(read.cell(3, 5)).toEqual({ kind: "value", value: "2024-11-04 12:00" });
  expect(read.cell(4, 1)).toEqual({ kind: "formula", formula: 'IF(B2>0.6,"达到","")', result: "达到" });
  expect(read.cell(4, 2)).toEqual({ kind: "formula", formula: 'B2&""', result: "0.62" });
  expect(read.cell(4, 3)).toEqual({ kind: "formula", formula: "B2*2", result: 1.24 });
  expect(read.cell(4, 4)).toEqual({ kind: "formula", formula: "1/0", result: { error: "#DIV/0!" } });
  expect(read.cell(5, 3)).toMatchObject({ kind: "formula", result: 0 });
  // Calculated workbook (other formulas have values): a formula saved without one shows "".
  expect(read.cell(5, 4)).toEqual({ kind: "formula", formula: "A1", result: "" });
  expect(read.cell(9, 9)).toEqual({ kind: "blank" });

  const [in1904] = await readWorkbook(workbook(sheet, strings, { date1904: true }));
  expect(in1904.cell(3, 4)).toEqual({ kind: "value", value: "2028-11-05" });
});

test("a sheet without a marker is read to the end of row 1 only: its cells are not kept", async () => {
  const [read] = await readWorkbook(workbook('<row r="1"><c r="A1" t="s"><v>1</v></c></row><row r="2"><c r="A2"><v>5</v></c></row>', ["<t>x</t>", "<t>名单</t>"]));
  expect(read.marker).toBeNull();
  expect(read.cell(2, 1)).toEqual({ kind: "blank" });
});

test("the cells a merge keeps hold every input and every result the check reads, for every template with its sample answers", () => {
  for (const template of SHEET_TEMPLATES) {
    const params = checkParams(template.params, {});
    if (!params.ok) throw new Error(`${template.id}: default parameters refused`);
    const blank = template.render(params.value, undefined);
    const filled = template.render(params.value, template.sample());
    if (!blank.ok || !filled.ok) throw new Error(`${template.id}: refused`);
    const keep = checkedCells(blank.value.marker);
    if (keep === "all") throw new Error("a planned sheet keeps named cells");
    const missed = [...blank.value.inputs, ...filled.value.results].filter((c) => !keep(c.row, c.col));
    expect([template.id, missed]).toEqual([template.id, []]);
    // And not every cell: labels and headers are let go.
    const labels = blank.value.cells.filter((c) => typeof c.value === "string" && c.formula === undefined);
    expect(labels.some((c) => !keep(c.row, c.col))).toBe(true);
  }
});
