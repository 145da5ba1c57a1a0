/**
 * Merging experts' scoring sheets into expert-panel sheets (issue 6) over real workbooks: each
 * expert's sheets written by the xlsx writer, read back by read-source, previewed, then the panel
 * sheets rendered, written and read back again.
 */
import { RUBRICS } from "../../templates/index";
import type { Rubric } from "../../templates/schema";
import { aggregatePanel } from "../../src/core/panel";
import { score } from "../../src/core/score";
import { panelPlans, previewPanelMerge, type PanelMergePreview } from "../../src/merge/panel-merge";
import { readSources, type SourceFile, type SourceResult } from "../../src/merge/read-source";
import { checkSheet } from "../../src/sheets/check-sheet";
import { colLetter } from "../../src/sheets/formula";
import { checkParams } from "../../src/sheets/params";
import type { CellValue, SheetPlan } from "../../src/sheets/plan";
import { findSheetTemplate, type SheetTemplate } from "../../src/sheets/registry";
import { shaoxingDiscreteSample as DISCRETE_SAMPLES } from "../../templates/samples/shaoxing-discrete";
import { shaoxingProcessSample as PROCESS_SAMPLES } from "../../templates/samples/shaoxing-process";
import { writeWorkbook } from "../../src/xlsx/writer";

const RUBRIC = "shaoxing-discrete";
const rubric: Rubric = RUBRICS.find((r) => r.id === RUBRIC) ?? fail(`no rubric ${RUBRIC}`);

function fail(message: string): never {
  throw new Error(message);
}

function template(id: string): SheetTemplate {
  return findSheetTemplate(id) ?? fail(`no sheet template ${id}`);
}

/** The sample's answers alone: no header fields, no adjustments. */
const BASE: Record<string, unknown> = Object.fromEntries(Object.entries(DISCRETE_SAMPLES.single).filter(([k]) => !["enterprise", "date", "expert", "adjustments"].includes(k)));

interface Expert {
  enterprise?: string;
  date?: string;
  expert?: string;
  /** Changes to the sample's answers; undefined leaves the answer blank. */
  changes?: Record<string, unknown>;
  adjustments?: Record<string, number>;
}

function answers(e: Expert): Record<string, unknown> {
  const all: Record<string, unknown> = { ...BASE, ...e.changes };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined));
}

/** What the engine gives for the same answers: the reference every merged figure is checked against. */
function engine(e: Expert) {
  const scored = score(rubric, answers(e), e.adjustments);
  if (!scored.ok) throw new Error(JSON.stringify(scored.problems));
  return scored.value;
}

/** An expert's one-enterprise scoring sheet, as `build --data` fills it. */
function scoringSheet(e: Expert): SheetPlan {
  const data = {
    ...answers(e),
    ...(e.enterprise ? { enterprise: e.enterprise } : {}),
    ...(e.date ? { date: e.date } : {}),
    ...(e.expert ? { expert: e.expert } : {}),
    ...(e.adjustments ? { adjustments: e.adjustments } : {}),
  };
  return render(RUBRIC, {}, data);
}

function render(id: string, params: Record<string, string | number>, data: unknown): SheetPlan {
  const t = template(id);
  const checked = checkParams(t.params, params);
  if (!checked.ok) throw new Error(`bad params for ${id}`);
  const plan = t.render(checked.value, data);
  if (!plan.ok) throw new Error(`${id} refuses the data: ${JSON.stringify(plan.problems)}`);
  return plan.value;
}

/** The A1 address of an input, as the plan binds it. */
function inputCell(plan: SheetPlan, code: string): string {
  const b = plan.inputs.find((x) => x.code === code) ?? fail(`no input ${code}`);
  return `${colLetter(b.col)}${b.row}`;
}

/** The plan with an input cell holding what someone typed there, as render would refuse it. */
function typed(plan: SheetPlan, code: string, value: CellValue): SheetPlan {
  const b = plan.inputs.find((x) => x.code === code) ?? fail(`no input ${code}`);
  return { ...plan, cells: plan.cells.map((c) => (c.row === b.row && c.col === b.col ? { ...c, value } : c)) };
}

async function file(name: string, plans: SheetPlan[]): Promise<SourceFile> {
  return { name, bytes: new Uint8Array((await writeWorkbook(plans)).bytes) };
}

const A = "绍兴市示例纺织机械有限公司";
const B = "诸暨市示例针织有限公司";

