/**
 * Merging several experts' scoring sheets for the same enterprise into its expert-panel sheet
 * (issue 6): the preview of each enterprise's panel, before anything is written, then the panel
 * sheets themselves.
 *
 * - Sources: one-enterprise scoring sheets of the rubric (one expert each, named by its 评审专家
 *   field) and panel sheets of the rubric (each expert column that scores anything is one expert).
 *   Batch sheets name no expert and are skipped, as is every other sheet, with a reason; a
 *   refused file keeps its reason.
 * - An expert's item scores are the engine's: score() over the answers and adjustments (D4) read
 *   from the sheet, never the numbers the sheet shows, which no spreadsheet may have calculated
 *   or someone may have typed over (checkSheet's findings, carried as warnings). Items nothing
 *   was answered or adjusted for are left out, so the panel sheet shows them as not yet scored;
 *   they count 0 either way (G3), so the total is score()'s.
 * - Experts are grouped by enterprise name as identityKey compares names (src/core/identity.ts:
 *   NFKC, no invisible characters, no spaces), in order of first appearance; a panel whose
 *   sheets spell its name differing only by invisible characters lists the spellings. A sheet
 *   without an enterprise name (or one of invisible characters only) is an error naming the cell.
 * - A name or date a workbook cannot hold (a control character decoded from `_x001B_`, more than
 *   32,767 characters) makes the member invalid, the cell named; kept, it is written without the
 *   control characters. An input cell holding a formula is a warning naming the cell.
 * - A member is invalid — left out of its panel unless the user keeps it — when the engine
 *   refuses some answer (each an error naming its cell; a kept member counts those answers as
 *   blank) or when an expert of the same name already scored the enterprise (a sheet sent twice,
 *   or two experts who share a name: the user decides).
 * - Per panel, over the members not invalid: aggregatePanel's summary (mean, median, trimmed
 *   mean, experts beyond the margin from the median, each also a warning); more than
 *   MAX_EXPERTS is an error, fewer than 3 (no trimmed mean) and differing review dates warnings.
 *
 * Pure: nothing is read or written here; the sources are not modified.
 */
import { findRubric, rubricSheetIds, rubrics } from "../../templates/index";
import type { Rubric, Text } from "../../templates/schema";
import { round } from "../core/answers";
import { aggregatePanel, type PanelSummary } from "../core/panel";
import { fail, ok, problem, type Problem, type Result } from "../core/problems";
import { score, splitAdjustments, type ScoreResult } from "../core/score";
import { checkSheet, findings, inputFor, type SheetProblem, type SheetStatus } from "../sheets/check-sheet";
import { dataFromInputs } from "../sheets/evaluate";
import { colLetter } from "../sheets/formula";
import { checkParams } from "../sheets/params";
import type { SheetPlan } from "../sheets/plan";
import { findSheetTemplate, type Params, type SheetTemplate } from "../sheets/registry";
import { MAX_EXPERTS, readPanel } from "../sheets/scoring/panel-data";
import { HEADER_FIELDS, readHeaderText } from "../sheets/scoring/sheet-data";
import { itemInputs } from "../sheets/scoring/sheet-layout";
import { cleanSheetName } from "../xlsx/sheet-names";
import { identityKey, invisibleVariants } from "../core/identity";
import { cellTextProblem, withoutForbidden } from "../xlsx/cell-text";
import type { RefusedFile, SkippedSheet } from "./preview";
import type { MarkedSheet, SourceResult } from "./read-source";

/** The panel sheet's default deviation margin (src/core/panel.ts and the panel template agree). */
const DEFAULT_MARGIN = 10;
/** The trimmed mean drops one highest and one lowest total, so it needs 3 experts. */
const TRIMMED_MIN = 3;

