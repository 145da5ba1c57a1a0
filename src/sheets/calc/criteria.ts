/**
 * COUNTIF/SUMIF criteria and MATCH's wildcards, as Excel reads them: an optional operator
 * (= <> < > <= >=) before a number, TRUE/FALSE or a text; a number given as a number matches
 * numbers only, one given as text ("1", "<>1") numbers and numeric texts alike; a text
 * matches texts whole and case-insensitively with * (any run), ? (one character) and ~ (the
 * next character literally); "" matches blank cells and empty texts, "=" blank cells only,
 * "<>" every non-empty cell; "<>x" matches everything that does not match x, blanks included.
 */
import { compare } from "./coerce";
import { textToNumber } from "./numbers";
import { isError, type Scalar } from "./values";

export type Matcher = (cell: Scalar) => boolean;

const OPERATOR = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/;

export function criterion(c: Scalar): Matcher {
  if (isError(c)) return (cell) => cell === c;
  if (typeof c !== "string") return c === null ? (cell) => cell === null || cell === "" : equalTo(c);
  const [, op = "", rest] = OPERATOR.exec(c) as RegExpExecArray;
  if (rest === "") {
    if (op === "") return (cell) => cell === null || cell === "";
    if (op === "=") return (cell) => cell === null;
    if (op === "<>") return (cell) => cell !== null;
    return () => false;
  }
  const upper = rest.toUpperCase();
  const operand: number | string | boolean = textToNumber(rest) ?? (upper === "TRUE" ? true : upper === "FALSE" ? false : rest);
  const equal = typeof operand === "string" ? wildcard(operand) : typeof operand === "number" ? numberOrNumericText(operand) : equalTo(operand);
  if (op === "" || op === "=") return equal;
  if (op === "<>") return (cell) => !equal(cell);
  return (cell) => {
    if (cell === null || isError(cell) || typeof cell !== typeof operand) return false;
    const d = compare(cell, operand);
    return op === "<" ? d < 0 : op === ">" ? d > 0 : op === "<=" ? d <= 0 : d >= 0;
  };
}

/** "1" or "=1" in a criterion matches the number 1 and the text "1" (or "01"): Excel and LibreOffice read such text as the number. */
function numberOrNumericText(n: number): Matcher {
  const number = equalTo(n);
  return (cell) => number(cell) || (typeof cell === "string" && number(textToNumber(cell)));
}

function equalTo(v: number | boolean): Matcher {
  return (cell) => cell !== null && typeof cell === typeof v && compare(cell as number | boolean, v) === 0;
}

/** Text equality with Excel's wildcards, case-insensitive; texts only (a number never matches "1*"). */
export function wildcard(pattern: string): Matcher {
  if (!/[*?~]/.test(pattern)) {
    const lower = pattern.toLowerCase();
    return (cell) => typeof cell === "string" && cell.toLowerCase() === lower;
  }
  const source = pattern.replace(/~([\s\S])|([*?])|([\s\S])/g, (_m, escaped: string | undefined, wild: string | undefined, plain: string | undefined) => {
    if (wild) return wild === "*" ? "[\\s\\S]*" : "[\\s\\S]";
    return (escaped ?? plain ?? "").replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  });
  const re = new RegExp(`^${source}$`, "iu");
  return (cell) => typeof cell === "string" && re.test(cell);
}
