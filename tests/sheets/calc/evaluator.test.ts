/**
 * The formula evaluator on the semantics that decide a cached value: coercions, errors and
 * their propagation, arrays in SUMPRODUCT, LOOKUP's and MATCH's searches, COUNTIF criteria and
 * wildcards, TEXT formats, ROUND's halves, TRIM. Where Excel and LibreOffice differ (LibreOffice
 * has no boolean type), the expectation is Excel's and says so.
 */
import { PlanBuilder } from "../../../src/sheets/builder";
import { PlanResults, type FormulaResult } from "../../../src/sheets/calc/plan-results";
import { CalcError, ErrorValue } from "../../../src/sheets/calc/values";
import type { CellValue } from "../../../src/sheets/plan";
import { PORTABLE_FUNCTIONS } from "../../../src/sheets/portable";
import { FUNCTIONS } from "../../../src/sheets/calc/functions";

const MARKER = { template: "calc-test", version: 1, params: {} };

/**
 * Row 1 holds A1 "" (blank), B1 "  ", C1 TRUE, D1 FALSE, E1 "abc", F1 "1", G1 1, H1 0, I1 " 有 ",
 * J1 2.5; column L rows 1–5 hold 0, 0.4, 0.5, 0.6, 0.8 (a bracket table). The formula goes in A10.
 */
function calc(formula: string, extra: [row: number, col: number, value: CellValue][] = []): FormulaResult {
  const b = new PlanBuilder("算", MARKER);
  const row1: CellValue[] = ["", "  ", true, false, "abc", "1", 1, 0, " 有 ", 2.5];
  row1.forEach((v, i) => b.value(1, i + 1, v));
  [0, 0.4, 0.5, 0.6, 0.8].forEach((v, i) => b.value(i + 1, 12, v));
  for (const [r, c, v] of extra) b.value(r, c, v);
  b.formula(10, 1, formula);
  return new PlanResults(b.build()).resultAt(10, 1);
}

const err = (code: string) => ErrorValue.of(code as never);

describe("coercion", () => {
  test.each([
    ["A1+1", 1],
    ['A1=""', true],
    ["A1=0", true],
    ["ISBLANK(A1)", true],
    ["ISBLANK(B1)", false],
    ['"3"+1', 4],
    ['"50%"*2', 1],
    ['" 2 "*2', 4],
    ["E1+1", err("#VALUE!")],
    ['""+1', err("#VALUE!")],
    ["C1+1", 2],
    ['"ABC"="abc"', true],
    ['"a"<"B"', true],
    ['"a"<1', false],
    ["1<\"a\"", true],
    ["G1=F1", false],
    ["0.1+0.2=0.3", true],
    ["0.3-0.1-0.2", 0],
    ["-2^2", 4],
    ["2^-1", 0.5],
    ["50%", 0.5],
    ["1/0", err("#DIV/0!")],
    ['"x"&1/4', "x0.25"],
    ['1/3&""', "0.333333333333333"],
    ['1E+20&""', "1E+20"],
    ["A1", 0],
    ["{1,2;3,4}", 1],
  ])("%s → %p", (formula, want) => expect(calc(formula)).toEqual(want));

  test("Excel's booleans, where LibreOffice (no boolean type) differs", () => {
    expect(calc("C1=1")).toBe(false);
    expect(calc('C1&""')).toBe("TRUE");
    expect(calc("TRIM(C1)")).toBe("TRUE");
    expect(calc("ISNUMBER(C1)")).toBe(false);
    expect(calc('TRUE>"z"')).toBe(true);
    expect(calc("0^0")).toEqual(err("#NUM!"));
  });

  test("Excel's answers where LibreOffice gives another", () => {
    expect(calc('SUM("3",2)')).toBe(5);
    expect(calc("INDEX(L1:L5,9)")).toEqual(err("#REF!"));
    expect(calc("LOOKUP(0.55,L1:L5,{5,6,8,10,12})")).toBe(8);
    expect(calc('MATCH("b*",{"abc","bcd"},0)')).toBe(2);
    expect(calc('COUNTIF(A1:J1,"*")')).toBe(4);
    expect(calc("MEDIAN(A1)")).toEqual(err("#NUM!"));
    expect(calc('0.0000000001&""')).toBe("1E-10");
  });
});