export type PanelProblemKind =
  /** The sheet cannot be read (another version, edited marker), or shows other results than its answers give. */
  | "sheet-status"
  /** An answer the engine refuses: the member is invalid. */
  | "answers"
  /** Answers or item scores left blank: the total is a partial total. */
  | "incomplete"
  | "no-enterprise"
  /** The same expert name twice for one enterprise: the later member is invalid. */
  | "repeated-expert"
  /** A name or date a workbook cannot hold (cell-text.ts): the member is invalid. */
  | "text"
  /** An input cell holding a formula, read by its last result. */
  | "formula"
  | "too-many-experts"
  /** Fewer than 3 experts (no trimmed mean), or none valid at all. */
  | "few-experts"
  | "dates-differ"
  /** An expert's total beyond the margin from the panel's median. */
  | "deviates";

export interface PanelProblem {
  kind: PanelProblemKind;
  severity: "error" | "warning";
  /** The panel it is about (PanelGroup.id), for problems about a whole panel. */
  panel?: string;
  /** The member it is about (PanelMember.id); its panel is the one holding it. */
  member?: string;
  file: string;
  sheet: string;
  /** A1 address, when the problem is about one cell. */
  cell?: string;
  message: Text;
}

export interface PanelMember {
  /** "<file>:<sheet>" for a scoring sheet, "<file>:<sheet>:e<column>" for a panel sheet's expert; 1-based positions. */
  id: string;
  /** The expert's name as written, or null. */
  name: string | null;
  file: string;
  sheet: string;
  /** Where it came from, e.g. "王工.xlsx › 表1 评分" or "甲组.xlsx › 表1 专家组评分 专家 2". */
  audit: string;
  /** Item code → the score that counts (after the expert's adjustments), for the items scored. */
  scores: Record<string, number>;
  total: number;
  /** The review date as written, or null. */
  date: string | null;
  /** Has an error-level problem: left out of the panel unless kept. */
  invalid: boolean;
}

export interface PanelGroup {
  /** "p1", "p2" … in order of first appearance. */
  id: string;
  /** The enterprise as its first sheet writes it. */
  enterprise: string;
  /** The spellings of the enterprise's name when its sheets write it differing only by invisible characters, those as escapes (invisibleVariants). */
  variants: string[];
  /** The review date the valid members agree on, or null (none given, or they differ: a warning). */
  date: string | null;
  /** In source order. */
  experts: PanelMember[];
  /** aggregatePanel over the valid members' totals; deviating[].index indexes `experts`. Null when no member is valid. */
  summary: PanelSummary | null;
}

export interface PanelMergePreview {
  rubric: string;
  /** The deviation margin the summaries use, and panelPlans' default. */
  margin: number;
  panels: PanelGroup[];
  problems: PanelProblem[];
  skipped: SkippedSheet[];
  refused: RefusedFile[];
}

export function previewPanelMerge(rubricId: string, sources: readonly SourceResult[], options: { margin?: number } = {}): PanelMergePreview {
  const rubric = findRubric(rubricId);
  if (!rubric) throw new RangeError(`unknown rubric "${rubricId}"; one of ${rubrics().map((r) => r.id).join(", ")}`);
  const margin = panelParams(rubric.id, options.margin ?? DEFAULT_MARGIN);
  if (!margin.ok) throw new RangeError(margin.problems.map((p) => p.message.en).join("; "));
  const out = new Collector(rubric);
  sources.forEach((source, fileIndex) => {
    if (!source.ok) {
      out.refused.push({ file: source.name, kind: source.kind, reason: source.reason });
      return;
    }
    source.sheets.forEach((sheet, sheetIndex) => out.sheet(source.name, sheet, `${fileIndex + 1}:${sheetIndex + 1}`));
  });
  const panels = [...out.groups.values()].map((g, i) => out.finish(`p${i + 1}`, g, Number(margin.value.margin)));
  return { rubric: rubric.id, margin: Number(margin.value.margin), panels, problems: out.problems, skipped: out.skipped, refused: out.refused };
}

/**
 * One panel sheet per enterprise, in the preview's order, holding its valid members and the
 * invalid ones whose id is in `keep`; an enterprise left with no member gets no sheet. Each sheet
 * is named after its enterprise (writers make names unique). Fails with Problems naming the
 * enterprise (code "<panel id>.<field>"), e.g. more than MAX_EXPERTS experts, or with the margin's.
 */
