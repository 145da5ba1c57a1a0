/**
 * Issue 15, item 6: invisible characters do not make a second enterprise, project or expert.
 * Names are compared by identityKey (NFKC, default-ignorable code points and spaces removed);
 * the preview says when names matched only so; a credit code with a zero-width space is
 * reported as such and still finds its twin.
 */
import { identityKey, showInvisible } from "../../src/core/identity";
import { checkUscc } from "../../src/core/validators";
import { previewPanelMerge } from "../../src/merge/panel-merge";
import { previewMerge } from "../../src/merge/preview";
import { readSources } from "../../src/merge/read-source";
import { checkParams } from "../../src/sheets/params";
import type { SheetPlan } from "../../src/sheets/plan";
import { findSheetTemplate } from "../../src/sheets/registry";
import { shaoxingDiscreteSample as DISCRETE_SAMPLES } from "../../templates/samples/shaoxing-discrete";
import { writeWorkbook } from "../../src/xlsx/writer";
import { FORM, formPlan, ROW_A, ROW_B, summaryPlan } from "../merge/submissions";

jest.setTimeout(120_000);

/** The invisible characters the attack used, and more of Unicode's default-ignorable ones. */
const INVISIBLE = ["\u200B", "\u200C", "\u200D", "\u2060", "\u00AD", "\uFE0F", "\u034F", "\u3164", "\uFEFF", "\u115F", "\u1160", "\uFFA0", "\u180B", "\u180E", "\u200E", "\u202E", "\u{E0001}", "\u{E0100}"];

describe("identityKey", () => {
  test.each(INVISIBLE.map((c) => [showInvisible(c), c]))("%s inside a name does not make another name", (_shown, c) => {
    expect(identityKey(`王${c}工`)).toBe(identityKey("王工"));
    expect(identityKey(`山西晋阳液压装备有限公司${c}`)).toBe(identityKey("山西晋阳液压装备有限公司"));
  });

  test("full-width forms and every kind of space fold; traditional and simplified characters stay apart", () => {
    expect(identityKey("山西（晋阳）液压　有限公司")).toBe(identityKey("山西(晋阳)液压 有限公司"));
    expect(identityKey("ＡＢＣ\u00A0公司")).toBe("ABC公司");
    expect(identityKey("廣州機械有限公司")).not.toBe(identityKey("广州机械有限公司"));
    expect(identityKey("\u200B \u3164")).toBe("");
  });

  test("a credit code with a zero-width space is reported as holding an invisible character", () => {
    const check = checkUscc("91140400MA0K3L7X\u200B27");
    expect(check.valid).toBe(false);
    expect(check.reason?.zh).toContain("不可见字符 U+200B（第 17 个字符）");
  });
});

async function sources(files: [string, SheetPlan[]][]) {
  return readSources(await Promise.all(files.map(async ([name, plans]) => ({ name, bytes: new Uint8Array((await writeWorkbook(plans)).bytes) }))));
}

describe("merge preview", () => {
  test("a name with invisible characters is the same enterprise: a duplicate, and 第十三条 for another project, its spellings shown", async () => {
    const hidden = `${ROW_A.enterprise.slice(0, 2)}\u200B${ROW_A.enterprise.slice(2)}\u00AD`;
    const read = await sources([
      ["甲区.xlsx", [summaryPlan([ROW_A, ROW_B])]],
      ["乙区.xlsx", [summaryPlan([{ ...ROW_A, enterprise: hidden, "pilot-name": "另一个试点示范" }])]],
    ]);
    const preview = previewMerge({ template: "shanxi-2018-summary", recommender: "reform-zone" }, read);
    expect(preview.duplicates).toEqual([expect.objectContaining({ by: ["name"], enterprise: ROW_A.enterprise, variants: [ROW_A.enterprise, showInvisible(hidden)] })]);
    expect(preview.duplicates[0].variants[1]).toContain("\\u200B");
    expect(preview.duplicates[0].members.map((m) => m.rowId)).toEqual(["1:1:1", "2:1:1"]);
    expect(preview.onePerYear).toEqual([expect.objectContaining({ enterprise: ROW_A.enterprise, projects: [ROW_A["pilot-name"], "另一个试点示范"] })]);
  });

  test("names equal as written list no spellings", async () => {
    const read = await sources([
      ["甲区.xlsx", [summaryPlan([ROW_A])]],
      ["乙区.xlsx", [summaryPlan([ROW_A])]],
    ]);
    const preview = previewMerge({ template: "shanxi-2018-summary", recommender: "reform-zone" }, read);
    expect(preview.duplicates).toEqual([expect.objectContaining({ variants: [] })]);
  });

  test("a form's credit code with a zero-width space is checked, reported as invisible, and matched with the same code", async () => {
    const code = FORM["org-code"];
    const read = await sources([
      ["长治.xlsx", [formPlan(FORM)]],
      ["长治二.xlsx", [formPlan({ ...FORM, "enterprise-name": "长治轴承（另一写法）", "org-code": `${code.slice(0, 9)}\u200B${code.slice(9)}` })]],
    ]);
    const preview = previewMerge({ template: "shanxi-2018-summary", recommender: "reform-zone" }, read);
    expect(preview.problems).toEqual([expect.objectContaining({ kind: "uscc", rowId: "2:1:form", severity: "error" })]);
    expect(preview.problems[0].message.zh).toContain("不可见字符 U+200B");
    expect(preview.duplicates).toEqual([expect.objectContaining({ by: ["uscc"], members: [expect.objectContaining({ rowId: "1:1:form" }), expect.objectContaining({ rowId: "2:1:form" })] })]);
  });
});

describe("expert panels", () => {
  function scoringSheet(enterprise: string, expert: string, change: Record<string, unknown> = {}): SheetPlan {
    const t = findSheetTemplate("shaoxing-discrete");
    const params = t && checkParams(t.params, {});
    if (!t || !params?.ok) throw new Error("no template");
    const plan = t.render(params.value, { ...DISCRETE_SAMPLES.single, enterprise, expert, ...change });
    if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
    return plan.value;
  }

  test("王工 and 王工 with a zero-width space are one expert: the second is invalid and does not unlock the trimmed mean", async () => {
    const firm = "绍兴市示例纺织机械有限公司";
    const read = await sources([
      ["王工.xlsx", [scoringSheet(firm, "王工")]],
      ["李工.xlsx", [scoringSheet(firm, "李工", { "1.1": "无" })]],
      ["王工2.xlsx", [scoringSheet(`${firm}\u2060`, "王工\u200B", { "4.1": "无" })]],
    ]);
    const preview = previewPanelMerge("shaoxing-discrete", read);
    expect(preview.panels).toHaveLength(1);
    const [panel] = preview.panels;
    expect(panel.variants).toEqual([firm, `${firm}\\u2060`]);
    expect(panel.experts.map((m) => [m.name, m.invalid])).toEqual([
      ["王工", false],
      ["李工", false],
      ["王工\u200B", true],
    ]);
    const repeated = preview.problems.find((p) => p.kind === "repeated-expert");
    expect(repeated?.message.zh).toContain("王工\\u200B");
    expect(panel.summary?.trimmedMean).toBeNull();
  });
});
