/**
 * The evaluator's tricky cases, checked against LibreOffice rather than against expectations
 * written by hand: a sheet of probe formulas (coercions, errors, arrays, criteria, lookups,
 * ROUND's halves, TEXT formats, TRIM) is written with its cached values and recalculated by
 * LibreOffice, and every one must come back unchanged. Cases where LibreOffice and Excel differ
 * (booleans, which LibreOffice stores as numbers; 0^0; MEDIAN of nothing; the General format's
 * exponents; which of two errors #N/A+1/0 shows; SUM("3"); INDEX beyond its range; LOOKUP with
 * a result row for a key column) are left out here and pinned to Excel's answers in evaluator.test.ts.
 */
import { PlanBuilder } from "../../../src/sheets/builder";
import type { CellValue } from "../../../src/sheets/plan";
import { writeWorkbook } from "../../../src/xlsx/writer";
import { IN_CI, findSoffice, recalculate } from "../libreoffice";
import { differences, formulaCells } from "./formula-cells";

jest.setTimeout(300_000);

const soffice = findSoffice();
const describeWithLibreOffice = soffice || IN_CI ? describe : describe.skip;
if (!soffice && !IN_CI) console.warn("tests/sheets/calc/libreoffice-agrees.test.ts: skipped, LibreOffice (soffice) is not installed.");

/** Row 1: A1 blank, B1 "  ", C1 "abc", D1 "1", E1 1, F1 0, G1 " 有 ", H1 2.5, I1 "li.si@example.com", J1 "13800138000"; L1:L5 a bracket table. */
const ROW1: CellValue[] = [null, "  ", "abc", "1", 1, 0, " 有 ", 2.5, "li.si@example.com", "13800138000"];
const BRACKETS = [0, 0.4, 0.5, 0.6, 0.8];

