import fc from "fast-check";
import {
  BLANK,
  cleanText,
  isBlank,
  isProblem,
  readAnswer,
  readImprovement,
  readLevel,
  readNumber,
  readRate,
  readTick,
  readTickOrRate,
  type Parsed,
} from "../../src/core/answers";
import type { Problem } from "../../src/core/problems";
import { findRubric } from "../../templates/index";
import type { InputDef, Rubric } from "../../templates/schema";

/**
 * What users type into cells, read per input type (templates/schema.ts `inputSchema`):
 * ticks, rates (G2), improvements (G2), levels (表1 6.1 / 表2 5.1 亩均产值), tick-or-rate
 * (表2 2.1.x, G1), and blanks (G3).
 */

function rubric(id: string): Rubric {
  const r = findRubric(id);
  if (!r) throw new Error(`rubric ${id} is missing from the catalogue`);
  return r;
}

const discrete = rubric("shaoxing-discrete");
const process_ = rubric("shaoxing-process");
type Table = "表1" | "表2";
const TABLES: Record<Table, Rubric> = { 表1: discrete, 表2: process_ };

function input(r: Rubric, code: string): InputDef {
  const i = r.inputs.find((x) => x.code === code);
  if (!i) throw new Error(`${r.id} has no input ${code}`);
  return i;
}

/** The problem a reader returned, or a failed expectation if it returned a value. */
function asProblem<T>(parsed: Parsed<T>): Problem {
  if (!isProblem(parsed)) throw new Error(`expected a Problem, got ${String(parsed)}`);
  return parsed;
}

/** Both languages of a problem, so one assertion covers either. */
function text(p: Problem): string {
  return `${p.message.zh} | ${p.message.en}`;
}

const BLANKS: unknown[] = [undefined, null, "", "  ", "\t", " \u3000 "];

describe("ticks (schema inputSchema 'tick'; G3: 否/无/FALSE are answers)", () => {
  it.each<[unknown, boolean]>([
    [true, true],
    [false, false],
    ["TRUE", true],
    ["FALSE", false],
    ["true", true],
    ["false", false],
    ["True", true],
    ["fAlSe", false],
    [" TRUE ", true],
    [1, true],
    [0, false],
    ["1", true],
    ["0", false],
    ["是", true],
    ["否", false],
    ["有", true],
    ["无", false],
    [" 有 ", true],
    ["☑", true],
    ["□", false],
    ["√", true],
  ])("tick %j → %j", (raw, expected) => {
    expect(readTick("1.1", raw)).toBe(expected);
  });

  it.each(BLANKS)("G3: blank %j is BLANK (not answered), not FALSE", (raw) => {
    expect(readTick("1.1", raw)).toBe(BLANK);
  });

  it.each<unknown>(["maybe", "对", 2, 0.5, -1, "2", "TRUE!", NaN, {}, []])("a tick refuses %j with a Problem naming the input code", (raw) => {
    const p = asProblem(readTick("4.3", raw));
    expect(p.code).toBe("4.3");
    expect(p.message.en).toMatch(/expected a tick/);
    expect(p.message.zh).toMatch(/应为勾选答案/);
  });

  it("the refusal echoes what was typed", () => {
    expect(asProblem(readTick("4.1", "maybe")).message.en).toBe('expected a tick (TRUE/FALSE, 1/0, 是/否, 有/无, ☑/□, √), got "maybe"');
  });
});

