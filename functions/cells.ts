/**
 * What Excel hands a custom function. A range arrives as rows of cell values: numbers, strings,
 * booleans, and null or "" for a blank cell. Because functions.json allows errors for `any`
 * parameters, a cell holding #N/A arrives as a CustomFunctions.Error (type "Error", code "#N/A")
 * instead of stopping the call; and because custom-functions-metadata always allows data types,
 * a cell holding a formatted-number data type arrives as an object carrying its basicValue.
 */

/** The Excel error code ("#N/A", "#DIV/0!" …) a cell holds, or null when it holds no error. */
export function errorCode(value: unknown): string | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as { type?: unknown; code?: unknown; basicValue?: unknown };
  if (v.type === "Error") {
    if (typeof v.code === "string") return v.code;
    return typeof v.basicValue === "string" ? v.basicValue : "#VALUE!";
  }
  // Not from Excel, but an Error is still no answer: treat it as the #VALUE! it would show.
  return value instanceof Error ? "#VALUE!" : null;
}

/** A data-type cell's basic value (the number of a formatted number …); any other value as is. */
export function basicValue(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const v = value as { type?: unknown; basicValue?: unknown };
  switch (v.type) {
    case "Double":
    case "FormattedNumber":
      return typeof v.basicValue === "number" ? v.basicValue : value;
    case "String":
      return typeof v.basicValue === "string" ? v.basicValue : value;
    case "Boolean":
      return typeof v.basicValue === "boolean" ? v.basicValue : value;
    default:
      return value;
  }
}

/**
 * A matrix argument as rows. Excel always passes a rectangular array of rows; other callers may
 * pass one value or one flat list, read here as a 1×1 range and as a single row.
 */
export function toRows(raw: unknown): unknown[][] {
  if (!Array.isArray(raw)) return [[raw]];
  if (raw.every((r) => Array.isArray(r))) return raw as unknown[][];
  if (raw.some((r) => Array.isArray(r))) return raw.map((r) => (Array.isArray(r) ? r : [r]));
  return [raw];
}

/** Every cell of a range, row by row, as people read a table. */
export function cellsOf(raw: unknown): unknown[] {
  return toRows(raw).flat();
}