const PROBES = [
  // Coercion and comparison
  "A1+1", 'A1=""', "A1=0", "ISBLANK(A1)", "ISBLANK(B1)", "ISTEXT(B1)", '"3"+1', '"50%"*2', '" 2 "*2', "C1+1", '""+1', "D1+1",
  '"ABC"="abc"', '"a"<"B"', '"a"<1', '1<"a"', "E1=D1", "0.1+0.2=0.3", "0.3-0.1-0.2", "1-0.9-0.1", "-2^2", "2^-1", "50%",
  '"x"&1/4', '1/3&""', '"得分 "&H1', "A1", "{1,2;3,4}", "NOT(A1)", "NOT(E1)", "AND(E1,H1)", "OR(A1:H1)",
  // Errors and their propagation
  "1/0", "1/0+#N/A", 'IFERROR(1/0,"除零")', "IFERROR(5,0)", "ISERROR(#REF!)", "ISERROR(C1)", "SUM(L1:L5,1/0)", "COUNT(1/0,1)",
  'IF(1/0,"a","b")', 'IF(C1,"a","b")', "C1:D1", "MID(C1,0,1)", "AVERAGE(A1)", "ISNUMBER(1/0)",
  // Aggregates over ranges and direct arguments
  "SUM(A1:J1)", "SUM(3,2,A1)", "COUNT(A1:J1)", "COUNTA(A1:J1)", "COUNTBLANK(A1:J1)", "AVERAGE(L1:L5)", "MEDIAN(L1:L5)", "MEDIAN(L2:L5)", "MAX(L1:L5)", "MIN(L2:L5)",
  // Arrays
  'SUMPRODUCT(--(MID(J1,{1,2,3,4,5,6,7,8,9,10,11},1)={"0";"1";"2";"3";"4";"5";"6";"7";"8";"9"}))',
  'SUMPRODUCT(--(MID("1380013800x",{1,2,3,4,5,6,7,8,9,10,11},1)={"0";"1";"2";"3";"4";"5";"6";"7";"8";"9"}))',
  'SUMPRODUCT((TRIM(G1)={"无","有"})*{2,5})', 'SUMPRODUCT(--(TRIM(G1)={"yes","有"}))>0', "SUMPRODUCT(LEN(TRIM(A1:J1)))", "SUMPRODUCT(L1:L5,L1:L5)",
  "SUMPRODUCT(L1:L5,L1:L4)", "SUMPRODUCT(--(L1:L5>=0.5))", "SUMPRODUCT(--({1,2}={1;2}))",
  // Lookups
  "LOOKUP(0.55,L1:L5,{5;6;8;10;12})", "LOOKUP(0.6,L1:L5,{5;6;8;10;12})", "LOOKUP(5,L1:L5,{5;6;8;10;12})", "LOOKUP(-1,L1:L5,{5;6;8;10;12})",
  'LOOKUP(2,1/(A1:J1<>""),A1:J1)', "LOOKUP(3,{1,2;10,20;30,40})", "LOOKUP(25,{1,2;10,20;30,40})",
  'MATCH("ABC",C1:C1,0)', 'MATCH("ab?",B1:J1,0)', "MATCH(0.45,L1:L5)", "MATCH(0.45,L1:L5,1)", "MATCH(3,{5,4,2},-1)", "MATCH(7,{1,2},0)",
  "INDEX({1,2;3,4},2,1)", "INDEX(L1:L5,4)", "INDEX(A1:J1,8)", "ISBLANK(INDEX(A1:J1,1))",
  // Criteria
  'COUNTIF(L1:L5,">=0.5")', 'COUNTIF(L1:L5,"<0.5")', "COUNTIF(L1:L5,0)", 'COUNTIF(A1:J1,"<>")', 'COUNTIF(A1:J1,"")', 'COUNTIF(A1:J1,"=")',
  'COUNTIF(A1:J1,"ABC")', 'COUNTIF(A1:J1,"<>abc")', 'COUNTIF(A1:J1,"a*")', 'COUNTIF(A1:J1,"?有?")', 'COUNTIF(A1:J1,"* *")', 'COUNTIF(A1:J1,"1")',
  'COUNTIF(A1:J1,"<>1")', "COUNTIF(A1:J1,1)", 'COUNTIF(A1:J1,"<3")', 'SUMIF(L1:L5,">0.45")', 'SUMIF(C1:H1,"<>abc",E1:J1)',
  'AND(COUNTIF(I1,"?*@?*.??*")=1,COUNTIF(I1,"*@*@*")=0,COUNTIF(I1,"* *")=0)', 'COUNTIF(B1,"* *")',
  // Text
  'TRIM("  a   b  ")', "TRIM(G1)", 'TRIM("　有 ")', 'LEN("智能制造")', 'LEFT("abc")', 'RIGHT("abc",2)', 'MID("abcdef",3,2)', 'UPPER("yes")',
  'SUBSTITUTE("a-b-c","-","+")', 'SUBSTITUTE("a-b-c","-","+",2)', 'SUBSTITUTE("a"&CHAR(160)&"b",CHAR(160)," ")', "CHAR(65)", 'CODE("A")',
  'EXACT("a","A")', 'EXACT(1,"1")', 'VALUE("1,234.5")', 'VALUE("12%")', 'VALUE("abc")',
  'TEXT(0.1234,"0.0%")', 'TEXT(1234.5,"#,##0.00")', 'TEXT(5,"0.0##")', 'TEXT(5.12345,"0.0##")', 'TEXT(2.5,"0")', 'TEXT(-2.5,"0")', 'TEXT("abc","0")',
  // Rounding on the decimal representation
  "ROUND(2.675,2)", "ROUND(-2.675,2)", "ROUND(1.005,2)", "ROUND(0.5,0)", "ROUND(-0.5,0)", "ROUND(1234.5,-2)", "ROUND(10/3,1)", "ROUND(20/3,1)",
  "ROUND(0.285,2)", "ROUND(1.0049999999,2)", "ROUNDUP(1.001,2)", "ROUNDUP(-1.001,2)", "ROUNDDOWN(-1.999,2)", "ROUNDDOWN(0.3*3,1)", "MOD(-1,3)", "MOD(7,2.5)", "ABS(-3)",
];

describeWithLibreOffice("LibreOffice computes every probe formula to the cached value we wrote", () => {
  test("zero differences", async () => {
    if (!soffice) throw new Error("LibreOffice (soffice) is needed in CI: .ci/run installs it");
    const b = new PlanBuilder("探", { template: "calc-probe", version: 1, params: {} });
    ROW1.forEach((v, i) => b.value(1, i + 1, v));
    BRACKETS.forEach((v, i) => b.value(i + 1, 12, v));
    PROBES.forEach((f, i) => b.formula(10 + i, 1, f));
    const written = await writeWorkbook([b.build()]);
    expect((await formulaCells(written.bytes))[0].formulas).toHaveLength(PROBES.length);
    expect(await differences(written.bytes, await recalculate(soffice, written.bytes))).toEqual([]);
  });
});