describe("errors", () => {
  test.each([
    ["1/0+#N/A", err("#DIV/0!")],
    ["#N/A+1/0", err("#N/A")],
    ['IFERROR(1/0,"除零")', "除零"],
    ["IFERROR(5,0)", 5],
    ["ISERROR(#REF!)", true],
    ["ISERROR(E1)", false],
    ["SUM(L1:L5,1/0)", err("#DIV/0!")],
    ["COUNT(1/0,1)", 1],
    ['IF(1/0,"a","b")', err("#DIV/0!")],
    ['IF(E1,"a","b")', err("#VALUE!")],
    ["E1:F1", err("#VALUE!")],
    ["MID(E1,0,1)", err("#VALUE!")],
    ["AVERAGE(A1)", err("#DIV/0!")],
    ["MEDIAN(A1)", err("#NUM!")],
  ])("%s → %p", (formula, want) => expect(calc(formula)).toEqual(want));
});

describe("arrays", () => {
  test("array constants in SUMPRODUCT: a column against a row spreads to a 10×11 grid", () => {
    const digits = (cell: string) => `SUMPRODUCT(--(MID(${cell},{1,2,3,4,5,6,7,8,9,10,11},1)={"0";"1";"2";"3";"4";"5";"6";"7";"8";"9"}))`;
    expect(calc(digits("A2"), [[2, 1, "13800138000"]])).toBe(11);
    expect(calc(digits("A2"), [[2, 1, "1380013800x"]])).toBe(10);
    expect(calc(digits("A2"), [[2, 1, "138"]])).toBe(3);
  });

  test("a word list: TRIM of the cell equals one of the words, case-insensitively", () => {
    const pairs = 'SUMPRODUCT((TRIM(A2)={"低于平均水平","平均水平","领先水平"})*{0,3,5})';
    expect(calc(pairs, [[2, 1, " 平均水平 "]])).toBe(3);
    expect(calc(pairs, [[2, 1, "领先"]])).toBe(0);
    expect(calc('SUMPRODUCT(--(TRIM(A2)={"yes","有"}))>0', [[2, 1, "YES"]])).toBe(true);
  });

  test("ranges in SUMPRODUCT are arrays; elsewhere a range is read by implicit intersection", () => {
    expect(calc("SUMPRODUCT(LEN(TRIM(A1:B1)))")).toBe(0);
    expect(calc("SUMPRODUCT(L1:L5,L1:L5)")).toBeCloseTo(0.16 + 0.25 + 0.36 + 0.64, 12);
    expect(calc("SUMPRODUCT(L1:L5,L1:L4)")).toEqual(err("#VALUE!"));
    expect(calc('SUMPRODUCT(--(L1:L5>=0.5))')).toBe(3);
    // A10 is outside rows 1–5 of column L: no intersection.
    expect(calc("L1:L5*2")).toEqual(err("#VALUE!"));
    expect(calc("SUMPRODUCT(--({1,2}={1;2}))")).toBe(2);
  });

  test("IF over an array is refused: Excel 2010 and LibreOffice compute it differently", () => {
    expect(() => calc("SUMPRODUCT(IF(L1:L5>0,1,0))")).toThrow(/IF over an array/);
  });
});

