import { fail, ok, problem, type Problem, type Result } from "../core/problems";
import type { ParamDef, Params } from "./sheet-template";

/**
 * A sheet's parameters checked against its ParamDefs, defaults filled in: what `build --param`
 * passes to a renderer, and what extract re-checks in a marker a user may have edited. Values
 * may arrive as text (the command line) or as numbers (a marker's JSON). Problem code: the key.
 */
export function checkParams(defs: readonly ParamDef[], given: Readonly<Record<string, unknown>>): Result<Params> {
  const problems: Problem[] = [];
  const params: Params = {};
  const keys = defs.map((d) => d.key).join(", ") || "（无 / none）";
  for (const key of Object.keys(given)) {
    if (!defs.some((d) => d.key === key)) problems.push(problem(key, `不是本工作表的参数；可用参数：${keys}`, `not a parameter of this sheet; its parameters are ${keys}`));
  }
  for (const def of defs) {
    const raw = given[def.key];
    if (raw === undefined) {
      params[def.key] = def.default;
      continue;
    }
    const value = def.type === "integer" ? readInteger(def, raw) : readChoice(def, raw);
    if (typeof value === "object") problems.push(value);
    else params[def.key] = value;
  }
  return problems.length > 0 ? fail(problems) : ok(params);
}

function readInteger(def: ParamDef, raw: unknown): number | Problem {
  const n = typeof raw === "number" ? raw : typeof raw === "string" && /^\s*[+-]?\d+\s*$/.test(raw) ? Number(raw) : NaN;
  const range = `${def.min ?? "−∞"}–${def.max ?? "∞"}`;
  if (!Number.isInteger(n)) return problem(def.key, `${def.label.zh}应为整数（${range}），收到“${String(raw)}”`, `${def.label.en} is a whole number (${range}), got "${String(raw)}"`);
  if ((def.min !== undefined && n < def.min) || (def.max !== undefined && n > def.max)) {
    return problem(def.key, `${def.label.zh}应在 ${range} 之间，收到 ${n}`, `${def.label.en} must be within ${range}, got ${n}`);
  }
  return n;
}

/** A choice by its value, or by its Chinese or English label, as people type either. */
function readChoice(def: ParamDef, raw: unknown): string | Problem {
  const options = def.options ?? [];
  const s = String(raw).trim();
  const found = options.find((o) => o.value === s || o.label.zh === s || o.label.en.toLowerCase() === s.toLowerCase());
  if (found) return found.value;
  const list = options.map((o) => `${o.value}（${o.label.zh}）`).join(" / ");
  const listEn = options.map((o) => `${o.value} (${o.label.en})`).join(" / ");
  return problem(def.key, `${def.label.zh}应为以下之一：${list}，收到“${s}”`, `${def.label.en} is one of ${listEn}, got "${s}"`);
}