const ZHANG_A: Expert = { enterprise: A, date: "2024-05-20", expert: "张工", adjustments: { "3.2": 6 } };
// The same enterprise, written with a half-width and a full-width space.
const LI_A: Expert = { enterprise: "绍兴市示例纺织机械 有限公司", date: "2024-05-20", expert: "李教授", changes: { "2.1.3": "有" } };
const WANG_A: Expert = { enterprise: "绍兴市示例纺织机械　有限公司", date: "2024-05-20", expert: "王高工", changes: { "6.1": "领先水平" } };
// No MES integration, robots, security or talent, and a lower rate: far below the others.
const ZHAO_A: Expert = { enterprise: ` ${A}`, date: "2024-05-21", expert: "赵工", changes: { "3.1": "38%", "4.3": "无", "3.3.1": "无", "5.1.1": "无", "6.2": "无" } };
const ZHANG_B: Expert = { enterprise: B, date: "2024-05-22", expert: "张工", changes: { "3.1": "38%", "4.2": "无" } };
const LI_B: Expert = { enterprise: B, date: "2024-05-22", expert: "李教授", changes: { "4.2": "无" } };

/** Four experts' files for A and B, one sheet per enterprise, with what else arrives in a batch. */
async function batch(): Promise<{ sources: SourceResult[]; noName: SheetPlan; invalid: SheetPlan }> {
  const invalid = typed(scoringSheet(LI_B), "3.1", "六成");
  const noName = scoringSheet({ ...WANG_A, enterprise: undefined });
  const sources = await readSources([
    await file("张工.xlsx", [scoringSheet(ZHANG_A), scoringSheet(ZHANG_B)]),
    await file("李教授.xlsx", [scoringSheet(LI_A), invalid]),
    await file("王高工.xlsx", [scoringSheet(WANG_A), render("shaoxing-process", {}, PROCESS_SAMPLES.single), render(`${RUBRIC}-batch`, {}, DISCRETE_SAMPLES.batch), noName]),
    await file("赵工.xlsx", [scoringSheet(ZHAO_A)]),
    { name: "损坏.xlsx", bytes: Uint8Array.from({ length: 512 }, (_, i) => (i * 73 + 41) % 256) },
  ]);
  return { sources, noName, invalid };
}

const itemScores = (e: Expert) => Object.fromEntries(engine(e).items.map((i) => [i.code, i.score]));

