/**
 * Reading the data a scoring sheet is filled with (`assessbook build … --data`). An enterprise's
 * data is the JSON `assessbook score` takes — answers keyed by input code or a positional
 * array, plus an optional "adjustments" object keyed by item code — with optional header fields
 * (enterprise name, review date, expert name) under their own keys. The engine checks the
 * answers, so a sheet is never filled with something `assessbook score` would refuse, and each
 * Problem names the field as the engine does.
 */
import type { Rubric, Text } from "../../../templates/schema";
import { isBlank, show } from "../../core/answers";
import { readInputs } from "../../core/inputs";
import { fail, ok, problem, type Problem, type Result } from "../../core/problems";
import { score, splitAdjustments } from "../../core/score";
import type { CellValue } from "../plan";
import { answerCell } from "./answer-cells";
import type { HeaderKey } from "./header-fields";

export { HEADER_FIELDS, type HeaderKey } from "./header-fields";

/** Longest name or date text accepted: a full enterprise name fits comfortably. */
export const HEADER_MAX = 100;

export interface EnterpriseData {
  /** Canonical cell values in the rubric's input order (null = blank). */
  answers: CellValue[];
  /** Item code → the expert's replacement score (ruling D4). */
  adjustments: Map<string, number>;
  header: Partial<Record<HeaderKey, string>>;
}

/**
 * One enterprise's data. `header` lists the header keys this sheet has; `adjustments` says
 * whether it has an expert-adjustment column (a batch row does not, so adjustments there are a
 * Problem rather than silently dropped).
 */
export function readEnterprise(rubric: Rubric, raw: unknown, header: readonly HeaderKey[], adjustments: boolean): Result<EnterpriseData> {
  const problems: Problem[] = [];
  const fields: Partial<Record<HeaderKey, string>> = {};
  let doc = raw;
  if (typeof raw === "object" && raw !== null && !Array.isArray(raw)) {
    const rest: Record<string, unknown> = { ...raw };
    for (const key of header) {
      if (!(key in rest)) continue;
      const text = readHeaderText(key, rest[key]);
      if (typeof text === "string") fields[key] = text;
      else if (text) problems.push(text);
      delete rest[key];
    }
    doc = rest;
  }
  const split = splitAdjustments(doc);
  if (!adjustments && split.adjustments !== undefined) {
    problems.push(
      problem(
        "adjustments",
        "本表没有专家调整栏：请在单企业评分表中调整，或删去 adjustments",
        "this sheet has no expert-adjustment column: adjust on the one-enterprise sheet, or remove adjustments",
      ),
    );
  }
  const scored = score(rubric, split.inputs, adjustments ? split.adjustments : undefined);
  if (!scored.ok) problems.push(...scored.problems);
  if (problems.length > 0 || !scored.ok) return fail(problems);

  const { answers } = readInputs(rubric.inputs, split.inputs);
  return ok({
    answers: rubric.inputs.map((input, i) => answerCell(input, answers.values[i])),
    adjustments: new Map(scored.value.items.filter((i) => i.adjusted !== null).map((i) => [i.code, i.adjusted as number])),
    header: fields,
  });
}

/**
 * A header field's text as given (spaces kept, so extract gives back what was typed), undefined
 * when blank, or a Problem. A number is taken as its text: a spreadsheet turns a name or date
 * typed as digits (20240520) into one.
 */
export function readHeaderText(key: string, raw: unknown): string | Problem | undefined {
  if (isBlank(raw)) return undefined;
  if (typeof raw !== "string" && !(typeof raw === "number" && Number.isFinite(raw))) {
    return problem(key, `应为文字，收到“${show(raw)}”`, `expected text, got "${show(raw)}"`);
  }
  const text = String(raw);
  if (text.length > HEADER_MAX) return problem(key, `不能超过 ${HEADER_MAX} 个字，收到 ${text.length} 个`, `at most ${HEADER_MAX} characters, got ${text.length}`);
  return text;
}

/** Problems of one element of a data array, named by its index: "[2].3.1", 第 3 家企业. */
export function atIndex(problems: Problem[], index: number, noun: Text): Problem[] {
  return problems.map((p) =>
    problem(`[${index}].${p.code}`, `第 ${index + 1} ${noun.zh}：${p.message.zh}`, `${noun.en} ${index + 1}: ${p.message.en}`),
  );
}