export function panelPlans(preview: PanelMergePreview, keep: ReadonlySet<string> = new Set(), options: { margin?: number } = {}): Result<SheetPlan[]> {
  const params = panelParams(preview.rubric, options.margin ?? preview.margin);
  if (!params.ok) return fail(params.problems);
  const template = sheetTemplate(rubricSheetIds(preview.rubric).panel);
  const plans: SheetPlan[] = [];
  const problems: Problem[] = [];
  for (const panel of preview.panels) {
    const experts = panel.experts.filter((m) => !m.invalid || keep.has(m.id));
    if (experts.length === 0) continue;
    // The panel data refuses more than MAX_EXPERTS experts itself: its Problem, told which enterprise.
    const rendered = template.render(params.value, panelData(panel.enterprise, experts));
    if (rendered.ok) plans.push({ ...rendered.value, name: cleanSheetName(withoutForbidden(panel.enterprise)) });
    else problems.push(...rendered.problems.map((p) => problem(`${panel.id}.${p.code}`, `${panel.enterprise}：${p.message.zh}`, `${panel.enterprise}: ${p.message.en}`)));
  }
  return problems.length > 0 ? fail(problems) : ok(plans);
}

/**
 * The panel sheet's data for these members: the date only where they agree on one. Control
 * characters a workbook cannot hold are removed: a member holding one was kept on the user's word.
 */
function panelData(enterprise: string, experts: readonly PanelMember[]): unknown {
  const dates = distinctDates(experts);
  return {
    enterprise: withoutForbidden(enterprise),
    ...(dates.length === 1 ? { date: withoutForbidden(dates[0]) } : {}),
    experts: experts.map((m) => ({ ...(m.name === null ? {} : { name: withoutForbidden(m.name) }), scores: m.scores })),
  };
}

/** The panel template's parameters with this margin (checked as `build --param margin=` is); experts at its default. */
function panelParams(rubric: string, margin: number): Result<Params> {
  return checkParams(sheetTemplate(rubricSheetIds(rubric).panel).params, { margin });
}

function sheetTemplate(id: string): SheetTemplate {
  const template = findSheetTemplate(id);
  if (!template) throw new Error(`no sheet template ${id}`);
  return template;
}

/** The review dates written, each once (ignoring surrounding spaces), in member order. */
function distinctDates(experts: readonly PanelMember[]): string[] {
  const seen = new Map<string, string>();
  for (const m of experts) if (m.date !== null && !seen.has(m.date.trim())) seen.set(m.date.trim(), m.date);
  return [...seen.values()];
}

const INVALID_PARAMS: Text = { zh: "表的参数无效（标记被修改？），未读取", en: "the sheet's parameters are invalid (marker edited?), not read" };

/** Why checkSheet's verdict stops a sheet of this rubric from being read (the others cannot occur for a known template). */
const STATUS_WORDS: Partial<Record<SheetStatus, Text>> = {
  "other-version": { zh: "由另一版本的 Assessbook 生成，单元格位置可能不同，未读取", en: "built by another version of Assessbook; cells may have moved, not read" },
  "invalid-params": INVALID_PARAMS,
};

const NOTHING_SCORED: Text = { zh: "表中没有任何评分，未合并", en: "nothing is scored on the sheet; not merged" };

/** A recognised sheet's answers: the data document without the answers the engine refuses. */
interface SheetAnswers {
  /** The sheet rendered blank: where each input is. */
  plan: SheetPlan;
  data: unknown;
  /** The refused answers, each with its binding code when it has one. */
  refused: (SheetProblem & { binding?: string })[];
}

interface Draft {
  enterprise: string;
  /** Each spelling of the name, as written. */
  spellings: Set<string>;
  experts: PanelMember[];
}

class Collector {
  /** Enterprise key → its panel so far, in order of first appearance. */
  groups = new Map<string, Draft>();
  problems: PanelProblem[] = [];
  skipped: SkippedSheet[] = [];
  refused: RefusedFile[] = [];
  private readonly single: SheetTemplate;
  private readonly panel: SheetTemplate;

  constructor(private readonly rubric: Rubric) {
    this.single = sheetTemplate(rubric.id);
    this.panel = sheetTemplate(rubricSheetIds(rubric.id).panel);
  }

