/**
 * Issue 13 item 4: a rubric and a tier scheme nobody coded for. A fictional county's notice
 * (青禾县, tests/fixtures/templates/county-*.json, written against templates/template.schema.json)
 * goes through every surface only by the public ways in: `--templates` for the compiled command
 * line, parseTemplateText + addTemplates for the modules (the add-in's 导入模板 does the same).
 * Nothing under src/, functions/ or taskpane/ knows these ids.
 *
 * Every number below is worked out by hand from the JSON, not taken from the engine:
 * enterprise 甲 (the rubric's sample) scores 10 + 4 | 6 + 8 + 7.5 + 0 + 6 | 6 + 0 + 6 | 0 + 10 =
 * 14 + 27.5 + 12 + 10 = 63.5, with a fall in productivity (-3%, the lowest bracket reaching below
 * 0) scoring 0 and a consistency warning (ERP–MES integration without MES); enterprise 乙 (the
 * scheme's sample) meets 县级智能车间 (R&D 300 / 10000 万元 = 3%, exactly the bound) and lacks the
 * 两化融合 certification for 县级智能工厂, whose advisory condition (visits) stays a warning.
 *
 * LibreOffice recalculates the built sheets; without it the comparison says so and skips,
 * except in CI, where it fails (tests/sheets/libreoffice.test.ts).
 */
import JSZip from "jszip";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { addTemplates, findRubric, findScheme, removeTemplate, rubrics, schemes } from "../../templates/index";
import type { Rubric, Scheme } from "../../templates/schema";
import { parseTemplateText } from "../../templates/user";
import { score as engineScore } from "../../src/core/score";
import { tier as engineTier } from "../../src/core/tier";
import { findings, type ReadSheet } from "../../src/sheets/check-sheet";
import { checkParams } from "../../src/sheets/params";
import { findSheetTemplate, type SheetTemplate } from "../../src/sheets/registry";
import { extractWorkbook } from "../../src/xlsx/extract";
import { readWorkbook } from "../../src/xlsx/reader";
import { writeWorkbook } from "../../src/xlsx/writer";
import { inputHeaders, score, scoreExplain, scoreItem, tier, tierGap } from "../../functions/functions";
import { shown, thrown } from "../functions/excel";
import { differences } from "../sheets/calc/formula-cells";
import { expectEngineResults, formulaFailures, type Built } from "../sheets/engine-comparison";
import { findSsconvert, recalculateWithGnumeric } from "../sheets/gnumeric";
import { IN_CI, findSoffice, recalculate } from "../sheets/libreoffice";

jest.setTimeout(300_000);

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "assessbook.js");
const FIXTURES = join(ROOT, "tests", "fixtures", "templates");
const RUBRIC_FILE = join(FIXTURES, "county-rubric.json");
const SCHEME_FILE = join(FIXTURES, "county-scheme.json");
const RUBRIC = "qinghe-diagnosis";
const SCHEME = "qinghe-tiers";
/** Every sheet the two templates give: the rubric's three, the scheme's self-check. */
const SHEETS = [RUBRIC, `${RUBRIC}-batch`, `${RUBRIC}-panel`, SCHEME];

const soffice = findSoffice();
const NO_SOFFICE = "tests/templates/loaded-county.test.ts: LibreOffice (soffice) is not installed, so the recalculation of the county's sheets is skipped. Install libreoffice-calc to run it.";
if (!soffice && !IN_CI) console.warn(NO_SOFFICE);
const ssconvert = findSsconvert();
if (!ssconvert && !IN_CI) console.warn("tests/templates/loaded-county.test.ts: Gnumeric (ssconvert) is not installed, so its recalculation of the county's sheets is skipped (Debian package gnumeric).");

const raw = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown> & { sample: Record<string, unknown> };

/** 甲: the rubric's sample sheet without its header fields. */
const JIA = Object.fromEntries(Object.entries(raw(RUBRIC_FILE).sample.single as Record<string, unknown>).filter(([k]) => !["enterprise", "date", "expert"].includes(k)));
/** 乙: the scheme's sample answers. */
const YI = raw(SCHEME_FILE).sample;

const JIA_SECTIONS = [14, 27.5, 12, 10];
const JIA_ITEMS = { "1.1": 10, "1.2": 4, "2.1": 6, "2.2": 8, "2.3": 7.5, "2.4": 0, "2.5": 6, "3.1": 6, "3.2": 0, "3.3": 6, "4.1": 0, "4.2": 10 };

