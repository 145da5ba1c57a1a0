import { findRubric } from "../templates/index";
import type { Rubric, RubricItem } from "../templates/schema";
import { SCORE_SHORTCUTS } from "../templates/shortcuts";
import { score, type ItemScore, type ScoreResult } from "../src/core/score";
import { rowTotals, scoreTotals } from "../src/core/score-fast";
import { isBlank } from "../src/core/answers";
import { points } from "../src/core/format";
import { argumentError, cellError, problemsError } from "./errors";
import { basicValue, cellsOf, errorCode } from "./cells";
import { readLanguage, readRubric, readSwitch } from "./arguments";
import { answerRows, evaluateRow, perRow, type Cell, type RowEvaluator } from "./answer-rows";
import type { Lang } from "./language";

/**
 * The rubric a shortcut function (SCORE_DISCRETE, SCORE_PROCESS) scores, looked up when it is
 * called: a catalogue without it fails that function alone, not the add-in as it loads.
 */
export function shortcutRubric(name: keyof typeof SCORE_SHORTCUTS): Rubric {
  const rubric = findRubric(SCORE_SHORTCUTS[name]);
  if (!rubric) throw new Error(`${name} scores rubric ${SCORE_SHORTCUTS[name]}, which the catalogue does not hold`);
  return rubric;
}

/** SCORE: scoreTable over the rubric the first argument names. */
export function anyRubricTable(rubricRaw: unknown, inputs: unknown, detailRaw: unknown): Cell[][] {
  return scoreTable(readRubric(rubricRaw), inputs, detailRaw);
}

/** SCORE, SCORE_DISCRETE, SCORE_PROCESS: one total per row, or the section subtotals with detail; no rule is worded. */
export function scoreTable(rubric: Rubric, inputs: unknown, detailRaw: unknown): Cell[][] {
  const detail = readSwitch(detailRaw, "detail");
  const width = detail ? rubric.sections.length : 1;
  const evaluate: RowEvaluator = (values, row) => {
    const result = scoreTotals(rubric, values);
    if (!result.ok) return problemsError(result.problems, { argument: "inputs", row });
    return detail ? result.value.sections : [result.value.total];
  };
  // Every reader but a level's reads a blank cell as blank (answers.ts), so in a rubric with such an
  // input a row with no blank input cannot be a blank row: its cells need no second look.
  const someNotLevel = rubric.inputs.some((d) => d.type !== "level");
  // The rubric's plan is found once for the whole range, not once per row (a range is often 10,000 rows).
  const fast = rowTotals(rubric);
  const rows = answerRows(inputs, rubric);
  const out = new Array<Cell[]>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i];
    // The usual row, answers the engine accepts and not all blank, goes straight to it: it holds
    // no error value and no data type (the engine accepts neither), so readAnswerRow would pass
    // it on unchanged. Any other row is read by perRow's rules, and scored by scoreTotals.
    const blanks = fast.read(cells);
    if (blanks >= 0 && ((someNotLevel && blanks === 0) || !allBlank(cells))) {
      const total = fast.total();
      out[i] = detail ? Array.from(fast.subtotals) : [total];
    } else {
      out[i] = evaluateRow(cells, rubric, width, i + 1, evaluate);
    }
  }
  return out;
}

function allBlank(cells: readonly unknown[]): boolean {
  for (let i = 0; i < cells.length; i++) if (!isBlank(cells[i])) return false;
  return true;
}

/** SCORE_EXPLAIN: per row, every item's rule as worded by the engine, then the total and status. */
export function explainTable(rubricRaw: unknown, inputs: unknown, languageRaw: unknown): Cell[][] {
  const rubric = readRubric(rubricRaw);
  const lang = readLanguage(languageRaw);
  return perRow(inputs, rubric, 1, (values, row) => {
    const result = score(rubric, values);
    if (!result.ok) return problemsError(result.problems, { argument: "inputs", row });
    return [explanation(result.value, lang)];
  });
}

