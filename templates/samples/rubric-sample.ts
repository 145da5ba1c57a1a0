/**
 * Writing a rubric's sample (the data of its three sheets) without repeating one enterprise's
 * answers on every batch row and one item score on every expert: the rows and experts are
 * written as changes to a first answer sheet, and these helpers spell them out. What they
 * return is plain JSON data, the shape the sheets take (src/sheets/scoring).
 */

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type Answers = Record<string, Json>;
/** A batch row: an enterprise and how its answers differ from the single sheet's. */
export type BatchRow = { enterprise: string; changes: Answers };
/** An expert of the panel and the item scores they give other than the engine's. */
export type PanelExpert = { name: string; changes: Record<string, number> };

/** Header fields of the single sheet that a batch row has no column for, with the expert's adjustments. */
const NOT_IN_BATCH = ["enterprise", "date", "expert", "adjustments"];

/**
 * Batch rows (the `-batch` sheet's data: an array of the score JSON, each named): each row is the
 * single sheet's answers with its changes, a change to null leaving the answer blank (G3).
 */
export function batchRows(single: Answers, rows: BatchRow[]): Answers[] {
  const answers = without(single, NOT_IN_BATCH);
  return rows.map(({ enterprise, changes }) => {
    const blanks = Object.keys(changes).filter((code) => changes[code] === null);
    return { enterprise, ...without({ ...answers, ...changes }, blanks) };
  });
}

/**
 * The `-panel` sheet's data for the single sheet's enterprise: each expert gives the item scores
 * `base` (the engine's scores of the single sheet's answers) with their own changes.
 */
export function panelOf(single: Answers, base: Record<string, number>, experts: PanelExpert[]): Answers {
  return { enterprise: single.enterprise, date: single.date, experts: experts.map(({ name, changes }) => ({ name, scores: { ...base, ...changes } })) };
}

function without(answers: Answers, keys: string[]): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([key]) => !keys.includes(key)));
}
