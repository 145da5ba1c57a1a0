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