describe("lookups", () => {
  test("LOOKUP approximate match: the last value not above the one sought", () => {
    expect(calc("LOOKUP(0.55,L1:L5,{5,6,8,10,12})")).toBe(8);
    expect(calc("LOOKUP(0.6,L1:L5,{5,6,8,10,12})")).toBe(10);
    expect(calc("LOOKUP(5,L1:L5,{5,6,8,10,12})")).toBe(12);
    expect(calc("LOOKUP(-1,L1:L5,{5,6,8,10,12})")).toEqual(err("#N/A"));
    expect(calc("LOOKUP(2,1/(A1:J1<>\"\"),A1:J1)")).toBe(2.5);
    expect(calc("LOOKUP(3,{1,2;10,20;30,40})")).toBe(2);
    expect(calc("LOOKUP(25,{1,2;10,20;30,40})")).toBe(20);
  });

  test("MATCH: exact with wildcards, ascending and descending", () => {
    expect(calc('MATCH("ab?",{"x","abc"},0)')).toBe(2);
    expect(calc('MATCH("ABC",E1:E1,0)')).toBe(1);
    expect(calc("MATCH(0.45,L1:L5)")).toBe(2);
    expect(calc("MATCH(0.45,L1:L5,1)")).toBe(2);
    expect(calc("MATCH(3,{5,4,2},-1)")).toBe(2);
    expect(calc("MATCH(7,{1,2},0)")).toEqual(err("#N/A"));
  });

  test("INDEX by row and column, along a row, and out of range", () => {
    expect(calc("INDEX({1,2;3,4},2,1)")).toBe(3);
    expect(calc("INDEX(L1:L5,4)")).toBe(0.6);
    expect(calc("INDEX(A1:J1,10)")).toBe(2.5);
    expect(calc("INDEX(L1:L5,9)")).toEqual(err("#REF!"));
    expect(calc("ISBLANK(INDEX(A1:J1,1))")).toBe(true);
  });
});

describe("COUNTIF and SUMIF criteria", () => {
  test.each([
    ['COUNTIF(L1:L5,">=0.5")', 3],
    ['COUNTIF(L1:L5,"<0.5")', 2],
    ["COUNTIF(L1:L5,0)", 1],
    ['COUNTIF(A1:J1,"<>")', 9],
    ['COUNTIF(A1:J1,"")', 1],
    ['COUNTIF(A1:J1,"=")', 1],
    ['COUNTIF(A1:J1,"ABC")', 1],
    ['COUNTIF(A1:J1,"<>abc")', 9],
    ['COUNTIF(A1:J1,"a*")', 1],
    ['COUNTIF(A1:J1,"?有?")', 1],
    ['COUNTIF(A1:J1,"* *")', 2],
    ['COUNTIF(A1:J1,"~*")', 0],
    ['COUNTIF(A1:J1,"1")', 2],
    ['COUNTIF(A1:J1,"<>1")', 8],
    ["COUNTIF(A1:J1,1)", 1],
    ['COUNTIF(A1:J1,"<3")', 3],
    ['SUMIF(L1:L5,">0.45")', 1.9],
    ['SUMIF(E1:J1,"<>abc",G1:L1)', 2.5],
  ])("%s → %p", (formula, want) => expect(calc(formula)).toBeCloseTo(want as number, 12));

  test("an email pattern", () => {
    const email = (v: string) => calc('AND(COUNTIF(A2,"?*@?*.??*")=1,COUNTIF(A2,"*@*@*")=0,COUNTIF(A2,"* *")=0)', [[2, 1, v]]);
    expect(email("li.si@example.com")).toBe(true);
    expect(email("li si@example.com")).toBe(false);
    expect(email("a@b@example.com")).toBe(false);
    expect(email("example.com")).toBe(false);
  });
});

