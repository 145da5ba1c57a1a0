/**
 * The rubrics the custom functions SCORE_DISCRETE and SCORE_PROCESS score without being told
 * which (ASSESS.SCORE takes any rubric by its id). Workbooks written before ASSESS.SCORE call
 * these two, so each keeps scoring the rubric it always did.
 */
export const SCORE_SHORTCUTS = {
  SCORE_DISCRETE: "shaoxing-discrete",
  SCORE_PROCESS: "shaoxing-process",
} as const;
