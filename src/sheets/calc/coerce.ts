/**
 * Excel's coercion and comparison rules, shared by the operators and the functions: a blank is
 * 0 or "" or FALSE as the other side needs, TRUE counts 1, text that is a plain number counts
 * as that number in arithmetic, and in comparisons numbers sort before texts before booleans,
 * texts equal whatever their case.
 */
import { compareNumbers, numberToText, textToNumber } from "./numbers";
import { ErrorValue, type Scalar, VALUE } from "./values";

export function toNumber(s: Scalar): number | ErrorValue {
  if (typeof s === "number") return s;
  if (s === null) return 0;
  if (typeof s === "boolean") return s ? 1 : 0;
  if (typeof s === "string") return textToNumber(s) ?? VALUE;
  return s;
}

export function toText(s: Scalar): string | ErrorValue {
  if (typeof s === "string") return s;
  if (s === null) return "";
  if (typeof s === "number") return numberToText(s);
  if (typeof s === "boolean") return s ? "TRUE" : "FALSE";
  return s;
}

/** A condition (IF, AND, NOT): numbers are TRUE unless 0, the texts TRUE and FALSE are read, other text is #VALUE!. */
export function toBoolean(s: Scalar): boolean | ErrorValue {
  if (typeof s === "boolean") return s;
  if (s === null) return false;
  if (typeof s === "number") return s !== 0;
  if (typeof s === "string") {
    const upper = s.toUpperCase();
    return upper === "TRUE" ? true : upper === "FALSE" ? false : VALUE;
  }
  return s;
}

const RANK = { number: 0, string: 1, boolean: 2 } as const;

/**
 * -1, 0 or 1 for a < b, a = b, a > b, as the comparison operators see it. Neither may be an
 * error (the caller propagates those). A blank takes the type of the other side.
 */
export function compare(a: Exclude<Scalar, ErrorValue>, b: Exclude<Scalar, ErrorValue>): number {
  if (a === null && b === null) return 0;
  const x = a ?? blankLike(b);
  const y = b ?? blankLike(a);
  const [rx, ry] = [RANK[typeof x as keyof typeof RANK], RANK[typeof y as keyof typeof RANK]];
  if (rx !== ry) return rx < ry ? -1 : 1;
  if (typeof x === "number") return compareNumbers(x, y as number);
  if (typeof x === "boolean") return x === y ? 0 : x ? 1 : -1;
  const [p, q] = [(x as string).toLowerCase(), (y as string).toLowerCase()];
  return p === q ? 0 : p < q ? -1 : 1;
}

function blankLike(other: Scalar): number | string | boolean {
  return typeof other === "string" ? "" : typeof other === "boolean" ? false : 0;
}