describe("text", () => {
  test.each([
    ['TRIM("  a   b  ")', "a b"],
    ["TRIM(I1)", "有"],
    // Only the ASCII space: the full-width and no-break spaces stay.
    ['TRIM("\u3000有\u00a0")', "\u3000有\u00a0"],
    ['LEN("智能制造")', 4],
    ['LEFT("abc")', "a"],
    ['RIGHT("abc",2)', "bc"],
    ['MID("abcdef",3,2)', "cd"],
    ['UPPER("yes")', "YES"],
    ['SUBSTITUTE("a-b-c","-","+")', "a+b+c"],
    ['SUBSTITUTE("a-b-c","-","+",2)', "a-b+c"],
    ['SUBSTITUTE("a"&CHAR(160)&"b",CHAR(160)," ")', "a b"],
    ['CODE("A")', 65],
    ['EXACT("a","A")', false],
    ['EXACT(1,"1")', true],
    ['VALUE("1,234.5")', 1234.5],
    ['VALUE("12%")', 0.12],
    ['VALUE("abc")', err("#VALUE!")],
  ])("%s → %p", (formula, want) => expect(calc(formula)).toEqual(want));

  test.each([
    ['TEXT(0.1234,"0.0%")', "12.3%"],
    ['TEXT(1234.5,"#,##0.00")', "1,234.50"],
    ['TEXT(5,"0.0##")', "5.0"],
    ['TEXT(5.12345,"0.0##")', "5.123"],
    ['TEXT(2.5,"0")', "3"],
    ['TEXT(-2.5,"0")', "-3"],
    ['TEXT("abc","0")', "abc"],
  ])("%s → %p", (formula, want) => expect(calc(formula)).toBe(want));

  test("a TEXT format outside the supported ones is refused, naming it and the cell", () => {
    expect(() => calc('TEXT(45000,"yyyy-mm-dd")')).toThrow(/算!A10: TEXT format "yyyy-mm-dd" is not supported/);
  });
});

describe("ROUND", () => {
  test.each([
    ["ROUND(2.675,2)", 2.68],
    ["ROUND(-2.675,2)", -2.68],
    ["ROUND(1.005,2)", 1.01],
    ["ROUND(0.5,0)", 1],
    ["ROUND(-0.5,0)", -1],
    ["ROUND(1234.5,-2)", 1200],
    ["ROUND(10/3,1)", 3.3],
    ["ROUND(20/3,1)", 6.7],
    ["ROUNDUP(1.001,2)", 1.01],
    ["ROUNDUP(-1.001,2)", -1.01],
    ["ROUNDDOWN(-1.999,2)", -1.99],
    ["ROUNDDOWN(0.3*3,1)", 0.9],
    ["MOD(-1,3)", 2],
  ])("%s → %p", (formula, want) => expect(calc(formula)).toBe(want));
});

describe("the sheet", () => {
  test("cells are evaluated in the order their references need, each once; a defined name reads its cell", () => {
    const b = new PlanBuilder("序", MARKER).formula(1, 1, "B1*2").formula(1, 2, "C1+1").value(1, 3, 4).name("基数", { top: 1, left: 3, bottom: 1, right: 3 }).formula(2, 1, "基数*10");
    const r = new PlanResults(b.build());
    expect([r.resultAt(1, 1), r.resultAt(1, 2), r.resultAt(2, 1)]).toEqual([10, 5, 40]);
  });

  test("references with $, in either case, and ranges; a long formula reads in one pass", () => {
    expect(calc("$L$2+l3")).toBe(0.9);
    expect(calc("SUM($L$1:L$5)")).toBeCloseTo(2.3, 12);
    expect(calc(`SUMPRODUCT(--(TRIM(I1)={${Array.from({ length: 2000 }, (_, i) => `"w${i}"`).join(",")},"有"}))`)).toBe(1);
  });

  test("a circular reference is an error naming the cells", () => {
    const b = new PlanBuilder("环", MARKER).formula(1, 1, "B1+1").formula(1, 2, "A1+1");
    expect(() => new PlanResults(b.build())).toThrow(/circular reference: 环!A1 → 环!B1 → 环!A1/);
  });

  test("an unknown function, name or syntax is an error naming the cell and formula, never a blank", () => {
    expect(() => calc("FOO(1)")).toThrow(CalcError);
    expect(() => calc("FOO(1)")).toThrow(/算!A10: unknown function FOO \(in FOO\(1\)\)/);
    expect(() => calc("总分+1")).toThrow(/unknown name 总分/);
    expect(() => calc("SUM(1,")).toThrow(/cannot read formula/);
    expect(() => calc("Sheet2!A1")).toThrow(/other sheets/);
  });

  test("every portable function, and CHAR, CODE and EXACT, is implemented", () => {
    expect([...PORTABLE_FUNCTIONS, "CHAR", "CODE", "EXACT"].filter((f) => !FUNCTIONS[f])).toEqual([]);
  });
});
