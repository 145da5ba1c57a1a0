/**
 * The scoring sheets' plans (src/sheets/scoring): well formed for a spreadsheet, every input
 * bound once and validated, formulas portable, the official layout's parts present, data filled
 * the way the engine reads it, and bad data turned into Problems naming the field.
 */
import fc from "fast-check";
import type { Problem, Result } from "../../../src/core/problems";
import { score } from "../../../src/core/score";
import { checkParams } from "../../../src/sheets/params";
import type { Cell, Range, SheetPlan, Validation } from "../../../src/sheets/plan";
import { portabilityIssues } from "../../../src/sheets/portable";
import { SHEET_TEMPLATES, type SheetTemplate } from "../../../src/sheets/registry";
import { writeWorkbook } from "../../../src/xlsx/writer";
import { findRubric, findTemplate } from "../../../templates/index";
import type { Rubric } from "../../../templates/schema";

/** The scoring sheets of the built-in rubrics. */
const SCORING_SHEETS = SHEET_TEMPLATES.filter((s) => findTemplate(s.template)?.kind === "rubric");

function sheet(id: string): SheetTemplate {
  const t = SCORING_SHEETS.find((s) => s.id === id);
  if (!t) throw new Error(`no scoring sheet ${id}`);
  return t;
}

function rubricOf(t: SheetTemplate): Rubric {
  return findRubric(t.template) as Rubric;
}

function render(t: SheetTemplate, data?: unknown, given: Record<string, unknown> = {}): Result<SheetPlan> {
  const params = checkParams(t.params, given);
  if (!params.ok) throw new Error(`params refused: ${JSON.stringify(params.problems)}`);
  return t.render(params.value, data);
}

function plan(t: SheetTemplate, data?: unknown, given: Record<string, unknown> = {}): SheetPlan {
  const r = render(t, data, given);
  if (!r.ok) throw new Error(`${t.id} refused: ${JSON.stringify(r.problems)}`);
  return r.value;
}

function problems(r: Result<SheetPlan>): Problem[] {
  if (r.ok) throw new Error("expected Problems, got a plan");
  return r.problems;
}

const codes = (ps: Problem[]) => ps.map((p) => p.code);

function cellAt(p: SheetPlan, row: number, col: number): Cell | undefined {
  return p.cells.find((c) => c.row === row && c.col === col);
}

function inputValue(p: SheetPlan, code: string): Cell["value"] {
  const binding = p.inputs.find((i) => i.code === code);
  if (!binding) throw new Error(`no input ${code}`);
  return cellAt(p, binding.row, binding.col)?.value ?? null;
}

const contains = (r: Range, row: number, col: number) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;

