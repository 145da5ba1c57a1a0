/**
 * Which spreadsheet functions the official sheets may use. Workbooks circulate to people
 * without the add-in, on Excel 2010, WPS and LibreOffice 7.4 (the design notes, shared/DESIGN.md), so a
 * formula may only call functions all three evaluate, and none that recalculates on every
 * change (volatile) or needs dynamic arrays. The renderers' formula helpers (formula.ts) and
 * the portability test read this list; a function added here should be checked in all three,
 * and in Gnumeric, the third engine the tests recalculate with (tests/sheets/gnumeric.test.ts).
 */
export const PORTABLE_FUNCTIONS: ReadonlySet<string> = new Set([
  "ABS",
  "AND",
  "AVERAGE",
  // CHAR of an ASCII code (line break, tab) is the same in every code page; above 127 it is not.
  "CHAR",
  "COUNT",
  "COUNTA",
  "COUNTBLANK",
  "COUNTIF",
  "EXACT",
  "IF",
  "IFERROR",
  "INDEX",
  "ISBLANK",
  "ISERROR",
  "ISNUMBER",
  "ISTEXT",
  "LEFT",
  "LEN",
  "LOOKUP",
  "MATCH",
  "MAX",
  "MEDIAN",
  "MID",
  "MIN",
  "MOD",
  "NOT",
  "OR",
  "RIGHT",
  "ROUND",
  "ROUNDDOWN",
  "ROUNDUP",
  "SUBSTITUTE",
  "SUM",
  "SUMIF",
  "SUMPRODUCT",
  "TEXT",
  "TRIM",
  "UPPER",
  "VALUE",
]);

/** Recalculated on every change in the workbook, so a sheet never settles and prints differ. */
export const VOLATILE_FUNCTIONS: ReadonlySet<string> = new Set(["TODAY", "NOW", "RAND", "RANDBETWEEN", "OFFSET", "INDIRECT", "INFO", "CELL"]);

/**
 * Dynamic-array and Excel 365-only functions: #NAME? in Excel 2010, older WPS and LibreOffice
 * 7.4. Named apart from the merely unlisted ones because they are the likeliest to creep in.
 */
export const DYNAMIC_ARRAY_FUNCTIONS: ReadonlySet<string> = new Set([
  "XLOOKUP",
  "XMATCH",
  "LET",
  "LAMBDA",
  "FILTER",
  "SORT",
  "SORTBY",
  "UNIQUE",
  "SEQUENCE",
  "RANDARRAY",
  "TEXTSPLIT",
  "VSTACK",
  "HSTACK",
  "TAKE",
  "DROP",
  "CHOOSECOLS",
  "CHOOSEROWS",
  "TOCOL",
  "TOROW",
  "WRAPROWS",
  "WRAPCOLS",
  "EXPAND",
  "MAP",
  "REDUCE",
  "SCAN",
  "BYROW",
  "BYCOL",
  "MAKEARRAY",
  "ISOMITTED",
]);

export interface FunctionIssue {
  name: string;
  kind: "volatile" | "dynamic-array" | "not-portable";
}

/**
 * Function names a formula calls (upper case, in order of first appearance), skipping text
 * inside string literals: IF(A1="SUM(",…) calls IF only.
 */
export function functionsIn(formula: string): string[] {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const names = new Set<string>();
  // A name directly followed by "(" — sheet names ('表1'!A1) and defined names are not followed by one.
  for (const m of code.matchAll(/(?<![A-Za-z0-9_.$])([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)) names.add(m[1].toUpperCase());
  return [...names];
}

/** Every function in the formula that a circulating workbook must not call, and why. */
export function portabilityIssues(formula: string): FunctionIssue[] {
  return functionsIn(formula).flatMap((name): FunctionIssue[] => {
    // Excel writes newer functions with a prefix (_xlfn.XLOOKUP); judge the function itself.
    const bare = name.replace(/^_XLFN\.(_XLWS\.)?/, "");
    if (VOLATILE_FUNCTIONS.has(bare)) return [{ name: bare, kind: "volatile" }];
    if (DYNAMIC_ARRAY_FUNCTIONS.has(bare)) return [{ name: bare, kind: "dynamic-array" }];
    if (!PORTABLE_FUNCTIONS.has(bare)) return [{ name: bare, kind: "not-portable" }];
    return [];
  });
}