function fail(message: string): never {
  throw new Error(message);
}

/** A worksheet row in the template's input order, "" for an input not answered. */
const row = (t: { inputs: readonly { code: string }[] }, answers: Record<string, unknown>) => t.inputs.map((i) => (i.code in answers ? answers[i.code] : ""));

describe("module level: the county's JSON through parseTemplateText and addTemplates", () => {
  let rubric: Rubric;
  let scheme: Scheme;

  beforeAll(() => {
    const parsed = [RUBRIC_FILE, SCHEME_FILE].flatMap((file) => parseTemplateText(readFileSync(file, "utf8"), basename(file)));
    addTemplates(parsed);
    rubric = findRubric(RUBRIC) ?? fail(`${RUBRIC} is not in the catalogue after addTemplates`);
    scheme = findScheme(SCHEME) ?? fail(`${SCHEME} is not in the catalogue after addTemplates`);
  });

  // Other tests of this worker see the built-in catalogue only.
  afterAll(() => {
    removeTemplate(RUBRIC);
    removeTemplate(SCHEME);
  });

  test("the files parse to one rubric and one scheme citing their own document, not a seed", () => {
    expect([rubric.kind, scheme.kind]).toEqual(["rubric", "scheme"]);
    for (const t of [rubric, scheme]) {
      expect(t.document).toEqual({
        reference: "青经信〔2026〕8号（虚构示例）",
        issuer: { zh: "青禾县经济和信息化局（虚构）", en: "Qinghe County Economy and Information Technology Bureau (fictional)" },
        year: 2026,
        file: "qinghe-jxj-2026-8.pdf",
      });
      expect(t.source.doc).toBe("qinghe-jxj-2026-8.pdf");
    }
    expect(rubrics().map((r) => r.id)).toContain(RUBRIC);
    expect(schemes().map((s) => s.id)).toContain(SCHEME);
  });

  test("the engine scores 甲 as worked out by hand: a fall in productivity is in the lowest bracket", () => {
    const r = engineScore(rubric, JIA);
    if (!r.ok) fail(JSON.stringify(r.problems));
    expect(r.value.total).toBeCloseTo(63.5, 9);
    expect(r.value.sections.map((s) => s.score)).toEqual(JIA_SECTIONS);
    expect(Object.fromEntries(r.value.items.map((i) => [i.code, i.score]))).toEqual(JIA_ITEMS);
    expect(r.value.complete).toBe(true);
    expect(r.value.warnings.map((w) => w.message.zh)).toEqual(["ERP与MES集成需先建立ERP和MES"]);
    // The lowest brackets reach below 0: a rate of 0 and falls of 100% and 20% take their lowest bracket's points.
    const fallen = engineScore(rubric, { ...JIA, "2.1": 0, "4.1": -1, "4.2": "-20%" });
    if (!fallen.ok) fail(JSON.stringify(fallen.problems));
    expect(Object.fromEntries(fallen.value.items.filter((i) => ["2.1", "4.1", "4.2"].includes(i.code)).map((i) => [i.code, i.score]))).toEqual({ "2.1": 2, "4.1": 0, "4.2": 0 });
  });

  test("the engine finds 乙's tier as worked out by hand", () => {
    const r = engineTier(scheme, YI);
    if (!r.ok) fail(JSON.stringify(r.problems));
    expect(r.value.met).toBe("smart-workshop");
    expect(r.value.next?.tier).toBe("smart-factory");
    expect(r.value.next?.unmet.map((c) => c.id)).toEqual(["smart-factory.integration"]);
    expect(r.value.tiers.map((t) => [t.tier, t.met, t.warnings.map((w) => w.id)])).toEqual([
      ["digital-workshop", true, []],
      ["smart-workshop", true, []],
      ["smart-factory", false, ["smart-factory.visits"]],
    ]);
  });

  describe("ASSESS.SCORE, ASSESS.TIER and the functions that take any id", () => {
    test("SCORE gives 甲's total, and its section subtotals with detail; a blank row stays blank", () => {
      const rows = [row(rubric, JIA), row(rubric, {})];
      expect(score(RUBRIC, rows)).toEqual([[63.5], [""]]);
      expect(score(RUBRIC, [row(rubric, JIA)], true)).toEqual([JIA_SECTIONS]);
    });

    test("SCORE_ITEM reads a negative improvement into the lowest bracket; SCORE_EXPLAIN names the county's items", () => {
      expect(scoreItem(RUBRIC, "4.1", [["-3%"]])).toBe(0);
      expect(scoreItem(RUBRIC, "4.1", [["15%"]])).toBe(10);
      expect(scoreItem(RUBRIC, "2.3", [["有", "有", "有", "无", "无"]])).toBe(7.5);
      const [[text]] = scoreExplain(RUBRIC, [row(rubric, JIA)]);
      expect(text).toEqual(expect.stringContaining("63.5"));
      expect(text).toEqual(expect.stringContaining("劳动生产率提高"));
    });

    test("TIER names 乙's tier; TIER_GAP what 县级智能工厂 still lacks; INPUT_HEADERS the county's codes", () => {
      expect(tier(SCHEME, [row(scheme, YI)])).toEqual([["县级智能车间"]]);
      const [[gap]] = tierGap(SCHEME, [row(scheme, YI)]);
      expect(gap).toEqual(expect.stringContaining("两化融合管理体系通过评定"));
      expect(inputHeaders(RUBRIC)[0]).toEqual(rubric.inputs.map((i) => i.code));
      expect(inputHeaders(SCHEME)[0]).toEqual(scheme.inputs.map((i) => i.code));
    });

    test("a rubric id given to TIER is #N/A that lists the county's scheme among the schemes", () => {
      expect(shown(thrown(() => tier(RUBRIC, [row(rubric, JIA)])))).toEqual({ code: "#N/A", message: expect.stringContaining(SCHEME) });
    });
  });

  describe("the county's sheets", () => {
    let templates: SheetTemplate[];
    let built: Built[];

    beforeAll(() => {
      templates = SHEETS.map((id) => findSheetTemplate(id) ?? fail(`no sheet ${id} after addTemplates`));
      built = templates.flatMap((t) => [build(t, t.sample()), build(t, undefined)]);
    });

    test("each sheet is named from the template's sheet field and carries the template's id and version", () => {
      expect(built.filter((b) => b.data !== undefined).map((b) => [b.plan.name, b.plan.marker.template])).toEqual([
        ["青禾诊断 评分", RUBRIC],
        ["青禾诊断 批量评分", `${RUBRIC}-batch`],
        ["青禾诊断 专家组评分", `${RUBRIC}-panel`],
        ["青禾梯度企业自评", SCHEME],
      ]);
      // A scoring sheet's marker carries the rubric's version × 100 + the layout revision (docs/template-versions.md).
      expect(Math.floor(built[0].plan.marker.version / 100)).toBe(1);
      expect(built[6].plan.marker.version).toBe(1);
    });

    test("the samples in the JSON give the sheets the results worked out by hand", () => {
      const expected = (i: number) => {
        const e = templates[i].expected(built[2 * i].params, templates[i].sample());
        return e.ok ? e.value : fail(JSON.stringify(e.problems));
      };
      expect(expected(0)).toMatchObject({ total: 63.5, complete: true });
      // 食品机械 at the bounds 50% and 40%, 2.9% just below one: 87; 竹木 without its results: 12.5, incomplete;
      // 塑料 with 69.9% networking and both results negative: 63.5 − 3 − 10 = 50.5.
      expect(expected(1)).toMatchObject({
        "row:0:total": 63.5,
        "row:1:total": 87,
        "row:2:total": 12.5,
        "row:2:complete": false,
        "row:3:total": 50.5,
      });
      // 乙 rates 2.3 and 1.2 higher (+0.5, +2), 丙 gives 1.1, 2.5 and 3.3 nothing and 4.2 half.
      expect(expected(2)).toMatchObject({ "expert:0:total": 63.5, "expert:1:total": 66, "expert:2:total": 36.5 });
    });

    (soffice ? test : test.skip)("LibreOffice recalculates every county sheet (sample and blank) to what the engine computes and to the cached values written; extract agrees", async () => {
      const written = await writeWorkbook(built.map((b) => b.plan));
      const recalculated = await recalculate(soffice as string, written.bytes);
      const sheets = await readWorkbook(recalculated);
      const sheetOf = (i: number) => sheets.find((s) => s.name === written.sheetNames[i]) ?? fail(`no sheet ${written.sheetNames[i]} after LibreOffice`);
      built.forEach((b, i) => {
        expect({ sheet: written.sheetNames[i], failures: formulaFailures(b.plan, sheetOf(i) as ReadSheet) }).toEqual({ sheet: written.sheetNames[i], failures: [] });
        expectEngineResults(b, sheetOf(i) as ReadSheet);
      });
      // What a viewer that does not calculate shows (Protected View, previews) is what LibreOffice computes.
      expect(await differences(written.bytes, recalculated)).toEqual([]);
      const reports = await extractWorkbook(recalculated);
      expect(reports.map((r) => [r.template, r.status])).toEqual(built.map((b) => [b.template.id, "checked"]));
      expect(reports.flatMap((r) => findings(r).map((f) => ({ in: r.sheet, ...f })))).toEqual([]);
    });

    if (!soffice && IN_CI) {
      test("LibreOffice is installed (CI never skips the real-engine comparison)", () => {
        throw new Error("soffice is not on PATH: .ci/run installs libreoffice-calc-nogui; the comparison must run in CI");
      });
    }
    if (!ssconvert && IN_CI) {
      test("Gnumeric is installed (CI never skips the real-engine comparison)", () => {
        throw new Error("ssconvert is not on PATH: .ci/run installs gnumeric; the comparison must run in CI");
      });
    }
  });
});