  sheet(file: string, sheet: MarkedSheet, id: string): void {
    const template = sheet.marker.template;
    if (template === this.single.id) this.readSingle(file, sheet, id);
    else if (template === this.panel.id) this.readPanelSheet(file, sheet, id);
    else this.skip(file, sheet, skipReason(template, this.rubric));
  }

  /** A panel's checks over its members, as a PanelGroup. */
  finish(id: string, draft: Draft, margin: number): PanelGroup {
    const { experts } = draft;
    this.markRepeats(experts);
    const valid = experts.filter((m) => !m.invalid);
    const at = { panel: id, file: experts[0].file, sheet: experts[0].sheet };
    const say = (kind: PanelProblemKind, severity: "error" | "warning", zh: string, en: string) => this.problems.push({ kind, severity, ...at, message: { zh, en } });
    const name = draft.enterprise;
    if (valid.length > MAX_EXPERTS) {
      say("too-many-experts", "error", `${name} 有 ${valid.length} 位专家的评分，专家组评分表最多 ${MAX_EXPERTS} 位`, `${name} has ${valid.length} experts' scores; a panel sheet takes at most ${MAX_EXPERTS}`);
    } else if (valid.length === 0) {
      say("few-experts", "warning", `${name} 没有无误的专家评分：保留至少一份才会生成专家组评分表`, `${name} has no expert's scores without errors: keep at least one to build its panel sheet`);
    } else if (valid.length < TRIMMED_MIN) {
      say("few-experts", "warning", `${name} 只有 ${valid.length} 位专家评分：去掉最高分和最低分后的平均分需至少 ${TRIMMED_MIN} 位，请用平均分或中位数`, `${name} has ${valid.length} experts' scores: the trimmed mean needs at least ${TRIMMED_MIN}; use the mean or median`);
    }
    const dates = distinctDates(valid);
    if (dates.length > 1) say("dates-differ", "warning", `${name} 的评审日期不一致（${dates.join("、")}），专家组评分表不填日期`, `${name}'s review dates differ (${dates.join(", ")}); the panel sheet leaves the date blank`);
    const summary = this.summarise(experts, margin);
    const variants = invisibleVariants([...draft.spellings]);
    return { id, enterprise: name, variants, date: dates.length === 1 ? dates[0] : null, experts, summary };
  }

  /** aggregatePanel over the valid members; invalid ones are blanks, so its indices are member indices. */
  private summarise(experts: PanelMember[], margin: number): PanelSummary | null {
    const totals = experts.map((m) => (m.invalid ? null : m.total));
    const summary = aggregatePanel(totals, { margin, names: experts.map((m) => m.name ?? "") });
    if (!summary.ok) return null;
    const { median } = summary.value;
    for (const d of summary.value.deviating) {
      const m = experts[d.index];
      const sign = d.deviation > 0 ? "+" : "";
      this.problems.push({
        kind: "deviates",
        severity: "warning",
        member: m.id,
        file: m.file,
        sheet: m.sheet,
        message: {
          zh: `${m.name ?? "该专家"}总分 ${m.total} 与专家组中位数 ${median} 相差 ${sign}${d.deviation} 分，超过 ${margin} 分`,
          en: `${m.name ?? "this expert"}'s total ${m.total} is ${sign}${d.deviation} from the panel's median ${median}, beyond ${margin}`,
        },
      });
    }
    return summary.value;
  }