describe("rates (G2: fractions in [0, 1]; a rate above 1 is an error, never read as a percentage)", () => {
  it.each<[unknown, number]>([
    ["62%", 0.62],
    [0.62, 0.62],
    [" 62 % ", 0.62],
    ["62％", 0.62],
    ["0.62", 0.62],
    [" 0.62 ", 0.62],
    ["62.5%", 0.625],
    [0, 0],
    ["0%", 0],
    [1, 1],
    ["100%", 1],
    ["40%", 0.4],
    ["60%", 0.6],
  ])("rate %j → %j", (raw, expected) => {
    expect(readRate("3.1", raw)).toBe(expected);
  });

  it.each(BLANKS)("G3: blank %j is BLANK", (raw) => {
    expect(readRate("3.1", raw)).toBe(BLANK);
  });

  it("G2: 62 is refused with “enter 62% or 0.62, not 62”, naming 3.1", () => {
    const p = asProblem(readRate("3.1", 62));
    expect(p.code).toBe("3.1");
    expect(p.message.en).toBe("a rate cannot exceed 100%: enter 62% or 0.62, not 62");
    expect(p.message.zh).toBe("比率不能超过 100%：请填 62% 或 0.62，而不是 62");
  });

  it("G2: the string “62” is refused the same way", () => {
    expect(asProblem(readRate("2.2", "62")).message.en).toContain("enter 62% or 0.62");
  });

  it("G2: 150% is over 100% and refused", () => {
    expect(asProblem(readRate("3.1", "150%")).message.en).toMatch(/cannot exceed 100%/);
  });

  it.each<unknown>([-0.1, "-5%", -62])("G2: a negative rate %j is refused", (raw) => {
    const p = asProblem(readRate("6.3", raw));
    expect(p.code).toBe("6.3");
    expect(p.message.en).toMatch(/cannot be negative/);
  });

  it.each<unknown>(["abc", "62 percent", "六成", true, false, NaN, Infinity, {}, [0.5]])("a non-number %j is refused with “a rate such as 62% or 0.62”", (raw) => {
    const p = asProblem(readRate("3.1", raw));
    expect(p.code).toBe("3.1");
    expect(p.message.en).toMatch(/expected a rate such as 62% or 0\.62/);
  });
});

describe("improvements (G2: 生产效率提高 … may exceed 1 and may be negative)", () => {
  it.each<[unknown, number]>([
    ["12%", 0.12],
    [0.12, 0.12],
    [1.5, 1.5],
    ["150%", 1.5],
    [62, 62],
    [-0.05, -0.05],
    ["-5%", -0.05],
    [" 15 % ", 0.15],
  ])("improvement %j → %j", (raw, expected) => {
    expect(readImprovement("6.4", raw)).toBe(expected);
  });

  it.each(BLANKS)("G3: blank %j is BLANK", (raw) => {
    expect(readImprovement("6.4", raw)).toBe(BLANK);
  });

  it.each<unknown>(["lots", "是", true, NaN, Infinity, -Infinity, {}])("a non-number %j is refused, naming 6.5", (raw) => {
    const p = asProblem(readImprovement("6.5", raw));
    expect(p.code).toBe("6.5");
    expect(p.message.en).toMatch(/expected a percentage such as 12% or 0\.12/);
  });
});

describe("levels (表1 6.1 / 表2 5.1 亩均产值: 低于平均水平 / 平均水平 / 领先水平)", () => {
  const mu = input(discrete, "6.1");

  it.each<[string, number]>([
    ["低于平均水平", 0],
    ["平均水平", 1],
    ["领先水平", 2],
    [" 平均水平 ", 1],
    ["Below average", 0],
    ["Average", 1],
    ["Leading", 2],
    ["LEADING", 2],
    ["average", 1],
    ["below", 0],
    ["低于平均", 0],
    ["平均", 1],
    ["领先", 2],
  ])("level %j (zh name, en name or alias) → index %j", (raw, expected) => {
    expect(readLevel(mu, raw)).toBe(expected);
  });

  it("表2 5.1 reads the same levels", () => {
    expect(readLevel(input(process_, "5.1"), "领先水平")).toBe(2);
  });

  it.each(BLANKS)("G3: blank %j is BLANK", (raw) => {
    expect(readLevel(mu, raw)).toBe(BLANK);
  });

  it.each<unknown>(["高", "top", 3, 1, true])("an unknown level %j is refused, naming 6.1 and listing the levels", (raw) => {
    const p = asProblem(readLevel(mu, raw));
    expect(p.code).toBe("6.1");
    expect(p.message.zh).toContain("低于平均水平 / 平均水平 / 领先水平");
    expect(p.message.en).toContain("Below average / Average / Leading");
  });
});

