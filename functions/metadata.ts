import { FUNCTION_STRINGS, type FunctionStrings } from "./strings";

/**
 * The custom functions metadata Excel loads. custom-functions-metadata generates functions.json
 * (English) from the JSDoc of functions.ts; the build then (1) checks that English against
 * functions/strings.ts, (2) lets error values reach the functions, and (3) derives the zh-CN file
 * from the same generated metadata, so both files always list the same ids, parameters, types
 * and dimensionalities and differ only in their words.
 */
export interface ParameterMetadata {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}

export interface FunctionsMetadata {
  allowCustomDataForDataTypeAny?: boolean;
  allowErrorForDataTypeAny?: boolean;
  functions: FunctionMetadata[];
}

/** Every way the generated metadata's English differs from functions/strings.ts; empty when they agree. */
export function disagreements(metadata: FunctionsMetadata, strings: readonly FunctionStrings[] = FUNCTION_STRINGS): string[] {
  const found: string[] = [];
  const byId = new Map(strings.map((s) => [s.id, s]));
  for (const f of metadata.functions) {
    const s = byId.get(f.id);
    if (!s) {
      found.push(`${f.id}: a custom function with no entry in functions/strings.ts`);
      continue;
    }
    if (f.description !== s.description.en) found.push(`${f.id}: the JSDoc says "${f.description}", strings.ts says "${s.description.en}"`);
    if (f.parameters.length !== s.parameters.length) {
      found.push(`${f.id}: ${f.parameters.length} parameters in the JSDoc, ${s.parameters.length} in strings.ts`);
      continue;
    }
    f.parameters.forEach((p, i) => {
      const sp = s.parameters[i];
      const at = `${f.id} parameter ${i + 1}`;
      if (p.name !== sp.name.en) found.push(`${at}: named "${p.name}" in functions.ts, "${sp.name.en}" in strings.ts`);
      if (p.description !== sp.description.en) found.push(`${at}: the JSDoc says "${p.description}", strings.ts says "${sp.description.en}"`);
      if (Boolean(p.optional) !== Boolean(sp.optional)) found.push(`${at}: optional is ${Boolean(p.optional)} in functions.ts, ${Boolean(sp.optional)} in strings.ts`);
    });
  }
  const generated = new Set(metadata.functions.map((f) => f.id));
  for (const s of strings) if (!generated.has(s.id)) found.push(`${s.id}: in strings.ts but not a custom function of functions.ts`);
  return found;
}

/**
 * The metadata as Excel should load it. allowErrorForDataTypeAny lets a cell holding #N/A reach
 * an `any` parameter as an error value, so one bad row of a range gets its own error with a
 * message instead of the whole call failing; custom-functions-metadata cannot emit the flag.
 */
export function forExcel(metadata: FunctionsMetadata): FunctionsMetadata {
  return { ...metadata, allowErrorForDataTypeAny: true };
}

/** The zh-CN metadata: the same functions, ids, names, types and shapes with Chinese descriptions and parameter names. */
export function localized(metadata: FunctionsMetadata, strings: readonly FunctionStrings[] = FUNCTION_STRINGS): FunctionsMetadata {
  const byId = new Map(strings.map((s) => [s.id, s]));
  return {
    ...metadata,
    functions: metadata.functions.map((f) => {
      const s = byId.get(f.id);
      if (!s) throw new Error(`${f.id} has no strings in functions/strings.ts`);
      return {
        ...f,
        description: s.description.zh,
        parameters: f.parameters.map((p, i) => ({ ...p, name: s.parameters[i].name.zh, description: s.parameters[i].description.zh })),
      };
    }),
  };
}