  /**
   * A later member named as an earlier one (names compared as enterprise names are) is invalid:
   * the same expert counted twice would weigh twice in the panel.
   */
  private markRepeats(experts: PanelMember[]): void {
    const first = new Map<string, PanelMember>();
    for (const m of experts) {
      const key = m.name === null ? "" : identityKey(m.name);
      if (m.name === null || key === "") continue;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, m);
        continue;
      }
      m.invalid = true;
      const same = m.total === earlier.total && JSON.stringify(m.scores) === JSON.stringify(earlier.scores);
      // Names that differ only invisibly are shown with those characters escaped: the user must see why they match.
      const [a, b] = invisibleVariants([earlier.name ?? "", m.name]);
      const spelt = b === undefined ? "" : `（写法：“${a}”与“${b}”）`;
      const speltEn = b === undefined ? "" : ` (written "${a}" and "${b}")`;
      this.problems.push({
        kind: "repeated-expert",
        severity: "error",
        member: m.id,
        file: m.file,
        sheet: m.sheet,
        message: {
          zh: `专家“${m.name}”${spelt}已有一份评分（${earlier.audit}）${same ? "，且评分完全相同，可能是同一张表提交了两次" : ""}；只合并第一份，若是同名的另一位专家请保留这一份`,
          en: `"${m.name}"${speltEn} already scored this enterprise (${earlier.audit})${same ? " with the same scores: perhaps the same sheet sent twice" : ""}; only the first is merged, keep this one if it is another expert of the same name`,
        },
      });
    }
  }

  private readSingle(file: string, sheet: MarkedSheet, id: string): void {
    const answers = this.answers(file, sheet, this.single);
    if (!answers) return;
    const doc = isRecord(answers.data) ? answers.data : {};
    const scored = scoreAnswers(this.rubric, doc);
    if (!scored.ok) return this.unreadable(file, sheet, scored.problems);
    const scores = scoredItems(this.rubric, scored.value);
    if (Object.keys(scores).length === 0) return this.skip(file, sheet, NOTHING_SCORED);
    const enterprise = headerText(doc.enterprise);
    if (enterprise === null || identityKey(enterprise) === "") return this.noEnterprise(file, sheet, answers);

    const member: PanelMember = {
      id,
      name: headerText(doc.expert),
      file,
      sheet: sheet.name,
      audit: `${file} › ${sheet.name}`,
      scores,
      total: scored.value.total,
      date: headerText(doc.date),
      invalid: answers.refused.length > 0,
    };
    for (const p of answers.refused) this.memberProblem(member, "answers", "error", p.cell, p.message);
    this.checkText(member, answers.plan, { enterprise, expert: member.name, date: member.date });
    const refused = new Set(answers.refused.map((p) => p.binding));
    const blank = scored.value.missing.filter((code) => !refused.has(code));
    if (blank.length > 0) {
      this.memberProblem(member, "incomplete", "warning", cellOf(answers.plan, blank[0]), {
        zh: `尚有 ${blank.length} 项未填（首个见该单元格），计 0 分，总分 ${member.total} 为部分得分`,
        en: `${blank.length} answers are blank (the first in this cell) and count 0: the total ${member.total} is partial`,
      });
    }
    this.add(member, enterprise);
  }

  /** Each expert column that scores anything is a member; a column naming an expert who scored nothing is a spare one. */
  private readPanelSheet(file: string, sheet: MarkedSheet, id: string): void {
    const answers = this.answers(file, sheet, this.panel);
    if (!answers) return;
    if (answers.data === undefined) return this.skip(file, sheet, NOTHING_SCORED);
    const read = readPanel(this.rubric, answers.data);
    if (!read.ok) return this.unreadable(file, sheet, read.problems);
    const experts = read.value.experts.map((e, i) => ({ e, i })).filter(({ e }) => e.scores.size > 0);
    if (experts.length === 0) return this.skip(file, sheet, NOTHING_SCORED);

    const enterprise = read.value.enterprise;
    if (enterprise === undefined || identityKey(enterprise) === "") return this.noEnterprise(file, sheet, answers);

    const items = this.rubric.sections.flatMap((s) => s.items);
    for (const { e, i } of experts) {
      const refused = answers.refused.filter((p) => {
        const owner = expertOf(p.binding);
        // A refused header field (the date) concerns every expert on the sheet.
        return owner === null || owner === i;
      });
      const member: PanelMember = {
        id: `${id}:e${i + 1}`,
        name: e.name,
        file,
        sheet: sheet.name,
        audit: `${file} › ${sheet.name} 专家 ${i + 1}`,
        scores: Object.fromEntries(e.scores),
        total: round([...e.scores.values()].reduce((a, b) => a + b, 0), 4),
        date: read.value.date ?? null,
        invalid: refused.length > 0,
      };
      for (const p of refused) this.memberProblem(member, "answers", "error", p.cell, p.message);
      this.checkText(member, answers.plan, { enterprise, [`experts/${i}/name`]: member.name, date: member.date });
      const unscored = items.filter((item) => !e.scores.has(item.code));
      if (unscored.length > 0) {
        this.memberProblem(member, "incomplete", "warning", cellOf(answers.plan, `experts/${i}/scores/${unscored[0].code}`), {
          zh: `专家 ${i + 1} 尚有 ${unscored.length} 项未评分（首个见该单元格），计 0 分，总分 ${member.total} 为部分得分`,
          en: `expert ${i + 1} left ${unscored.length} items unscored (the first in this cell), counting 0: the total ${member.total} is partial`,
        });
      }
      this.add(member, enterprise);
    }
  }

  /**
   * checkSheet's verdict and the answers: null when the sheet cannot be read (an error, and
   * skipped). Result cells that show something else than the engine are warnings: the panel
   * takes the engine's scores of the answers, not what the sheet shows.
   */
  private answers(file: string, sheet: MarkedSheet, template: SheetTemplate): SheetAnswers | null {
    const report = checkSheet(sheet);
    const blocked = STATUS_WORDS[report.status];
    const plan = blankPlan(template, sheet);
    if (blocked || !plan) {
      const reason = blocked ?? INVALID_PARAMS;
      this.sheetProblem("sheet-status", "error", file, sheet, undefined, reason);
      this.skip(file, sheet, reason);
      return null;
    }
    for (const f of report.formulas) {
      const formula = f.formula.length > 60 ? `${f.formula.slice(0, 59)}…` : f.formula;
      this.sheetProblem("formula", "warning", file, sheet, f.cell, {
        zh: `输入单元格含公式（=${formula}），按其上次计算的结果读取`,
        en: `the input cell holds a formula (=${formula}): read by its last calculated result`,
      });
    }
    for (const f of findings(report)) {
      this.sheetProblem("sheet-status", "warning", file, sheet, f.cell, {
        zh: `公式单元格显示的结果与规则计算不一致（${f.key}），表格可能被改动过；合并按答案重新计算`,
        en: `the formula cell shows another result than the rules compute (${f.key}); the sheet may have been edited; the merge recomputes from the answers`,
      });
    }
    if (report.status !== "invalid-answers") return { plan, data: report.data, refused: [] };
    const refused = report.problems.map((p) => ({ ...p, binding: inputFor(plan, p.code)?.code }));
    const dropped = new Set(refused.map((p) => p.binding));
    const kept = Object.entries(report.inputs).filter(([code]) => !dropped.has(code));
    return { plan, data: dataFromInputs(kept, template.sample()), refused };
  }

  private add(member: PanelMember, enterprise: string): void {
    const key = identityKey(enterprise);
    const draft = this.groups.get(key);
    if (draft) {
      draft.experts.push(member);
      draft.spellings.add(enterprise.trim());
    } else this.groups.set(key, { enterprise, spellings: new Set([enterprise.trim()]), experts: [member] });
  }

  /** Header texts (binding code → text) a workbook cannot hold: each an error naming its cell, and the member invalid. */
  private checkText(member: PanelMember, plan: SheetPlan, texts: Record<string, string | null>): void {
    for (const [code, text] of Object.entries(texts)) {
      const problem = text === null ? null : cellTextProblem(text);
      if (!problem) continue;
      member.invalid = true;
      this.memberProblem(member, "text", "error", cellOf(plan, code), { zh: `${problem.zh}；保留时删去这些字符`, en: `${problem.en}; if kept, these characters are removed` });
    }
  }

  /** A sheet whose scores belong to no enterprise: an error naming the cell, and its refused answers still reported, to fix in one pass. */
  private noEnterprise(file: string, sheet: MarkedSheet, answers: SheetAnswers): void {
    for (const p of answers.refused) this.sheetProblem("answers", "error", file, sheet, p.cell, p.message);
    this.sheetProblem("no-enterprise", "error", file, sheet, cellOf(answers.plan, "enterprise"), {
      zh: "未填写企业名称，无法归入任何企业的专家组",
      en: "no enterprise name: the scores cannot be assigned to any enterprise's panel",
    });
  }

  /** Problems the engine finds only once the refused answers are set aside: none is expected, but a sheet is never silently lost. */
  private unreadable(file: string, sheet: MarkedSheet, problems: Problem[]): void {
    const reason = { zh: `答案无法读取：${problems.map((p) => p.message.zh).join("；")}`, en: `the answers cannot be read: ${problems.map((p) => p.message.en).join("; ")}` };
    this.sheetProblem("answers", "error", file, sheet, undefined, reason);
    this.skip(file, sheet, reason);
  }

  private skip(file: string, sheet: MarkedSheet, reason: Text): void {
    this.skipped.push({ file, sheet: sheet.name, template: sheet.marker.template, reason });
  }

  private sheetProblem(kind: PanelProblemKind, severity: "error" | "warning", file: string, sheet: MarkedSheet, cell: string | undefined, message: Text): void {
    this.problems.push({ kind, severity, file, sheet: sheet.name, ...(cell ? { cell } : {}), message });
  }

  private memberProblem(m: PanelMember, kind: PanelProblemKind, severity: "error" | "warning", cell: string | undefined, message: Text): void {
    this.problems.push({ kind, severity, member: m.id, file: m.file, sheet: m.sheet, ...(cell ? { cell } : {}), message });
  }
}