describe("previewPanelMerge", () => {
  let preview: PanelMergePreview;
  let built: Awaited<ReturnType<typeof batch>>;
  beforeAll(async () => {
    built = await batch();
    preview = previewPanelMerge(RUBRIC, built.sources);
  });

  test("experts grouped by enterprise whatever the spaces, in order of first appearance, totals as score() gives them", () => {
    expect(preview.rubric).toBe(RUBRIC);
    expect(preview.margin).toBe(10);
    expect(preview.panels.map((p) => [p.id, p.enterprise])).toEqual([
      ["p1", A],
      ["p2", B],
    ]);
    const [a, b] = preview.panels;
    expect(a.experts.map((m) => [m.id, m.name, m.audit])).toEqual([
      ["1:1", "张工", "张工.xlsx › 表1 评分"],
      ["2:1", "李教授", "李教授.xlsx › 表1 评分"],
      ["3:1", "王高工", "王高工.xlsx › 表1 评分"],
      ["4:1", "赵工", "赵工.xlsx › 表1 评分"],
    ]);
    expect(b.experts.map((m) => m.id)).toEqual(["1:2", "2:2"]);
    const experts = [ZHANG_A, LI_A, WANG_A, ZHAO_A];
    expect(a.experts.map((m) => m.total)).toEqual(experts.map((e) => engine(e).total));
    expect(a.experts.map((m) => m.scores)).toEqual(experts.map(itemScores));
    // The expert's adjustment (D4) is the score that counts; without it, the rule's suggestion.
    expect(a.experts[0].scores["3.2"]).toBe(6);
    expect(a.experts[1].scores["3.2"]).toBe(6.7);
    expect(a.experts.every((m) => !m.invalid)).toBe(true);
  });

  test("the summary is aggregatePanel's over the valid totals; the expert beyond the margin is flagged", () => {
    const [a, b] = preview.panels;
    const totals = a.experts.map((m) => m.total);
    const reference = aggregatePanel(totals, { margin: 10, names: a.experts.map((m) => m.name ?? "") });
    if (!reference.ok) throw new Error("no reference summary");
    expect(a.summary).toEqual(reference.value);
    expect(a.summary?.trimmedMean).not.toBeNull();
    expect(a.summary?.deviating.map((d) => [d.index, d.name])).toEqual([[3, "赵工"]]);
    expect(preview.problems.filter((p) => p.kind === "deviates")).toEqual([expect.objectContaining({ severity: "warning", member: "4:1", file: "赵工.xlsx" })]);
    // B: 李教授's sheet is invalid, so only 张工 counts.
    expect(b.summary).toMatchObject({ count: 1, mean: engine(ZHANG_B).total, trimmedMean: null, deviating: [] });
  });

  test("an invalid answer names its cell and makes the member invalid; a sheet without an enterprise names its cell", () => {
    const li = preview.panels[1].experts[1];
    expect(li.invalid).toBe(true);
    const answers = preview.problems.filter((p) => p.kind === "answers");
    expect(answers).toEqual([expect.objectContaining({ severity: "error", member: "2:2", file: "李教授.xlsx", sheet: "表1 评分 (2)", cell: inputCell(built.invalid, "3.1") })]);
    expect(answers[0].cell).toMatch(/^E\d+$/);
    expect(answers[0].message.zh).toContain("六成");
    // Kept, the refused answer counts as blank.
    expect(li.total).toBe(engine({ ...LI_B, changes: { ...LI_B.changes, "3.1": undefined } }).total);

    expect(preview.problems.filter((p) => p.kind === "no-enterprise")).toEqual([
      expect.objectContaining({ severity: "error", file: "王高工.xlsx", sheet: "表1 评分 (2)", cell: "C3", message: expect.objectContaining({ zh: expect.stringContaining("企业名称") }) }),
    ]);
    expect(inputCell(built.noName, "enterprise")).toBe("C3");
  });

  test("panel warnings: differing review dates, and fewer valid experts than a trimmed mean needs", () => {
    const [a, b] = preview.panels;
    expect(a.date).toBeNull();
    expect(b.date).toBe("2024-05-22");
    const panelProblems = preview.problems.filter((p) => p.panel !== undefined).map((p) => [p.panel, p.kind, p.severity]);
    expect(panelProblems).toEqual([
      ["p1", "dates-differ", "warning"],
      ["p2", "few-experts", "warning"],
    ]);
    expect(preview.problems.find((p) => p.kind === "dates-differ")?.message.zh).toContain("2024-05-20、2024-05-21");
    expect(preview.problems.find((p) => p.kind === "few-experts")?.message.zh).toContain("至少 3 位");
  });

  test("sheets of another rubric and batch sheets are skipped with reasons; the bad file is refused", () => {
    expect(preview.skipped.map((s) => [s.file, s.template])).toEqual([
      ["王高工.xlsx", "shaoxing-process"],
      ["王高工.xlsx", `${RUBRIC}-batch`],
    ]);
    expect(preview.skipped[0].reason.zh).toContain("另一评分细则");
    expect(preview.skipped[1].reason.zh).toContain("批量评分表");
    expect(preview.refused).toEqual([{ file: "损坏.xlsx", kind: "not-xlsx", reason: expect.objectContaining({ zh: expect.stringContaining("不是 .xlsx") }) }]);
  });

  test("the margin: a wider one flags nobody; one the panel sheet would refuse is refused", () => {
    const wide = previewPanelMerge(RUBRIC, built.sources, { margin: 30 });
    expect(wide.panels[0].summary?.deviating).toEqual([]);
    expect(wide.problems.some((p) => p.kind === "deviates")).toBe(false);
    expect(() => previewPanelMerge(RUBRIC, built.sources, { margin: -1 })).toThrow(RangeError);
    expect(() => previewPanelMerge("shaoxing", built.sources)).toThrow(/unknown rubric/);
  });
});

/** A panel sheet read back: its data and what the panel template says its result cells show. */
function readBack(source: SourceResult) {
  if (!source.ok) throw new Error(`refused: ${source.reason.en}`);
  return source.sheets.map((sheet) => {
    const report = checkSheet(sheet);
    const t = template(sheet.marker.template);
    const params = checkParams(t.params, sheet.marker.params);
    if (!params.ok) throw new Error("bad params");
    const expected = t.expected(params.value, report.data);
    if (!expected.ok) throw new Error(JSON.stringify(expected.problems));
    return { name: sheet.name, template: sheet.marker.template, status: report.status, data: report.data, expected: expected.value };
  });
}