describe("tick-or-rate (表2 2.1.x 自动数采率60%以上: a tick or the actual rate, G1)", () => {
  it.each<[unknown, boolean | number]>([
    [true, true],
    ["是", true],
    ["√", true],
    ["□", false],
    ["FALSE", false],
    [1, true],
    [0, false],
    ["65%", 0.65],
    [0.6, 0.6],
    ["60%", 0.6],
    [0.59, 0.59],
    ["100%", 1],
  ])("%j → %j", (raw, expected) => {
    expect(readTickOrRate("2.1.1", raw)).toBe(expected);
  });

  it.each(BLANKS)("G3: blank %j is BLANK", (raw) => {
    expect(readTickOrRate("2.1.1", raw)).toBe(BLANK);
  });

  it("G2: 65 is refused as a rate over 100%, naming 2.1.2", () => {
    const p = asProblem(readTickOrRate("2.1.2", 65));
    expect(p.code).toBe("2.1.2");
    expect(p.message.en).toBe("a rate cannot exceed 100%: enter 65% or 0.65, not 65");
  });

  it("a negative rate is refused", () => {
    expect(asProblem(readTickOrRate("2.1.3", "-10%")).message.en).toMatch(/cannot be negative/);
  });

  it("a word that is neither a tick nor a rate is refused, saying both are accepted", () => {
    const p = asProblem(readTickOrRate("2.1.3", "部分"));
    expect(p.code).toBe("2.1.3");
    expect(p.message.en).toMatch(/expected a tick .* or the actual rate such as 65%/);
  });
});

describe("readAnswer dispatches on the template's input type", () => {
  it.each<[Table, string, unknown, boolean | number]>([
    ["表1", "1.1", "有", true],
    ["表1", "3.1", "62%", 0.62],
    ["表1", "6.4", "120%", 1.2],
    ["表1", "6.1", "领先水平", 2],
    ["表2", "2.1.1", "65%", 0.65],
    ["表2", "2.1.1", "√", true],
    ["表2", "2.2", 0.3, 0.3],
  ])("%s input %s: %j → %j", (t, code, raw, expected) => {
    expect(readAnswer(input(TABLES[t], code), raw)).toBe(expected);
  });

  it.each<[Table, string, unknown]>([
    ["表1", "1.1", "maybe"],
    ["表1", "3.1", 62],
    ["表1", "6.3", "-1%"],
    ["表1", "6.4", "much"],
    ["表1", "6.1", "best"],
    ["表2", "2.1.2", 60],
    ["表2", "2.2", "55"],
  ])("%s: %s refuses %j with a Problem naming that input code", (t, code, raw) => {
    expect(asProblem(readAnswer(input(TABLES[t], code), raw)).code).toBe(code);
  });

  it("number and integer inputs honour bounds and wholeness", () => {
    const count: InputDef = { code: "n", label: { zh: "人数", en: "Headcount" }, type: "integer", min: 0, unit: { zh: "人", en: "people" } };
    expect(readAnswer(count, "12")).toBe(12);
    expect(readAnswer(count, "")).toBe(BLANK);
    expect(text(asProblem(readAnswer(count, 1.5)))).toContain("a whole number (people)");
    expect(text(asProblem(readAnswer(count, -1)))).toContain("expected a value in 0–∞ (people), got -1");
  });
});

