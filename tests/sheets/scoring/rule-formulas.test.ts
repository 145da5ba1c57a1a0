/**
 * The native formulas generated from the rubrics' rule data (seed 003 表1/表2), read as text:
 * each threshold and point value comes from the rule, in the shape the rulings give (G1/G4 min
 * inclusive, D3 blank → 0, D4 round(n × 10 / 3, 1)). That they compute what the engine computes
 * is proved by recalculation in LibreOffice (recalculation.test.ts).
 */
import { readLevel, TICKED_WORDS, UNTICKED_WORDS } from "../../../src/core/answers";
import { cleanText, isBlankCell, isTicked } from "../../../src/sheets/formula";
import { answeredFormula, itemScoreFormula, levelWords, recognisedFormula, warningFormula } from "../../../src/sheets/scoring/rule-formulas";
import { RUBRICS, findRubric } from "../../../templates/index";
import type { InputDef, Rubric, RubricItem } from "../../../templates/schema";

function rubric(id: string): Rubric {
  const r = findRubric(id);
  if (!r) throw new Error(`no rubric ${id}`);
  return r;
}

const discrete = rubric("shaoxing-discrete");
const process_ = rubric("shaoxing-process");

function item(r: Rubric, code: string): RubricItem {
  const found = r.sections.flatMap((s) => s.items).find((i) => i.code === code);
  if (!found) throw new Error(`no item ${code}`);
  return found;
}

const inputsOf = (r: Rubric) => new Map(r.inputs.map((i) => [i.code, i]));
/** Every input in cell X<code> so a formula's references are readable. */
const cellOf = (code: string) => `X${code.replace(/\./g, "_")}`;
const formula = (r: Rubric, code: string) => itemScoreFormula(item(r, code), cellOf, inputsOf(r));

describe("score formulas, generated from each rule", () => {
  test("a tick scores its points when ticked in any of the engine's words (表1 1.1: □有 10分)", () => {
    expect(formula(discrete, "1.1")).toBe(`IF(${isTicked("X1_1")},10,0)`);
    expect(isTicked("A1")).toContain(TICKED_WORDS.map((w) => `"_${w}"`).join(","));
  });

  test("D3 数控化率: nested from the top bracket down on min bounds, a blank scoring 0 rather than the < 40% bracket's 5", () => {
    expect(formula(discrete, "3.1")).toBe("IF(ISNUMBER(X3_1),IF(X3_1>=0.6,10,IF(X3_1>=0.5,8,IF(X3_1>=0.4,6,5))),0)");
  });

  test("表2 2.2 自控投用率 30%以上 8 / 50%以上 10 (G1: 以上 includes the number)", () => {
    expect(formula(process_, "2.2")).toBe("IF(ISNUMBER(X2_2),IF(X2_2>=0.5,10,IF(X2_2>=0.3,8,0)),0)");
  });

  test("D5/D6/P2: the outcome brackets, 低端用工下降率 differing between 表1 [8%, 15%) and 表2 [5%, 8%)", () => {
    expect(formula(discrete, "6.3")).toBe("IF(ISNUMBER(X6_3),IF(X6_3>=0.02,4,IF(X6_3>=0.01,3,1)),0)");
    expect(formula(discrete, "6.6")).toBe("IF(ISNUMBER(X6_6),IF(X6_6>=0.15,4,IF(X6_6>=0.08,3,0)),0)");
    expect(formula(process_, "5.6")).toBe("IF(ISNUMBER(X5_6),IF(X5_6>=0.08,4,IF(X5_6>=0.05,3,0)),0)");
  });

  test("D4 3.2: n = ticked options; n ≥ 3 → 10, else ROUND(n × 10 / 3, 1)", () => {
    const n = `(${[1, 2, 3, 4, 5, 6, 7].map((k) => isTicked(`X3_2_${k}`)).join("+")})`;
    expect(formula(discrete, "3.2")).toBe(`IF(${n}>=3,10,ROUND(${n}*10/3,1))`);
  });

  test("表2 2.1.x: ticked, or the actual 自动数采率 ≥ 60%", () => {
    expect(formula(process_, "2.1.1")).toBe(`IF(OR(${isTicked("X2_1_1")},AND(ISNUMBER(X2_1_1),X2_1_1>=0.6)),5,0)`);
  });

  test("亩均产值: every spelling the engine accepts, paired with its level's points (0 / 3 / 5)", () => {
    const input = inputsOf(discrete).get("6.1") as InputDef;
    const words = levelWords(input);
    expect(words.map(([w]) => w)).toEqual(expect.arrayContaining(["低于平均水平", "平均水平", "领先水平", "leading", "平均"]));
    for (const [word, level] of words) expect(readLevel(input, word)).toBe((input.levels ?? []).findIndex((l) => l.name.zh === level));
    const points = words.map(([, level]) => (item(discrete, "6.1").rule as { points: Record<string, number> }).points[level]);
    // Issue 12 item 7: compared with every space removed, so 领先 水平 is 领先水平.
    expect(formula(discrete, "6.1")).toBe(`SUMPRODUCT(("_"&SUBSTITUTE(${cleanText("X6_1")}," ","")={${words.map(([w]) => `"_${w}"`).join(",")}})*{${points.join(",")}})`);
  });

  test("G2 (issue 12 item 1): a reduction above 100% is not recognised (无法识别), an improvement is any number, a rate is in [0, 1]", () => {
    expect(recognisedFormula(inputsOf(discrete).get("6.5") as InputDef, "A1")).toBe("AND(ISNUMBER(A1),A1<=1)");
    expect(recognisedFormula(inputsOf(process_).get("5.6") as InputDef, "A1")).toBe("AND(ISNUMBER(A1),A1<=1)");
    expect(recognisedFormula(inputsOf(discrete).get("6.4") as InputDef, "A1")).toBe("ISNUMBER(A1)");
    expect(recognisedFormula(inputsOf(discrete).get("3.1") as InputDef, "A1")).toBe("AND(ISNUMBER(A1),A1>=0,A1<=1)");
  });

  test("no threshold is typed twice: changing the rule data changes the formula", () => {
    const base = item(discrete, "3.1");
    const moved: RubricItem = {
      ...base,
      rule: { kind: "brackets", input: "3.1", brackets: [{ min: null, max: 0.25, points: 1 }, { min: 0.25, max: null, points: 7 }] },
    };
    expect(itemScoreFormula(moved, cellOf, inputsOf(discrete))).toBe("IF(ISNUMBER(X3_1),IF(X3_1>=0.25,7,1),0)");
  });

  test("every bracket rule's lowest bracket is unbounded below, which the formula's fallback assumes", () => {
    for (const r of RUBRICS) {
      for (const i of r.sections.flatMap((s) => s.items)) if (i.rule.kind === "brackets") expect([i.code, i.rule.brackets[0].min]).toEqual([i.code, null]);
    }
  });
});

