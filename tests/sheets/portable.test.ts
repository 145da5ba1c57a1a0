/**
 * Every formula of every sheet Assessbook builds (with its sample data) calls only functions
 * Excel 2010, WPS and LibreOffice 7.4 all evaluate: nothing volatile, nothing dynamic-array
 * (the design notes, shared/DESIGN.md, "Why sheets carry native formulas").
 */
import { functionsIn, portabilityIssues } from "../../src/sheets/portable";
import { checkParams } from "../../src/sheets/params";
import type { SheetPlan } from "../../src/sheets/plan";
import { SHEET_TEMPLATES } from "../../src/sheets/registry";

describe("the portability check itself", () => {
  test("finds function calls, not text in string literals, sheet names or defined names", () => {
    expect(functionsIn(`IF(ISNUMBER(MATCH(TRIM(B3),{"true","SUM("},0)),'表1'!C3,总分)`)).toEqual(["IF", "ISNUMBER", "MATCH", "TRIM"]);
    expect(functionsIn(`"TODAY()"&A1`)).toEqual([]);
  });

  test("names volatile, dynamic-array and unlisted functions, whatever their case or prefix", () => {
    expect(portabilityIssues("IF(today()>A1,1,0)+OFFSET(A1,1,0)")).toEqual([
      { name: "TODAY", kind: "volatile" },
      { name: "OFFSET", kind: "volatile" },
    ]);
    expect(portabilityIssues("_xlfn.XLOOKUP(A1,B:B,C:C)+LET(x,1,x)")).toEqual([
      { name: "XLOOKUP", kind: "dynamic-array" },
      { name: "LET", kind: "dynamic-array" },
    ]);
    expect(portabilityIssues("IFS(A1>1,1,TRUE,0)")).toEqual([{ name: "IFS", kind: "not-portable" }]);
    expect(portabilityIssues("SUMPRODUCT((A1:A9=1)*1)+ROUND(AVERAGE(B1:B9),1)")).toEqual([]);
  });
});

function samplePlan(id: string): SheetPlan {
  const template = SHEET_TEMPLATES.find((t) => t.id === id);
  if (!template) throw new Error(`no sheet template ${id}`);
  const params = checkParams(template.params, {});
  if (!params.ok) throw new Error(`${id}: its default parameters are refused: ${JSON.stringify(params.problems)}`);
  const rendered = template.render(params.value, template.sample());
  if (!rendered.ok) throw new Error(`${id}: its sample data is refused: ${JSON.stringify(rendered.problems)}`);
  return rendered.value;
}

const formulasOf = (plan: SheetPlan) => [
  ...plan.cells.filter((c) => c.formula !== undefined).map((c) => ({ where: `${plan.name} R${c.row}C${c.col}`, formula: c.formula as string })),
  ...plan.conditionalFormats.map((cf, i) => ({ where: `${plan.name} conditional format ${i + 1}`, formula: cf.formula })),
];

test("there are sheet templates to check", () => {
  expect(SHEET_TEMPLATES.length).toBeGreaterThan(0);
});

test.each(SHEET_TEMPLATES.map((t) => [t.id]))("%s: every formula and conditional format uses portable functions only", (id) => {
  const plan = samplePlan(id);
  const found = formulasOf(plan).flatMap(({ where, formula }) => portabilityIssues(formula).map((issue) => `${where}: ${issue.name} (${issue.kind})`));
  expect(found).toEqual([]);
});

test("the sample sheets do carry formulas (the check above is not vacuous)", () => {
  expect(SHEET_TEMPLATES.flatMap((t) => formulasOf(samplePlan(t.id))).length).toBeGreaterThan(SHEET_TEMPLATES.length);
});

// Excel's MATCH treats * and ? in the looked-up text as wildcards, so a pasted "*" would match
// the first word of a list: answers are compared with "=" instead (src/sheets/formula.ts isOneOf).
test.each(SHEET_TEMPLATES.map((t) => [t.id]))("%s: no formula looks up a typed answer with MATCH", (id) => {
  const lookups = formulasOf(samplePlan(id)).filter(({ formula }) => /MATCH\(TRIM\(/.test(formula));
  expect(lookups.map((l) => l.where)).toEqual([]);
});
