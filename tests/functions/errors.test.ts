import { inDisplayLanguage, shown, thrown } from "./excel";
import { A } from "./fixtures";
import { INTERNAL, MAX_MESSAGE_LENGTH, clip, guarded, problemsError } from "../../functions/errors";
import { basicValue, errorCode, toRows } from "../../functions/cells";
import { messageLanguage } from "../../functions/language";
import { kpiChange, scoreDiscrete } from "../../functions/functions";

/**
 * How failures reach a cell: CustomFunctions.Error messages (language, place, length), the
 * guard that keeps anything else from escaping, and reading what Excel passes in a cell.
 */

describe("error messages", () => {
  it("speak the language of the Excel showing them: Chinese by default and for zh-*, English otherwise", () => {
    expect(messageLanguage()).toBe("zh");
    expect(inDisplayLanguage("zh-TW", messageLanguage)).toBe("zh");
    expect(inDisplayLanguage("en-GB", messageLanguage)).toBe("en");
    const bad = [...A];
    bad[4] = 62;
    expect(inDisplayLanguage("en-US", () => shown(scoreDiscrete([bad])[0][0]))).toEqual({
      code: "#VALUE!",
      message: "inputs, row 1, 3.1: a rate cannot exceed 100%: enter 62% or 0.62, not 62",
    });
    expect(inDisplayLanguage("en-US", () => thrown(() => kpiChange(0, 1, 7)).message)).toBe(
      "baseline: the baseline is 0: a relative change cannot be computed from 0; use a non-zero baseline",
    );
  });

  it(`are cut to ${MAX_MESSAGE_LENGTH} characters, keeping the count of further problems`, () => {
    const long = { code: "3.1", message: { zh: "很长的说明".repeat(80), en: "x".repeat(400) } };
    const e = problemsError([long, long, long], { argument: "inputs", row: 12 });
    expect(Array.from(e.message ?? "")).toHaveLength(MAX_MESSAGE_LENGTH);
    expect(e.message).toMatch(/^inputs 第 12 行，3\.1：很长的说明/);
    expect(e.message).toMatch(/…（另有 2 处问题）$/);
  });

  it("clip counts characters, so a character outside the BMP is never split", () => {
    expect(clip("𠀀".repeat(10), 5)).toBe("𠀀𠀀𠀀𠀀…");
    expect(clip("短", 5)).toBe("短");
  });
});

describe("guarded", () => {
  it("passes a CustomFunctions.Error through unchanged", () => {
    const refusal = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, "no such rubric");
    expect(thrown(() => guarded(() => { throw refusal; }))).toBe(refusal);
  });

  it("turns anything else (a bug) into #VALUE! with a message asking for a report", () => {
    expect(shown(thrown(() => guarded(() => { throw new TypeError("x is undefined"); })))).toEqual({ code: "#VALUE!", message: `${INTERNAL.zh}x is undefined` });
  });

  it("returns what the body returns", () => {
    expect(guarded(() => [[1]])).toEqual([[1]]);
  });
});

describe("reading cells", () => {
  it("recognises the error values Excel passes: CustomFunctions.Error, a data-type error, a plain Error", () => {
    expect(errorCode(new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero))).toBe("#DIV/0!");
    expect(errorCode({ type: "Error", basicValue: "#NUM!", errorType: "Num" })).toBe("#NUM!");
    expect(errorCode(new RangeError("x"))).toBe("#VALUE!");
    for (const value of [null, undefined, "", "#N/A", 0, true, { type: "Entity", text: "x" }]) expect(errorCode(value)).toBeNull();
  });

  it("unwraps number, text and boolean data types; leaves everything else as it is", () => {
    expect(basicValue({ type: "Double", basicValue: 0.62, numberFormat: "0%" })).toBe(0.62);
    expect(basicValue({ type: "FormattedNumber", basicValue: 1.5, numberFormat: "0.0" })).toBe(1.5);
    expect(basicValue({ type: "String", basicValue: "有" })).toBe("有");
    expect(basicValue({ type: "Boolean", basicValue: true })).toBe(true);
    const entity = { type: "Entity", text: "企业" };
    expect(basicValue(entity)).toBe(entity);
    expect(basicValue({ type: "Double", basicValue: "not a number" })).toEqual({ type: "Double", basicValue: "not a number" });
  });

  it("reads a single value as a 1×1 range and a flat list as one row", () => {
    expect(toRows("x")).toEqual([["x"]]);
    expect(toRows([1, 2])).toEqual([[1, 2]]);
    expect(toRows([[1], 2])).toEqual([[1], [2]]);
    expect(toRows([])).toEqual([]);
  });
});