/** score() over a one-enterprise sheet's data: the header fields set aside, the adjustments (D4) applied. */
function scoreAnswers(rubric: Rubric, doc: Record<string, unknown>): Result<ScoreResult> {
  const answers = Object.fromEntries(Object.entries(doc).filter(([key]) => !Object.hasOwn(HEADER_FIELDS, key)));
  const { inputs, adjustments } = splitAdjustments(answers);
  return score(rubric, inputs, adjustments);
}

/**
 * Item code → the score that counts, for the items the expert answered (any of its inputs) or
 * adjusted. score() gives the items in the rubric's order.
 */
function scoredItems(rubric: Rubric, result: ScoreResult): Record<string, number> {
  const items = rubric.sections.flatMap((s) => s.items);
  const scored = result.items.filter((s, k) => s.adjusted !== null || s.missing.length < itemInputs(items[k]).length);
  return Object.fromEntries(scored.map((s) => [s.code, s.score]));
}

/** A header field's text, null when blank; what checkSheet refused is already set aside. */
function headerText(raw: unknown): string | null {
  const text = readHeaderText("", raw);
  return typeof text === "string" ? text : null;
}

/** The expert a panel sheet's binding belongs to ("experts/2/scores/3.1" → 2), null for the header fields. */
function expertOf(binding: string | undefined): number | null {
  const m = /^experts\/(\d+)\//.exec(binding ?? "");
  return m ? Number(m[1]) : null;
}