/** Input codes of the rubric a binding code answers: "3.1", "0/3.1" (batch row 0). */
function rubricCode(bindingCode: string): string {
  return bindingCode.replace(/^\d+\//, "");
}

const ids = SCORING_SHEETS.map((t) => t.id);

test("three sheets per rubric, with the rubric ids public (表1 离散型, 表2 流程型)", () => {
  expect(ids).toEqual([
    "shaoxing-discrete",
    "shaoxing-discrete-batch",
    "shaoxing-discrete-panel",
    "shaoxing-process",
    "shaoxing-process-batch",
    "shaoxing-process-panel",
  ]);
});

describe.each(ids)("%s", (id) => {
  const t = sheet(id);
  const rubric = rubricOf(t);
  const withSample = plan(t, t.sample());
  const blank = plan(t);

  test("marker: template id, a version, the parameters it was rendered with", () => {
    const params = checkParams(t.params, {});
    // Layout revision 2: the working cells moved out of the print area (issue 11).
    expect(blank.marker).toEqual({ template: id, version: rubric.version * 100 + 2, params: params.ok ? params.value : null });
  });

  test("every binding code is bound exactly once, unlocked; every other cell is locked", () => {
    for (const p of [blank, withSample]) {
      const bound = p.inputs.map((i) => i.code);
      expect(new Set(bound).size).toBe(bound.length);
      const where = new Set(p.inputs.map((i) => `${i.row},${i.col}`));
      expect(where.size).toBe(p.inputs.length);
      for (const c of p.cells) expect([`${c.row},${c.col}`, c.locked === false]).toEqual([`${c.row},${c.col}`, where.has(`${c.row},${c.col}`)]);
    }
  });

  test("binding codes are the data paths and stay the same with or without data", () => {
    expect(blank.inputs).toEqual(withSample.inputs);
  });

  test("every input cell is covered by exactly one validation", () => {
    for (const i of blank.inputs) {
      const covering = blank.validations.filter((v) => contains(v.range, i.row, i.col));
      expect([i.code, covering.length]).toEqual([i.code, 1]);
    }
  });

  test("every formula, and every conditional format, calls portable functions only and fits Excel's 8,192 characters", () => {
    const formulas = [...withSample.cells.flatMap((c) => (c.formula ? [c.formula] : [])), ...withSample.conditionalFormats.map((cf) => cf.formula)];
    expect(formulas.length).toBeGreaterThan(10);
    expect(formulas.flatMap(portabilityIssues)).toEqual([]);
    expect(Math.max(...formulas.map((f) => f.length))).toBeLessThan(8192);
  });

  test("every result binding is a formula cell, and the engine gives a value for each key it expects", () => {
    for (const r of withSample.results) expect([r.key, cellAt(withSample, r.row, r.col)?.formula]).toEqual([r.key, expect.any(String)]);
    const params = checkParams(t.params, {});
    const expected = t.expected(params.ok ? params.value : {}, t.sample());
    if (!expected.ok) throw new Error(JSON.stringify(expected.problems));
    expect(withSample.results.map((r) => r.key).sort()).toEqual(Object.keys(expected.value).sort());
  });

  test("prints as F1 says, the heading rows repeated; frozen; protected without a password", () => {
    // The single sheet A4 landscape one page wide; the panel A4 portrait one page wide; the batch
    // A3 landscape at 100 %, several pages wide with its enterprise columns repeated.
    const want = id.endsWith("-batch")
      ? { paper: "A3", orientation: "landscape", fitToWidth: false, repeatColumns: { first: 1, last: 3 } }
      : { paper: "A4", orientation: id.endsWith("-panel") ? "portrait" : "landscape", fitToWidth: true };
    expect(blank.print).toMatchObject({ ...want, repeatRows: expect.anything() });
    expect(blank.freeze).toBeDefined();
    expect(blank.protection).toEqual({ enabled: true });
  });

  test("cites the source on the sheet: 文号 and table", () => {
    const texts = blank.cells.map((c) => String(c.value ?? ""));
    expect(texts.some((s) => s.includes(rubric.document.reference) && s.includes(rubric.source.annex as string))).toBe(true);
  });

  test("the shared xlsx writer accepts the plan", async () => {
    await expect(writeWorkbook([withSample])).resolves.toBeDefined();
  });

  test("render never throws, whatever the data", () => {
    fc.assert(
      fc.property(fc.anything(), (data) => {
        const r = render(t, data);
        expect(typeof r.ok).toBe("boolean");
      }),
      { numRuns: 200 },
    );
  });
});

describe("sample data (build --all)", () => {
  test("each panel sample has one expert far enough from the median to be flagged", () => {
    for (const id of ["shaoxing-discrete-panel", "shaoxing-process-panel"]) {
      const t = sheet(id);
      const expected = t.expected(plan(t).marker.params, t.sample());
      expect(expected.ok && expected.value.deviating).toBe(1);
    }
  });

  test("the 表1 batch sample holds complete rows, an incomplete one (G3) and a D7 contradiction, all accepted by the engine", () => {
    const rubric = findRubric("shaoxing-discrete") as Rubric;
    const results = (sheet("shaoxing-discrete-batch").sample() as Record<string, unknown>[]).map(({ enterprise: _name, ...answers }) => score(rubric, answers));
    const scored = results.map((r) => (r.ok ? r.value : null));
    expect(scored.every((r) => r !== null)).toBe(true);
    expect(scored.some((r) => r?.complete === false)).toBe(true);
    expect(scored.some((r) => (r?.warnings.length ?? 0) > 0)).toBe(true);
  });

  test("sample() gives a fresh copy each time", () => {
    const t = sheet("shaoxing-discrete");
    (t.sample() as Record<string, unknown>)["1.1"] = "无";
    expect((t.sample() as Record<string, unknown>)["1.1"]).toBe("有");
  });
});

describe("one enterprise per sheet (official layout)", () => {
  const t = sheet("shaoxing-discrete");
  const rubric = rubricOf(t);
  const p = plan(t, t.sample());

  test("columns 评价项目 / 评价内容 / 量化考核 with input, computed, adjustment and score columns", () => {
    const headings = p.cells.filter((c) => c.row === 4).map((c) => c.value);
    expect(headings).toEqual(["评价项目", "编号", "评价内容", "量化考核", "填报", "计算得分", "专家调整", "得分", "满分", "状态"]);
  });

  test("a row labelled exactly 总分 holds the total", () => {
    const label = p.cells.find((c) => c.value === "总分");
    const total = p.results.find((r) => r.key === "total");
    expect(label?.row).toBe(total?.row);
  });

  test("every rubric input code, each item's adjustment (D4) and the header fields are bound", () => {
    const items = rubric.sections.flatMap((s) => s.items.map((i) => `adjustments/${i.code}`));
    expect(p.inputs.map((i) => i.code).sort()).toEqual([...rubric.inputs.map((i) => i.code), ...items, "enterprise", "date", "expert"].sort());
  });

  test("section subtotals, the computed and the counted score of every item, completeness and the D7 warnings are results", () => {
    const keys = p.results.map((r) => r.key);
    for (const s of rubric.sections) expect(keys).toContain(`section:${s.code}`);
    for (const i of rubric.sections.flatMap((s) => s.items)) expect(keys).toEqual(expect.arrayContaining([`item:${i.code}`, `computed:${i.code}`]));
    expect(keys).toEqual(expect.arrayContaining(["total", "answered", "complete", "warnings"]));
  });

  // Issue 12 item 1: 表2 has no consistency rule, but 5.4 生产效率提高 above 100% is a G2 warning.
  test("表2 has a warnings row for 5.4 生产效率提高 above 100% (G2), counting as the engine does", () => {
    const p = plan(sheet("shaoxing-process"));
    expect(p.results.map((r) => r.key)).toContain("warnings");
    const at = p.results.find((r) => r.key === "warnings")!;
    expect(p.cells.find((c) => c.row === at.row && c.col === at.col)?.formula).toMatch(/^IF\(AND\(ISNUMBER\([A-Z]+\d+\),[A-Z]+\d+>1\),1,0\)$/);
  });

  test("validations: 有/无 for ticks, 0–100% for rates with a Chinese prompt (G2), the three 亩均产值 levels, 0..max for adjustments", () => {
    const of = (code: string): Validation => {
      const b = p.inputs.find((i) => i.code === code);
      return p.validations.find((v) => b && contains(v.range, b.row, b.col)) as Validation;
    };
    expect(of("1.1")).toMatchObject({ kind: "list", options: ["有", "无"] });
    expect(of("3.1")).toMatchObject({ kind: "decimal", min: 0, max: 1, prompt: { zh: "请填 0%–100% 之间的比率，如 62%" } });
    expect(of("6.4")).toMatchObject({ kind: "decimal" });
    expect(of("6.1")).toMatchObject({ kind: "list", options: ["低于平均水平", "平均水平", "领先水平"] });
    expect(of("adjustments/3.2")).toMatchObject({ kind: "decimal", min: 0, max: 10 });
  });

  test("data fills the inputs as the engine reads them: ticks as 有/无, rates as fractions, levels by name, adjustments, header text", () => {
    expect(inputValue(p, "1.1")).toBe("有");
    expect(inputValue(p, "2.1.3")).toBe("无");
    expect(inputValue(p, "3.1")).toBe(0.62);
    expect(inputValue(p, "6.1")).toBe("平均水平");
    expect(inputValue(p, "adjustments/3.2")).toBe(6);
    expect(inputValue(p, "adjustments/3.1")).toBeNull();
    expect(inputValue(p, "enterprise")).toBe("绍兴市示例纺织机械有限公司");
  });

  test("a positional answer list (as `assessbook score` takes) fills the inputs in rubric order", () => {
    const positional = rubric.inputs.map((i) => (i.type === "tick" ? "√" : i.type === "level" ? "leading" : "0.5"));
    const q = plan(t, positional);
    expect(inputValue(q, "1.1")).toBe("有");
    expect(inputValue(q, "6.1")).toBe("领先水平");
    expect(inputValue(q, "6.4")).toBe(0.5);
  });

  test("text from data stays text, whatever it begins with; a date typed as digits is read as its text", () => {
    expect(inputValue(plan(t, { enterprise: "=HYPERLINK(1)" }), "enterprise")).toBe("=HYPERLINK(1)");
    expect(inputValue(plan(t, { date: 20240520 }), "date")).toBe("20240520");
  });

  test("bad data: Problems naming each field, as the engine names them", () => {
    const ps = problems(render(t, { "3.1": 62, "9.9": "有", "1.1": "maybe", adjustments: { "3.2": 11 }, enterprise: true }));
    expect(codes(ps).sort()).toEqual(["1.1", "3.1", "9.9", "adjustments.3.2", "enterprise"].sort());
    expect(ps.find((x) => x.code === "3.1")?.message.zh).toContain("62%");
    expect(codes(problems(render(t, "abc")))).toEqual(["inputs"]);
  });
});

describe("batch: one enterprise per row", () => {
  const t = sheet("shaoxing-discrete-batch");
  const rubric = rubricOf(t);
  const sample = t.sample() as Record<string, unknown>[];
  const p = plan(t, sample);

  test("default 20 rows (1–500), each binding every input code and the enterprise name as <row>/<code>", () => {
    expect(t.params).toEqual([expect.objectContaining({ key: "rows", default: 20, min: 1, max: 500 })]);
    const blank = plan(t);
    expect(blank.inputs).toHaveLength(20 * (rubric.inputs.length + 1));
    expect(blank.inputs.filter((i) => i.code.startsWith("19/")).map((i) => rubricCode(i.code)).sort()).toEqual(["enterprise", ...rubric.inputs.map((i) => i.code)].sort());
  });

  test("the heading rows show each input's code and short label", () => {
    const b = p.inputs.find((i) => i.code === "0/3.1");
    const under = p.cells.filter((c) => c.col === b?.col && c.row < (b?.row ?? 0)).map((c) => c.value);
    expect(under).toEqual(expect.arrayContaining(["3.1", "数控化率"]));
  });

  test("per-row total, answered and complete are results, for the rows that carry answers", () => {
    const keys = p.results.map((r) => r.key);
    sample.forEach((_, i) => expect(keys).toEqual(expect.arrayContaining([`row:${i}:total`, `row:${i}:complete`, `row:${i}:answered`])));
    expect(keys.some((k) => k.startsWith(`row:${sample.length}:`))).toBe(false);
  });

  test("answers are normalised as the engine reads them: ☑, √, TRUE, 1 → 有; FALSE, 0 → 无; average → 平均水平; a blank stays blank", () => {
    expect(inputValue(p, "1/3.2.3")).toBe("有");
    expect(inputValue(p, "1/3.2.4")).toBe("有");
    expect(inputValue(p, "2/2.1.3")).toBe("有");
    expect(inputValue(p, "2/3.2.3")).toBe("有");
    expect(inputValue(p, "4/3.2.2")).toBe("无");
    expect(inputValue(p, "5/3.2.1")).toBe("无");
    expect(inputValue(p, "5/6.1")).toBe("平均水平");
    expect(inputValue(p, "3/6.4")).toBeNull();
    expect(inputValue(p, "2/enterprise")).toBe("上虞区示例汽车零部件有限公司");
  });

  test("more enterprises than rows: the sheet grows and the marker records the rows built", () => {
    const grown = plan(t, sample, { rows: "2" });
    expect(grown.marker.params).toEqual({ rows: sample.length });
    expect(grown.inputs.filter((i) => i.code.endsWith("/enterprise"))).toHaveLength(sample.length);
  });

  test("bad data: Problems naming the row and the field", () => {
    expect(codes(problems(render(t, { "1.1": "有" })))).toEqual(["data"]);
    expect(codes(problems(render(t, [{ "1.1": "有" }, { "3.1": 62, enterprise: ["x"] }, { adjustments: { "3.2": 5 } }]))).sort()).toEqual(
      ["[1].3.1", "[1].enterprise", "[2].adjustments"].sort(),
    );
    expect(problems(render(t, [{}, { "3.1": 62 }]))[0].message.zh).toMatch(/^第 2 家企业：/);
    expect(codes(problems(render(t, new Array(501).fill({}))))).toEqual(["data"]);
  });
});

describe("expert panel", () => {
  const t = sheet("shaoxing-discrete-panel");
  const rubric = rubricOf(t);
  const items = rubric.sections.flatMap((s) => s.items);
  const sample = t.sample() as { experts: { name: string; scores: Record<string, number> }[] };
  const p = plan(t, sample);

  test("parameters experts (default 5, 3–15) and margin (default 10)", () => {
    expect(t.params).toEqual([
      expect.objectContaining({ key: "experts", default: 5, min: 3, max: 15 }),
      expect.objectContaining({ key: "margin", default: 10 }),
    ]);
  });

  test("each expert's name and item scores are bound as experts/<n>/name and experts/<n>/scores/<item>, validated 0..max", () => {
    expect(p.inputs.map((i) => i.code)).toEqual(
      expect.arrayContaining(["experts/0/name", "experts/4/name", ...items.map((i) => `experts/4/scores/${i.code}`)]),
    );
    const b = p.inputs.find((i) => i.code === "experts/2/scores/3.2");
    expect(p.validations.find((v) => b && contains(v.range, b.row, b.col))).toMatchObject({ kind: "decimal", min: 0, max: 10 });
    expect(inputValue(p, "experts/1/scores/3.2")).toBe(6.7);
    expect(inputValue(p, "experts/3/name")).toBe("赵工");
  });

  test("trimmed mean, mean, median, count and deviating are results, with each scoring expert's total", () => {
    expect(p.results.map((r) => r.key).sort()).toEqual(["count", "deviating", "mean", "median", "trimmed", ...sample.experts.map((_, i) => `expert:${i}:total`)].sort());
  });

  test("results are bound only where the engine has a value: nothing but the count before anyone scores, no trimmed mean below 3 experts", () => {
    expect(plan(t).results.map((r) => r.key)).toEqual(["count"]);
    const two = plan(t, { experts: [{ scores: { "1.1": 10 } }, { name: "未评", scores: {} }, { scores: { "1.1": 0 } }] });
    expect(two.results.map((r) => r.key).sort()).toEqual(["count", "deviating", "expert:0:total", "expert:2:total", "mean", "median"]);
  });

  test("deviations from the median beyond the margin are marked by conditional formatting", () => {
    expect(p.conditionalFormats.some((cf) => /ABS\(/.test(cf.formula))).toBe(true);
  });

  test("fewer than 3 experts: the trimmed mean cell says so instead of a number", () => {
    const trimmed = p.results.find((r) => r.key === "trimmed");
    expect(cellAt(p, trimmed?.row ?? 0, trimmed?.col ?? 0)?.formula).toContain("需至少 3 位专家评分");
  });

  test("more experts than columns: the sheet grows to 15 at most", () => {
    const many = { experts: new Array(7).fill({ name: "专家", scores: { "1.1": 10 } }) };
    expect(plan(t, many).marker.params).toEqual({ experts: 7, margin: 10 });
    expect(codes(problems(render(t, { experts: new Array(16).fill({}) })))).toEqual(["experts"]);
  });

  test("bad data: Problems naming the expert and the field", () => {
    const ps = problems(
      render(t, { experts: [{ name: true, scores: { "3.2": 11, "9.9": 1, "1.1": "8%" } }, "x", { scores: [] }, { grade: 1 }], extra: 1 }),
    );
    expect(codes(ps).sort()).toEqual(
      ["experts[0].name", "experts[0].scores.3.2", "experts[0].scores.9.9", "experts[0].scores.1.1", "experts[1]", "experts[2].scores", "experts[3].grade", "extra"].sort(),
    );
    expect(codes(problems(render(t, [])))).toEqual(["data"]);
    expect(codes(problems(render(t, { experts: {} })))).toEqual(["experts"]);
  });
});
