import type { InputDef } from "../../templates/schema";
import { BLANK, TICKED_WORDS, UNTICKED_WORDS, readAnswer } from "./answers";

/**
 * Reads a row of cells into typed slots for the totals-only scorer (score-fast.ts), with no
 * object per answer. Booleans and numbers, which make up most of a worksheet range, are read
 * here by the same tests answers.ts applies to them first; plain rates typed as text ("62%",
 * "0.5") are read by a scan that only accepts what readNumber reads the same way, and an empty
 * cell is blank wherever readAnswer reads "" as blank (worked out once per input). Every other
 * cell goes to readAnswer, so the normalisation of text (spaces, full-width signs, commas, tick
 * words, level names) lives in one place, answers.ts; tests/core/score-fast.test.ts checks this
 * reader against readAnswer over random cells.
 */

/** What a slot holds: nothing (blank, G3), a tick, or a number (a rate, a reduction, an improvement, a level's index). */
export const EMPTY = 0;
export const UNTICKED = 1;
export const TICKED = 2;
export const NUMBER = 3;

/** How an input is read: its type as a small integer, so the row loop switches on a number. */
const TICK = 0;
const RATE = 1;
const IMPROVEMENT = 2;
const TICK_OR_RATE = 3;
const REDUCTION = 4;
const OTHER = 5;

/**
 * Tick words exactly as written (lower case), the first lookup answers.ts makes: most tick cells
 * are one of these, and they are read without a call. Any other spelling goes to readAnswer.
 */
const EXACT_TICKS = new Map<unknown, number>([...TICKED_WORDS.map((w) => [w, TICKED] as const), ...UNTICKED_WORDS.map((w) => [w, UNTICKED] as const)]);

/**
 * What reading a row needs, made once per template: each input's reader kind, whether an empty
 * string reads as blank for it, and the two typed arrays the row is read into, reused row after
 * row (`state`: EMPTY … NUMBER; `num`: the number when there is one).
 */
export interface RowReader {
  defs: readonly InputDef[];
  kinds: Uint8Array;
  /** 1 where readAnswer(def, "") is BLANK: an empty cell (Excel's blank) then needs no call. */
  emptyIsBlank: Uint8Array;
  state: Uint8Array;
  num: Float64Array;
}

export function rowReader(defs: readonly InputDef[]): RowReader {
  const kind = { tick: TICK, rate: RATE, improvement: IMPROVEMENT, "tick-or-rate": TICK_OR_RATE, reduction: REDUCTION } as Record<string, number>;
  return {
    defs,
    kinds: Uint8Array.from(defs, (d) => kind[d.type] ?? OTHER),
    emptyIsBlank: Uint8Array.from(defs, (d) => (readAnswer(d, "") === BLANK ? 1 : 0)),
    state: new Uint8Array(defs.length),
    num: new Float64Array(defs.length),
  };
}

/**
 * Reads `cells` (one per input, in input order) into the reader's `state` and `num`; returns how
 * many were blank, or -1 as soon as a cell is not a valid answer: the caller then scores the row
 * on the explaining path, which names every problem.
 */
export function readRow(reader: RowReader, cells: readonly unknown[]): number {
  const { defs, kinds, emptyIsBlank, state, num } = reader;
  let blanks = 0;
  for (let i = 0; i < kinds.length; i++) {
    const raw = cells[i];
    const kind = kinds[i];
    let s = -1;
    if (raw === undefined || raw === null) {
      s = EMPTY;
    } else if (typeof raw === "boolean") {
      if (kind === TICK || kind === TICK_OR_RATE) s = raw ? TICKED : UNTICKED;
    } else if (typeof raw === "number") {
      switch (kind) {
        case TICK:
          if (raw === 1 || raw === 0) s = raw === 1 ? TICKED : UNTICKED;
          break;
        case RATE:
          if (raw >= 0 && raw <= 1) s = NUMBER;
          break;
        case IMPROVEMENT:
          if (Number.isFinite(raw)) s = NUMBER;
          break;
        case REDUCTION:
          // Negative when the measure rose; never above 100% (G2).
          if (Number.isFinite(raw) && raw <= 1) s = NUMBER;
          break;
        case TICK_OR_RATE:
          // 1 and 0 are ticks before they are rates (answers.ts tickValue).
          if (raw === 1 || raw === 0) s = raw === 1 ? TICKED : UNTICKED;
          else if (raw > 0 && raw < 1) s = NUMBER;
          break;
      }
      if (s === NUMBER) num[i] = raw;
    } else if (typeof raw === "string") {
      if (raw === "" && emptyIsBlank[i] === 1) {
        s = EMPTY;
      } else if (kind === TICK || kind === TICK_OR_RATE) {
        s = EXACT_TICKS.get(raw) ?? -1;
      } else if (kind === RATE || kind === REDUCTION || kind === IMPROVEMENT) {
        // Plain text is never negative: a rate and a reduction alike are read up to 100%.
        const n = plainNumber(raw);
        if (!Number.isNaN(n) && (kind === IMPROVEMENT || n <= 1)) {
          s = NUMBER;
          num[i] = n;
        }
      }
    }
    if (s < 0) {
      const parsed = readAnswer(defs[i], raw);
      if (parsed === BLANK) s = EMPTY;
      else if (typeof parsed === "boolean") s = parsed ? TICKED : UNTICKED;
      else if (typeof parsed === "number") {
        s = NUMBER;
        num[i] = parsed;
      } else return -1; // a Problem
    }
    if (s === EMPTY) blanks++;
    state[i] = s;
  }
  return blanks;
}

/**
 * "62", "62%", "0.625%": digits, an optional point followed by digits, an optional % sign and
 * nothing else (no space, sign, comma or exponent). readNumber reads exactly these strings as
 * Number(digits), divided by 100 with the sign, so this gives the same double; anything else is
 * NaN here and left to readNumber.
 */
function plainNumber(s: string): number {
  let end = s.length;
  const percent = end > 0 && s.charCodeAt(end - 1) === 37; // %
  if (percent) end--;
  let digits = 0;
  let point = -1;
  for (let k = 0; k < end; k++) {
    const c = s.charCodeAt(k);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && point < 0 && k > 0) point = k; // .
    else return NaN;
  }
  if (digits === 0 || point === end - 1) return NaN;
  const n = Number(percent ? s.slice(0, end) : s);
  if (!Number.isFinite(n)) return NaN;
  return percent ? n / 100 : n;
}