describe("readNumber", () => {
  it("reads numbers and % strings, with thousands separators; NaN otherwise", () => {
    expect(readNumber("1,200")).toBe(1200);
    expect(readNumber("62%")).toBe(0.62);
    expect(readNumber("abc")).toBeNaN();
    expect(readNumber(Infinity)).toBeNaN();
    expect(readNumber(true)).toBeNaN();
  });

  it.each<[string, number]>([
    ["1,200", 1200],
    ["1，200", 1200],
    ["12,345.5", 12345.5],
    ["1,234,567", 1234567],
    ["12,345%", 123.45],
    ["-1,200", -1200],
    [".5", 0.5],
    ["5.", 5],
    ["1e3", 1000],
    ["\u300062%\n", 0.62],
  ])("a comma between groups of three digits separates thousands: %j → %j", (raw, n) => {
    expect(readNumber(raw)).toBe(n);
  });

  it.each(["1,5%", "1,5", "12,5", "1,2345", "1234,567", "1,23", ",5", "1,", ".", "e5", "%", "1e999", "6 2%", "62\u2003%"])(
    "%j is refused (a decimal comma or a stray character is read by locale or not at all in a spreadsheet)",
    (raw) => {
      expect(readNumber(raw)).toBeNaN();
    },
  );

  it("“1,5%” comes back as an input error naming the input, saying how to write the decimal", () => {
    const rate = asProblem(readRate("3.1", "1,5%"));
    expect(rate.code).toBe("3.1");
    expect(rate.message.zh).toBe("应为比率（如 62% 或 0.62），收到“1,5%”；逗号只用作千位分隔（如 1,200），小数请用小数点（如 1.5%）");
    expect(rate.message.en).toContain("a comma only separates thousands (1,200): write decimals with a point (1.5%)");
    expect(asProblem(readImprovement("6.4", "12,5%")).message.en).toContain("write decimals with a point");
    // Without a comma the message says nothing about commas.
    expect(asProblem(readRate("3.1", "abc")).message.en).not.toContain("comma");
  });

  it("G2: n% is n / 100 for every whole percentage 0..100", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), (n) => {
        expect(readRate("3.1", `${n}%`)).toBe(n / 100);
      }),
    );
  });
});

/**
 * One reading of spaces (issue 10): the engine reads an answer as the sheets' formulas do
 * (src/sheets/formula.ts cleanText): NBSP, the full-width space (U+3000), line breaks and tab
 * are spaces; TRIM then strips the ends and collapses runs. Other characters stay.
 */
describe("spaces around and inside an answer", () => {
  const SPACES = [" ", "\u00A0", "\u3000", "\n", "\r", "\t", "\r\n", " \u3000\u00A0"];

  it.each(SPACES)("a tick, a level and a rate surrounded by %j read as without it", (sp) => {
    expect(readTick("1.1", `${sp}有${sp}`)).toBe(true);
    expect(readTick("1.1", `${sp}FALSE${sp}`)).toBe(false);
    expect(readLevel(input(discrete, "6.1"), `${sp}平均水平${sp}`)).toBe(readLevel(input(discrete, "6.1"), "平均水平"));
    expect(readRate("3.1", `${sp}62%${sp}`)).toBe(0.62);
    expect(isBlank(`${sp}${sp}`)).toBe(true);
  });

  it("cleanText is TRIM after mapping those characters to spaces: ends stripped, inner runs made one space", () => {
    expect(cleanText("\u3000 a \u00A0\n b\t")).toBe("a b");
    expect(cleanText("a\r\nb")).toBe("a b");
    expect(cleanText("")).toBe("");
  });

  it.each(["\u2003", "\u200B", "\uFEFF", "\u2028"])("%j is not a space to a spreadsheet's TRIM, so it is part of the answer here too", (ch) => {
    expect(isBlank(ch)).toBe(false);
    expect(asProblem(readTick("1.1", `有${ch}`)).code).toBe("1.1");
    expect(isProblem(readLevel(input(discrete, "6.1"), `平均水平${ch}`))).toBe(true);
  });
});