describe("panelPlans", () => {
  test("one panel sheet per enterprise; written and read back, its data and figures are the preview's", async () => {
    const { sources } = await batch();
    const preview = previewPanelMerge(RUBRIC, sources);
    const plans = panelPlans(preview);
    if (!plans.ok) throw new Error(JSON.stringify(plans.problems));
    expect(plans.value.map((p) => p.name)).toEqual([A, B]);
    const [panelFile] = await readSources([await file("专家组.xlsx", plans.value)]);
    const [a, b] = readBack(panelFile);
    expect([a.template, b.template]).toEqual([`${RUBRIC}-panel`, `${RUBRIC}-panel`]);
    expect(a.status).toBe("not-calculated");

    // The dates differ for A, so no date; names and engine item scores as each expert gave them.
    expect(a.data).toEqual({ enterprise: A, experts: [ZHANG_A, LI_A, WANG_A, ZHAO_A].map((e) => ({ name: e.expert, scores: itemScores(e) })) });
    expect(b.data).toEqual({ enterprise: B, date: "2024-05-22", experts: [{ name: "张工", scores: itemScores(ZHANG_B) }] });
    const summary = preview.panels[0].summary ?? fail("no summary");
    expect(a.expected).toMatchObject({ count: 4, mean: summary.mean, median: summary.median, trimmed: summary.trimmedMean, deviating: 1 });
    preview.panels[0].experts.forEach((m, i) => expect(a.expected[`expert:${i}:total`]).toBe(m.total));
    expect(b.expected).toMatchObject({ count: 1, mean: engine(ZHANG_B).total });
    expect(b.expected.trimmed).toBeUndefined();

    // Kept, the invalid member joins its panel, its refused answer blank.
    const kept = panelPlans(preview, new Set(["2:2"]));
    if (!kept.ok) throw new Error(JSON.stringify(kept.problems));
    const [, keptB] = readBack((await readSources([await file("专家组.xlsx", kept.value)]))[0]);
    expect(keptB.expected).toMatchObject({ count: 2, "expert:1:total": preview.panels[1].experts[1].total });
  });

  test("panel sheets are sources too: each expert column that scored is a member", async () => {
    const { sources } = await batch();
    const first = previewPanelMerge(RUBRIC, sources);
    const plans = panelPlans(first);
    if (!plans.ok) throw new Error(JSON.stringify(plans.problems));
    // Someone typed 99 for an item worth far less in expert 2's column of A's panel.
    const bad = typed(plans.value[0], "experts/1/scores/1.1", 99);
    const again = previewPanelMerge(RUBRIC, await readSources([await file("专家组.xlsx", [bad, plans.value[1]])]));
    const [a, b] = again.panels;
    expect(a.experts.map((m) => [m.id, m.name, m.total])).toEqual(first.panels[0].experts.map((m, i) => [`1:1:e${i + 1}`, m.name, expect.any(Number)]));
    expect(a.experts.map((m) => m.invalid)).toEqual([false, true, false, false]);
    expect(a.experts[0].audit).toBe(`专家组.xlsx › ${A} 专家 1`);
    expect(again.problems.filter((p) => p.kind === "answers")).toEqual([expect.objectContaining({ member: "1:1:e2", cell: inputCell(bad, "experts/1/scores/1.1") })]);
    // Expert 2's 1.1 set aside; the others are as merged the first time.
    const { "1.1": _dropped, ...rest } = first.panels[0].experts[1].scores;
    expect(_dropped).toBeGreaterThan(0);
    expect(a.experts[1].scores).toEqual(rest);
    expect([a.experts[0], a.experts[2], a.experts[3]].map((m) => m.total)).toEqual([0, 2, 3].map((i) => first.panels[0].experts[i].total));
    expect(b.experts.map((m) => m.total)).toEqual([first.panels[1].experts[0].total]);
    expect(b.date).toBe("2024-05-22");
  });

  test("the same expert twice for one enterprise: the second copy is invalid unless kept", async () => {
    const sources = await readSources([
      await file("张工.xlsx", [scoringSheet(ZHANG_A)]),
      await file("李教授.xlsx", [scoringSheet(LI_A)]),
      await file("张工-重发.xlsx", [scoringSheet({ ...ZHANG_A, expert: " 张工 " })]),
    ]);
    const preview = previewPanelMerge(RUBRIC, sources);
    const [a] = preview.panels;
    expect(a.experts.map((m) => m.invalid)).toEqual([false, false, true]);
    const repeated = preview.problems.filter((p) => p.kind === "repeated-expert");
    expect(repeated).toEqual([expect.objectContaining({ severity: "error", member: "3:1", file: "张工-重发.xlsx" })]);
    expect(repeated[0].message.zh).toContain("张工.xlsx › 表1 评分");
    expect(repeated[0].message.zh).toContain("完全相同");
    expect(a.summary?.count).toBe(2);

    const plain = panelPlans(preview);
    const kept = panelPlans(preview, new Set(["3:1"]));
    if (!plain.ok || !kept.ok) throw new Error("refused");
    const [[plainA], [keptA]] = [readBack((await readSources([await file("p.xlsx", plain.value)]))[0]), readBack((await readSources([await file("k.xlsx", kept.value)]))[0])];
    expect(plainA.expected.count).toBe(2);
    expect(keptA.expected.count).toBe(3);
  });

  test("more than 15 experts for one enterprise: an error in the preview, and panelPlans refuses naming the enterprise", async () => {
    const C = "新昌县示例轴承有限公司";
    const sheets = Array.from({ length: 16 }, (_, i) => scoringSheet({ enterprise: C, expert: `专家${i + 1}` }));
    const preview = previewPanelMerge(RUBRIC, await readSources([await file("十六位专家.xlsx", sheets)]));
    expect(preview.panels[0].experts).toHaveLength(16);
    expect(preview.problems.filter((p) => p.severity === "error")).toEqual([expect.objectContaining({ kind: "too-many-experts", panel: "p1", message: expect.objectContaining({ zh: expect.stringContaining("最多 15 位") }) })]);
    const plans = panelPlans(preview);
    expect(plans.ok).toBe(false);
    if (plans.ok) return;
    expect(plans.problems).toEqual([expect.objectContaining({ code: "p1.experts", message: expect.objectContaining({ zh: expect.stringContaining(C) }) })]);
    // Margins the panel sheet cannot hold are refused too.
    const fractional = panelPlans(preview, new Set(), { margin: 5.5 });
    expect(fractional.ok ? [] : fractional.problems.map((p) => p.code)).toEqual(["margin"]);
  });
});

