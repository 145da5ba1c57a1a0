import type { Text } from "../templates/schema";

/** A failure of an Excel action with its cause in both languages (and Office's own code and words). */
export class ActionError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
    this.name = "ActionError";
  }
}

/** The cause of a failure in the user's language. */
export function causeOf(e: unknown, lang: "zh" | "en"): string {
  if (e instanceof ActionError) return e.text[lang];
  return e instanceof Error ? e.message : String(e);
}