describe("after removeTemplate the county is gone again", () => {
  test("no rubric, scheme, sheet or function answers to its ids", () => {
    expect(findRubric(RUBRIC)).toBeUndefined();
    expect(findScheme(SCHEME)).toBeUndefined();
    expect(SHEETS.map((id) => findSheetTemplate(id))).toEqual(SHEETS.map(() => undefined));
    expect(shown(thrown(() => score(RUBRIC, [["有"]])))).toMatchObject({ code: "#N/A" });
  });
});

function build(template: SheetTemplate, data: unknown): Built {
  const params = checkParams(template.params, {});
  if (!params.ok) fail(`${template.id}: default parameters refused: ${JSON.stringify(params.problems)}`);
  const plan = template.render(params.value, data);
  if (!plan.ok) fail(`${template.id}: data refused: ${JSON.stringify(plan.problems)}`);
  return { template, params: params.value, data, plan: plan.value };
}

// ---- the compiled command line, with --templates ----

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", timeout: 240_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const json = (r: Run) => {
  try {
    return JSON.parse(r.stdout);
  } catch {
    return fail(`not JSON (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
};

/**
 * A copy of the workbook without its custom XML parts (the templates it carries), as a sheet
 * copied into another workbook would be; the number of parts removed.
 */
async function withoutTemplateParts(from: string, to: string): Promise<number> {
  const zip = await JSZip.loadAsync(readFileSync(from));
  const parts = Object.keys(zip.files).filter((name) => name.startsWith("customXml/"));
  for (const name of parts) zip.remove(name);
  writeFileSync(to, await zip.generateAsync({ type: "nodebuffer" }));
  return parts.length;
}

function confirmCode(out: string): string {
  return /--confirm ([0-9a-f]{10})\b/.exec(out)?.[1] ?? fail(`no --confirm code in:\n${out}`);
}

describe("the compiled command line with --templates", () => {
  let dir: string;
  /** A directory holding the two county files and nothing else: --templates <dir>. */
  let county: string;
  const at = (name: string) => join(dir, name);

  beforeAll(() => {
    if (!existsSync(join(ROOT, "build", "src", "cli", "main.js")) || !existsSync(join(ROOT, "build", "templates", "catalogue.json"))) {
      execFileSync("npm", ["run", "build:cli"], { cwd: ROOT, stdio: "ignore" });
    }
    dir = mkdtempSync(join(tmpdir(), "assessbook-county-"));
    county = at("county");
    mkdirSync(county);
    for (const file of [RUBRIC_FILE, SCHEME_FILE]) copyFileSync(file, join(county, basename(file)));
    writeFileSync(at("jia.json"), JSON.stringify(JIA));
    writeFileSync(at("yi.json"), JSON.stringify(YI));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("without --templates the county's ids are unknown, the ids there are listed", () => {
    const r = cli(["score", RUBRIC, at("jia.json")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`未知评分表 / unknown rubric: ${RUBRIC}（可用 / available: shaoxing-discrete, shaoxing-process）`);
    expect(cli(["tier", SCHEME, at("yi.json")]).stderr).toContain(`未知认定方案 / unknown scheme: ${SCHEME}`);
  });

  test("score --templates <file>: 甲's total, sections, the fall scored 0 and the consistency warning", () => {
    const r = cli(["score", RUBRIC, at("jia.json"), "--templates", RUBRIC_FILE, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = json(r);
    expect(out).toMatchObject({ rubric: RUBRIC, total: 63.5, max: 100, complete: true });
    expect(out.sections.map((s: { score: number }) => s.score)).toEqual(JIA_SECTIONS);
    expect(Object.fromEntries(out.items.map((i: { code: string; score: number }) => [i.code, i.score]))).toEqual(JIA_ITEMS);
    expect(out.warnings.map((w: { message: string }) => w.message)).toEqual(["ERP与MES集成需先建立ERP和MES"]);
    const text = cli(["score", RUBRIC, at("jia.json"), "--templates", RUBRIC_FILE]);
    expect(text.stdout).toContain("青禾县智能制造诊断评分表（虚构示例）");
    expect(text.stdout).toContain("总分：63.5 / 100");
  });

  test("tier --templates <dir>: 乙 meets 县级智能车间 and lacks the certification for 县级智能工厂", () => {
    const r = cli(["tier", SCHEME, at("yi.json"), "--templates", county, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = json(r);
    expect(out).toMatchObject({ scheme: SCHEME, met: "smart-workshop", metNames: ["县级智能车间"], complete: true });
    expect(out.next).toMatchObject({ tier: "smart-factory", name: "县级智能工厂" });
    expect(out.next.unmet.map((c: { id: string }) => c.id)).toEqual(["smart-factory.integration"]);
    const text = cli(["tier", SCHEME, at("yi.json"), "--templates", county]);
    expect(text.stdout).toContain("结果：达到「县级智能车间」");
    expect(text.stdout).toContain("两化融合管理体系通过评定");
  });

  test("list --templates shows the county's rubric, scheme and four sheets", () => {
    const r = cli(["list", "--templates", county]);
    expect(r.status).toBe(0);
    for (const id of SHEETS) expect(r.stdout).toContain(id);
    expect(r.stdout).toContain("青经信〔2026〕8号（虚构示例）");
  });

  describe("build, extract and merge", () => {
    let workbook: string;

    beforeAll(() => {
      const rubricSample = raw(RUBRIC_FILE).sample;
      writeFileSync(at("data.json"), JSON.stringify({ [RUBRIC]: rubricSample.single, [`${RUBRIC}-batch`]: rubricSample.batch, [`${RUBRIC}-panel`]: rubricSample.panel, [SCHEME]: YI }));
      workbook = at("county.xlsx");
      const r = cli(["build", ...SHEETS, "--data", at("data.json"), "-o", workbook, "--templates", county, "--json"]);
      if (r.status !== 0) fail(`build failed (exit ${r.status}): ${r.stderr}`);
    });

    test("build writes the four sheets, named from the template, each marked with its template", async () => {
      const sheets = await readWorkbook(readFileSync(workbook));
      expect(sheets.map((s) => [s.name, s.marker?.template])).toEqual([
        ["青禾诊断 评分", RUBRIC],
        ["青禾诊断 批量评分", `${RUBRIC}-batch`],
        ["青禾诊断 专家组评分", `${RUBRIC}-panel`],
        ["青禾梯度企业自评", SCHEME],
      ]);
    });

    test("build --all --templates includes the county's sheets, filled with their samples", () => {
      const r = cli(["build", "--all", "-o", at("all.xlsx"), "--templates", county, "--json"]);
      expect(r.status).toBe(0);
      expect(json(r).sheets.map((s: { template: string }) => s.template)).toEqual(expect.arrayContaining(SHEETS));
    });

    test("extract --templates reads 甲's answers back; the workbook itself carries the templates, so extract finds them without --templates", () => {
      const withFile = cli(["extract", workbook, "--templates", county, "--json"]);
      expect(withFile.status).toBe(0);
      const sheets = json(withFile).sheets as { template: string; status: string; inputs: Record<string, unknown> }[];
      expect(sheets.map((s) => s.template)).toEqual(SHEETS);
      // Not recalculated by a spreadsheet yet: the answers are read, the results not yet checkable.
      expect(sheets.map((s) => s.status)).toEqual(SHEETS.map(() => "not-calculated"));
      expect(sheets[0].inputs["4.1"]).toBe(-0.03);
      const alone = cli(["extract", workbook, "--json"]);
      expect(alone.stderr).toBe("");
      expect(alone.status).toBe(0);
      expect(json(alone).sheets.map((s: { template: string; status: string }) => [s.template, s.status])).toEqual(SHEETS.map((id) => [id, "not-calculated"]));
    });

    test("a workbook that does not carry the templates (its custom XML parts removed) names each missing template and how to load it", async () => {
      const stripped = at("county-stripped.xlsx");
      expect(await withoutTemplateParts(workbook, stripped)).toBeGreaterThan(0);
      const r = cli(["extract", stripped]);
      expect(r.status).toBe(0);
      for (const id of [RUBRIC, SCHEME]) expect(r.stdout).toContain(`本表由模板 ${id} 第 1 版生成，该模板未加载，工作簿中也没有携带：请用 --templates <文件> 加载`);
      expect(json(cli(["extract", stripped, "--json"])).sheets.map((s: { status: string }) => s.status)).toEqual(SHEETS.map(() => "unknown-template"));
      // --templates supplies what the workbook lacks.
      expect(json(cli(["extract", stripped, "--templates", county, "--json"])).sheets.map((s: { status: string }) => s.status)).toEqual(SHEETS.map(() => "not-calculated"));
    });

    test("a sheet of version 1 read with version 2 of the rubric loaded is refused by name, never read from cells that may have moved", async () => {
      const v2 = at("v2");
      mkdirSync(v2);
      writeFileSync(join(v2, "county-rubric.json"), JSON.stringify({ ...raw(RUBRIC_FILE), version: 2 }));
      const single = at("single-v1.xlsx");
      expect(cli(["build", RUBRIC, "-o", single, "--templates", RUBRIC_FILE]).status).toBe(0);
      // The workbook carries version 1: loading version 2 beside it is refused, naming both.
      const carried = cli(["extract", single, "--templates", v2]);
      expect(carried.status).toBe(1);
      expect(carried.stderr).toContain(`工作簿携带模板 ${RUBRIC} 第 1 版，而已加载的是第 2 版`);
      // A copy that carries no template: the sheet is reported as built from another version.
      expect(await withoutTemplateParts(single, at("single-v1-bare.xlsx"))).toBeGreaterThan(0);
      const bare = cli(["extract", at("single-v1-bare.xlsx"), "--templates", v2, "--json"]);
      expect(bare.status).toBe(0);
      expect(json(bare).sheets.map((s: { template: string; status: string }) => [s.template, s.status])).toEqual([[RUBRIC, "other-version"]]);
    });

    (soffice ? test : test.skip)("after LibreOffice recalculates the built workbook, extract --templates checks every result against the engine", async () => {
      const recalculated = at("county-recalculated.xlsx");
      writeFileSync(recalculated, await recalculate(soffice as string, readFileSync(workbook)));
      const r = cli(["extract", recalculated, "--templates", county, "--json"]);
      expect(r.status).toBe(0);
      const sheets = json(r).sheets as { template: string; status: string; findings: number; checks: unknown[]; data: unknown }[];
      expect(sheets.map((s) => [s.template, s.status, s.findings])).toEqual(SHEETS.map((id) => [id, "checked", 0]));
      expect(sheets.every((s) => s.checks.length > 0)).toBe(true);
      // LibreOffice keeps the custom XML parts when it saves: the workbook still carries the county's templates.
      const alone = cli(["extract", recalculated, "--json"]);
      expect(alone.stderr).toBe("");
      expect(json(alone).sheets.map((s: { template: string; status: string; findings: number }) => [s.template, s.status, s.findings])).toEqual(SHEETS.map((id) => [id, "checked", 0]));
      // What extract read from the single sheet is what score takes: 甲 again, 63.5.
      writeFileSync(at("extracted.json"), JSON.stringify(sheets[0].data));
      const again = cli(["score", RUBRIC, at("extracted.json"), "--templates", county, "--json"]);
      expect(again.stderr).toBe("");
      expect(json(again)).toMatchObject({ total: 63.5, enterprise: "青禾县示例精密机械有限公司" });
    });

    (ssconvert ? test : test.skip)("after Gnumeric recalculates it too, extract --templates checks every result against the engine", async () => {
      const recalculated = at("county-gnumeric.xlsx");
      writeFileSync(recalculated, await recalculateWithGnumeric(ssconvert as string, readFileSync(workbook)));
      // Gnumeric does not keep the custom XML parts it does not know: the county's file supplies the templates.
      const r = cli(["extract", recalculated, "--templates", county, "--json"]);
      expect(r.status).toBe(0);
      expect(json(r).sheets.map((s: { template: string; status: string; findings: number }) => [s.template, s.status, s.findings])).toEqual(SHEETS.map((id) => [id, "checked", 0]));
    });

    describe("merge of the experts' scoring sheets into a panel", () => {
      let files: string[];

      beforeAll(() => {
        const sample = raw(RUBRIC_FILE).sample.single as Record<string, unknown>;
        const experts: [string, Record<string, unknown>][] = [
          ["示例专家甲", {}],
          ["示例专家乙", { "3.2": "有" }],
          ["示例专家丙", { "1.1": "无", "2.5": "50%", "3.3": "无", "4.2": "5%" }],
        ];
        files = experts.map(([name, changes], i) => {
          const file = at(`expert-${i + 1}.xlsx`);
          writeFileSync(at(`expert-${i + 1}.json`), JSON.stringify({ ...sample, ...changes, expert: name }));
          const r = cli(["build", RUBRIC, "--data", at(`expert-${i + 1}.json`), "-o", file, "--templates", RUBRIC_FILE]);
          if (r.status !== 0) fail(`build for ${name} failed: ${r.stderr}`);
          return file;
        });
      });

      test("merge --template <county>-panel --templates: the preview, then one panel sheet that carries the rubric", async () => {
        const out = at("panel.xlsx");
        const args = ["merge", "--template", `${RUBRIC}-panel`, ...files, "-o", out, "--templates", county];
        const preview = cli(args);
        expect(preview.stderr).toBe("");
        expect(preview.status).toBe(3);
        expect(existsSync(out)).toBe(false);
        expect(preview.stdout).toMatch(/^p1 青禾县示例精密机械有限公司：平均 /m);
        const written = cli([...args, "--confirm", confirmCode(preview.stdout)]);
        expect(written.status).toBe(0);
        const sheets = await readWorkbook(readFileSync(out));
        expect(sheets.map((s) => [s.name, s.marker?.template])).toEqual([["青禾县示例精密机械有限公司", `${RUBRIC}-panel`]]);
        // The panel workbook carries the rubric in its turn: extract reads it without --templates.
        const panelRead = json(cli(["extract", out, "--json"])).sheets as { template: string; status: string; data: { experts: { name: string }[] } }[];
        expect(panelRead.map((s) => [s.template, s.status])).toEqual([[`${RUBRIC}-panel`, "not-calculated"]]);
        expect(panelRead[0].data.experts.map((e) => e.name)).toEqual(["示例专家甲", "示例专家乙", "示例专家丙"]);
      });

      test("each expert's total is the one worked out by hand", () => {
        // 甲 63.5; 乙 also has MES, 63.5 + 8 = 71.5; 丙 loses 1.1, 2.5, 3.3 and half of 4.2: 63.5 − 10 − 6 − 6 − 5 = 36.5.
        const panel = cli(["merge", "--template", `${RUBRIC}-panel`, ...files, "-o", at("panel-2.xlsx"), "--templates", county, "--json"]);
        expect(json(panel).panels.map((p: { experts: { name: string; total: number }[] }) => p.experts.map((e) => [e.name, e.total]))).toEqual([
          [
            ["示例专家甲", 63.5],
            ["示例专家乙", 71.5],
            ["示例专家丙", 36.5],
          ],
        ]);
      });

      test("without --templates merge finds the rubric in the experts' workbooks, as extract does", () => {
        const r = cli(["merge", "--template", `${RUBRIC}-panel`, ...files, "-o", at("panel-3.xlsx"), "--json"]);
        expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 3, stderr: "" });
        expect(json(r).panels.map((p: { experts: { total: number }[] }) => p.experts.map((e) => e.total))).toEqual([[63.5, 71.5, 36.5]]);
      });
    });
  });
});
