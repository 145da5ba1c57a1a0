/**
 * The written file's cached values as a viewer reads them, and the comparison the LibreOffice
 * test relies on: it must see a missing <v>, a wrong number, text or type, so the zero
 * differences it reports mean something.
 */
import JSZip from "jszip";
import { PlanBuilder } from "../../../src/sheets/builder";
import { writeWorkbook } from "../../../src/xlsx/writer";
import { differences, formulaCells } from "./formula-cells";

const MARKER = { template: "cached-check", version: 1, params: {} };

function plan() {
  return new PlanBuilder("值", MARKER)
    .value(1, 1, 2)
    .value(1, 2, "有")
    .formula(2, 1, "A1*1.5")
    .formula(2, 2, 'IF(B1="有","达到","")')
    .formula(2, 3, "A1>1")
    .formula(2, 4, "A1/0")
    .formula(2, 5, 'IF(A1>5,"x","")')
    .formula(2, 6, "C1")
    .build();
}

async function tamper(bytes: Buffer, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const path = "xl/worksheets/sheet1.xml";
  zip.file(path, edit(await (zip.file(path) as JSZip.JSZipObject).async("string")));
  return zip.generateAsync({ type: "nodebuffer" });
}

test("each formula's cached value is stored with its type: number, text (t=str), boolean, error; a blank reference shows 0", async () => {
  const { bytes } = await writeWorkbook([plan()]);
  const [sheet] = await formulaCells(bytes);
  expect(sheet.formulas.map((f) => [f.address, f.stored])).toEqual([
    ["A2", { type: "number", value: 3 }],
    ["B2", { type: "text", value: "达到" }],
    ["C2", { type: "boolean", value: true }],
    ["D2", { type: "error", value: "#DIV/0!" }],
    ["E2", { type: "text", value: "" }],
    ["F2", { type: "number", value: 0 }],
  ]);
  expect(await differences(bytes, bytes)).toEqual([]);
});

test("the comparison finds a missing, a wrong and a mistyped cached value", async () => {
  const { bytes } = await writeWorkbook([plan()]);
  const wrong = await tamper(bytes, (xml) => xml.replace("<v>3</v>", "<v>3.5</v>").replace("<v>达到</v>", "<v>未达到</v>").replace(/<c r="C2"([^>]*) t="b">/, '<c r="C2"$1>'));
  expect(await differences(wrong, bytes)).toEqual([
    expect.stringMatching(/^值!A2: ours \{"type":"number","value":3.5\}, LibreOffice \{"type":"number","value":3\}/),
    expect.stringMatching(/^值!B2: ours \{"type":"text","value":"未达到"\}/),
    expect.stringMatching(/^值!C2: ours \{"type":"number","value":1\}, LibreOffice \{"type":"boolean","value":true\}/),
  ]);
  const missing = await tamper(bytes, (xml) => xml.replace(/(<f>A1\/0<\/f>)<v>[^<]*<\/v>/, "$1"));
  expect(await differences(missing, bytes)).toEqual([expect.stringMatching(/^值!D2: no cached value \(A1\/0\)/)]);
});