describe("sheets checkSheet does not pass whole", () => {
  test("blank answers are a partial total with the first blank cell; a typed-over total is a warning; another version is skipped", async () => {
    const partial: Expert = { enterprise: A, expert: "钱工", changes: { "6.3": undefined, "6.4": undefined, "1.1": undefined } };
    const plan = scoringSheet(partial);
    const total = plan.results.find((r) => r.key === "total") ?? fail("no total");
    // The expert typed a total over the formula.
    const overwritten = { ...plan, cells: plan.cells.map((c) => (c.row === total.row && c.col === total.col ? { row: c.row, col: c.col, value: 88, style: c.style } : c)) };
    const [source] = await readSources([await file("钱工.xlsx", [overwritten, scoringSheet(LI_A)])]);
    if (!source.ok) throw new Error("refused");
    const preview = previewPanelMerge(RUBRIC, [source]);
    const [qian] = preview.panels[0].experts;
    expect(qian.total).toBe(engine(partial).total);
    expect(Object.keys(qian.scores)).not.toContain("1.1");
    expect(Object.keys(qian.scores)).toHaveLength(engine(partial).items.length - 3);
    expect(preview.problems.filter((p) => p.panel === undefined && p.sheet === qian.sheet).map((p) => [p.kind, p.severity, p.cell])).toEqual([
      ["sheet-status", "warning", `${colLetter(total.col)}${total.row}`],
      ["incomplete", "warning", inputCell(plan, "1.1")],
    ]);
    expect(preview.problems.find((p) => p.kind === "incomplete")?.message.zh).toContain("尚有 3 项未填");

    const [sheet] = source.sheets;
    const moved = { ...source, sheets: [{ ...sheet, marker: { ...sheet.marker, version: 99 } }] };
    const old = previewPanelMerge(RUBRIC, [moved]);
    expect(old.panels).toEqual([]);
    expect(old.skipped[0].reason.zh).toContain("另一版本");
    expect(old.problems).toEqual([expect.objectContaining({ kind: "sheet-status", severity: "error", file: "钱工.xlsx" })]);
  });
});