function blankPlan(template: SheetTemplate, sheet: MarkedSheet): SheetPlan | null {
  const params = checkParams(template.params, sheet.marker.params);
  if (!params.ok) return null;
  const blank = template.render(params.value, undefined);
  return blank.ok ? blank.value : null;
}

function cellOf(plan: SheetPlan, code: string): string | undefined {
  const b = plan.inputs.find((x) => x.code === code);
  return b ? `${colLetter(b.col)}${b.row}` : undefined;
}

function skipReason(template: string, rubric: Rubric): Text {
  const found = findSheetTemplate(template);
  if (!found) return { zh: "模板未知，未读取", en: "an unknown template, not read" };
  if (found.id === rubricSheetIds(rubric.id).batch) {
    return { zh: "是批量评分表：每行一家企业，没有评审专家，不作为专家评分合并", en: "a batch scoring sheet: one enterprise per row and no expert, so not merged as an expert's scores" };
  }
  if (found.template !== rubric.id && findRubric(found.template) !== undefined) {
    return { zh: `是另一评分细则的表（${found.title.zh}），不合并到${rubric.title.zh}`, en: `a sheet of another rubric (${found.title.en}), not merged into ${rubric.title.en}` };
  }
  return { zh: `是${found.title.zh}，不是可合并的专家评分表`, en: `a ${found.title.en} sheet, not an expert's scoring sheet` };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}
