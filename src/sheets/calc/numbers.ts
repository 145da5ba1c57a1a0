/**
 * Numbers as spreadsheets treat them, which is not quite as JavaScript does: they compare and
 * round on the 15 significant digits they display (0.1+0.2=0.3 is TRUE, ROUND(2.675,2) is 2.68),
 * and show a number in text ("得分 "&A1) in their General format.
 */

/** Excel and LibreOffice keep 15 significant decimal digits of a number. */
const DIGITS = 15;

/** 2^-48: LibreOffice's relative tolerance for "equal" (rtl::math::approxEqual); Excel's is similar. */
const EPSILON = 2 ** -48;

/** a and b are the same number to a spreadsheet's eye. */
export function approxEqual(a: number, b: number): boolean {
  if (a === b) return true;
  if (a === 0 || b === 0 || !Number.isFinite(a) || !Number.isFinite(b)) return false;
  const d = Math.abs(a - b);
  return d < Math.abs(a) * EPSILON && d < Math.abs(b) * EPSILON;
}

/** -1, 0 or 1, with approximately equal numbers equal. */
export function compareNumbers(a: number, b: number): number {
  if (approxEqual(a, b)) return 0;
  return a < b ? -1 : 1;
}

/**
 * a + b, or 0 when they cancel out to within the last bits (LibreOffice's approxAdd; Excel
 * likewise shows 0.3-0.1-0.2 as 0): a residue like 5.6e-17 would otherwise fail "=0" tests.
 */
export function add(a: number, b: number): number {
  if (((a < 0 && b > 0) || (a > 0 && b < 0)) && approxEqual(a, -b)) return 0;
  return a + b;
}

/** The digits and exponent of |x| to 15 significant digits: x = 0.d1d2…d15 × 10^exponent. */
function decimal(x: number): { digits: string; exponent: number } {
  const [mantissa, exp] = Math.abs(x).toExponential(DIGITS - 1).split("e");
  return { digits: mantissa.replace(".", ""), exponent: Number(exp) + 1 };
}

export type Rounding = "half-up" | "up" | "down";

/**
 * x rounded to `places` decimals (negative: to tens, hundreds …) on its 15-digit decimal
 * representation, away from zero ("half-up", ROUND; "up", ROUNDUP) or toward it ("down",
 * ROUNDDOWN), as Excel does: ROUND(2.675,2) is 2.68 though the double is 2.67499999….
 */
export function roundDecimal(x: number, places: number, mode: Rounding): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const p = Math.trunc(places);
  const { digits, exponent } = decimal(x);
  const keep = exponent + p;
  if (keep >= DIGITS) return x;
  const sign = x < 0 ? -1 : 1;
  const kept = keep > 0 ? digits.slice(0, keep) : "0";
  const rest = keep > 0 ? digits.slice(keep) : "0".repeat(-keep) + digits;
  const bump = mode === "half-up" ? rest[0] >= "5" : mode === "up" ? /[1-9]/.test(rest) : false;
  // At most 15 digits: an integer a double holds exactly, so no BigInt (which the add-in's target lacks).
  const whole = Number(kept) + (bump ? 1 : 0);
  return sign * Number(`${whole}e${-p}`);
}

/**
 * A number as text in the General format, as "&", TRIM, LEN … see it: up to 15 significant
 * digits, no trailing zeros, scientific (1E+21, 1E-10) only where General switches to it.
 */
export function numberToText(x: number): string {
  if (x === 0) return "0";
  const { digits, exponent } = decimal(x);
  const trimmed = digits.replace(/0+$/, "");
  const sign = x < 0 ? "-" : "";
  if (exponent > DIGITS || exponent < -8) {
    const e = exponent - 1;
    const mantissa = trimmed.length > 1 ? `${trimmed[0]}.${trimmed.slice(1)}` : trimmed;
    return `${sign}${mantissa}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  if (exponent <= 0) return `${sign}0.${"0".repeat(-exponent)}${trimmed}`;
  if (trimmed.length <= exponent) return `${sign}${trimmed}${"0".repeat(exponent - trimmed.length)}`;
  return `${sign}${trimmed.slice(0, exponent)}.${trimmed.slice(exponent)}`;
}

/** Plain decimal notation, with an optional sign, exponent and trailing %; spaces around allowed. */
const NUMBER_TEXT = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(%?)\s*$/;

/**
 * Text read as a number where a formula needs one ("3"+1, "50%"*2), or null. Only plain
 * decimal notation: what both Excel and LibreOffice ("convert only if unambiguous") read alike.
 * Dates, currencies and thousands separators are left unread (#VALUE!), as LibreOffice does.
 */
export function textToNumber(text: string): number | null {
  const m = NUMBER_TEXT.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  return m[2] ? n / 100 : n;
}