describe("answered and recognised (G3 completeness, answers the engine would refuse)", () => {
  const input = (code: string, r: Rubric = discrete) => inputsOf(r).get(code) as InputDef;

  test("answered: anything but blanks", () => {
    expect(answeredFormula("B2")).toBe(`NOT(${isBlankCell("B2")})`);
  });

  test("a tick is recognised in the engine's ticked and unticked words", () => {
    const f = recognisedFormula(input("1.1"), "B2");
    for (const w of [...TICKED_WORDS, ...UNTICKED_WORDS]) expect(f).toContain(`"_${w}"`);
  });

  test("a rate is a number within 0..1: 62 is refused (G2); an improvement is any number", () => {
    expect(recognisedFormula(input("3.1"), "B2")).toBe("AND(ISNUMBER(B2),B2>=0,B2<=1)");
    expect(recognisedFormula(input("6.4"), "B2")).toBe("ISNUMBER(B2)");
  });

  test("tick-or-rate: a tick word or a rate within 0..1", () => {
    const f = recognisedFormula(input("2.1.1", process_), "B2");
    expect(f.startsWith(`OR((SUMPRODUCT(--("_"&${cleanText("B2")}={`)).toBe(true);
    expect(f.endsWith("}))>0),AND(ISNUMBER(B2),B2>=0,B2<=1))")).toBe(true);
    // In a conditional format: MATCH, with the wildcards escaped (LibreOffice gets SUMPRODUCT over an array constant wrong there).
    const inFormat = recognisedFormula(input("2.1.1", process_), "B2", true);
    expect(inFormat.startsWith(`OR(ISNUMBER(MATCH("_"&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${cleanText("B2")},"~","~~"),"*","~*"),"?","~?"),{`)).toBe(true);
  });

  test("a level is recognised in its spellings", () => {
    expect(recognisedFormula(input("6.1"), "B2")).toContain('"_领先水平"');
  });

  test("no rubric input is an amount (no scoring rule reads one), and the generators say so rather than guess", () => {
    expect(RUBRICS.flatMap((r) => r.inputs.filter((i) => i.type === "number" || i.type === "integer"))).toEqual([]);
    const amount: InputDef = { code: "n", type: "integer", label: { zh: "人数", en: "people" } };
    expect(() => recognisedFormula(amount, "B2")).toThrow(/never an amount/);
  });
});

test("D7: 4.3 ticked without both 4.1 ERP and 4.2 MES", () => {
  expect(warningFormula(discrete.consistency[0], cellOf)).toBe(`AND(${isTicked("X4_3")},NOT(AND(${isTicked("X4_1")},${isTicked("X4_2")})))`);
});