function explanation(r: ScoreResult, lang: Lang): string {
  const zh = lang === "zh";
  const parts = r.items.map((i) => `${i.code} ${i.rule[lang]}`);
  parts.push(zh ? `总分 ${points(r.total)}/${points(r.max)}` : `total ${points(r.total)}/${points(r.max)}`);
  if (!r.complete) {
    const codes = r.missing.join(", ");
    parts.push(zh ? `未完成，${r.missing.length} 项未填：${codes}` : `incomplete, ${r.missing.length} not answered: ${codes}`);
  }
  for (const w of r.warnings) parts.push(zh ? `警告：${w.message.zh}` : `warning: ${w.message.en}`);
  return parts.join(zh ? "；" : "; ");
}

/**
 * SCORE_ITEM: one item scored from its own answers. An item with several options (表1 3.2's
 * seven data-collection functions) takes one answer per option, from a row or a column.
 */
export function itemScore(rubricRaw: unknown, codeRaw: unknown, answer: unknown): number | string {
  const rubric = readRubric(rubricRaw);
  const item = readItem(rubric, codeRaw);
  const inputs = item.rule.kind === "count" ? item.rule.inputs : [item.rule.input];
  const cells = cellsOf(answer);
  if (cells.length !== inputs.length) {
    throw argumentError(
      "answer",
      inputs.length === 1
        ? { zh: `评分项 ${item.code} 只有 1 个答案，收到 ${cells.length} 个单元格`, en: `item ${item.code} has 1 answer, got ${cells.length} cells` }
        : {
            zh: `评分项 ${item.code} 有 ${inputs.length} 个选项（${inputs.join(", ")}），应给出 ${inputs.length} 个答案，收到 ${cells.length} 个`,
            en: `item ${item.code} has ${inputs.length} options (${inputs.join(", ")}) and needs ${inputs.length} answers, got ${cells.length}`,
          },
    );
  }
  const answers: Record<string, unknown> = {};
  inputs.forEach((code, i) => {
    const cellCode = errorCode(cells[i]);
    if (cellCode !== null) throw cellError(cellCode, { argument: "answer" }, code);
    answers[code] = basicValue(cells[i]);
  });
  if (Object.values(answers).every(isBlank)) return "";
  const result = score(rubric, answers);
  if (!result.ok) throw problemsError(result.problems, { argument: "answer" });
  // score() returns every item of the rubric, so the item read above is always among them.
  return (result.value.items.find((i) => i.code === item.code) as ItemScore).score;
}

function readItem(rubric: Rubric, raw: unknown): RubricItem {
  const cellCode = errorCode(raw);
  if (cellCode !== null) throw cellError(cellCode, { argument: "code" });
  const value = basicValue(raw);
  // 3.1 typed into a General cell arrives as the number 3.1; its text is the item code.
  const code = isBlank(value) ? "" : String(value).trim();
  const items = rubric.sections.flatMap((s) => s.items);
  const item = items.find((i) => i.code === code);
  if (item) return item;
  const owner = items.find((i) => i.rule.kind === "count" && i.rule.inputs.includes(code));
  if (owner && owner.rule.kind === "count") {
    throw argumentError(
      "code",
      {
        zh: `${code} 是评分项 ${owner.code} 的选项之一：请用 ${owner.code}，并给出它 ${owner.rule.inputs.length} 个选项的答案`,
        en: `${code} is one option of item ${owner.code}: use ${owner.code} with the answers of its ${owner.rule.inputs.length} options`,
      },
      CustomFunctions.ErrorCode.notAvailable,
    );
  }
  const codes = items.map((i) => i.code).join(", ");
  throw argumentError(
    "code",
    { zh: `${rubric.id} 没有评分项“${code}”；评分项有：${codes}`, en: `${rubric.id} has no item "${code}"; its items are ${codes}` },
    CustomFunctions.ErrorCode.notAvailable,
  );
}
