import { templateSchema, type Template } from "./schema";

/** A template that does not match its schema: names the template and every bad field. */
export class TemplateError extends Error {
  constructor(
    readonly templateId: string,
    readonly issues: string[],
  ) {
    super(`template ${templateId} is malformed:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
    this.name = "TemplateError";
  }
}

/** Validates raw template data; throws TemplateError naming the template and each field. */
export function loadTemplate(raw: unknown): Template {
  const parsed = templateSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const id = typeof raw === "object" && raw !== null && typeof (raw as { id?: unknown }).id === "string" ? (raw as { id: string }).id : "(no id)";
  throw new TemplateError(
    id,
    parsed.error.issues.map((issue) => `${issue.path.length ? issue.path.join(".") : "(template)"}: ${issue.message}`),
  );
}

/** Where a template cites a document: the path of a `source` (zod's path form) and the file or link it names. */
export interface Citation {
  path: (string | number)[];
  doc: string;
}

/**
 * Every `source` of a template, wherever the schema puts one (the template's own, each section,
 * item, input note, condition, feed, note and pledge), each before those nested in it. Built-in
 * templates must cite seed files (templates/catalogue.ts), loaded ones must not (templates/user.ts).
 * The sample data is not walked: it is answers, not rules, and cites nothing.
 */
export function citations(template: unknown): Citation[] {
  const found: Citation[] = [];
  const pending: [(string | number)[], unknown][] = [[[], template]];
  while (pending.length > 0) {
    const [path, value] = pending.pop() as [(string | number)[], unknown];
    if (typeof value !== "object" || value === null) continue;
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    const next: [(string | number)[], unknown][] = [];
    for (const [key, v] of entries) {
      if (path.length === 0 && key === "sample") continue;
      const doc = (v as { doc?: unknown } | null)?.doc;
      if (key === "source" && typeof doc === "string") found.push({ path: [...path, key, "doc"], doc });
      else next.push([[...path, key], v]);
    }
    // Pushed last-first, so the walk visits the template in its own order.
    pending.push(...next.reverse());
  }
  return found;
}
