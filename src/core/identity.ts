/**
 * When two written names are the same enterprise, expert or project (issue 15): the key the
 * duplicate checks, 第十三条 (ruling T1) and the expert panels compare.
 *
 * NFKC first, so full-width letters, digits, brackets and spaces (typed by a Chinese IME) fold
 * into their ordinary forms; then every default-ignorable code point (Unicode's
 * Default_Ignorable_Code_Point: zero-width spaces and joiners U+200B–200F, word joiner and
 * invisible operators U+2060–206F, BOM U+FEFF, soft hyphen U+00AD, U+034F, variation selectors
 * U+FE00–FE0F, Hangul fillers U+115F/1160/3164/FFA0, Mongolian selectors U+180B–180F, tags
 * U+E0000–E0FFF …) and every space is removed: characters nobody sees cannot make a second
 * enterprise or a second expert. Traditional and simplified characters are different
 * characters and stay apart (廣州 is not 广州): folding them needs a dictionary, and a clerk
 * reading both spellings decides better than a table would.
 */

const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
const SPACES = /\s+/gu;

/** The key two names are compared by; "" for a name that is only invisible characters and spaces. */
export function identityKey(name: string): string {
  return name.normalize("NFKC").replace(INVISIBLE, "").replace(SPACES, "");
}

/**
 * The spellings among names of one identityKey that differ only by characters nobody sees
 * ("王工" and "王工\u200B"), each once as written (trimmed), invisible characters as escapes;
 * empty when they differ by nothing or only visibly (spaces, full-width forms: the clerk sees
 * those in the rows themselves).
 */
export function invisibleVariants(names: readonly string[]): string[] {
  const byVisible = new Map<string, string>();
  for (const name of names) {
    const visible = name.normalize("NFKC").replace(SPACES, "");
    if (!byVisible.has(visible)) byVisible.set(visible, name.trim());
  }
  return byVisible.size > 1 ? [...byVisible.values()].map(showInvisible) : [];
}

/** The invisible (default-ignorable) characters in a text, with their 1-based character positions. */
export function invisibleChars(text: string): { position: number; codePoint: number }[] {
  const found: { position: number; codePoint: number }[] = [];
  Array.from(text).forEach((ch, i) => {
    if (/^\p{Default_Ignorable_Code_Point}$/u.test(ch)) found.push({ position: i + 1, codePoint: ch.codePointAt(0) as number });
  });
  return found;
}

/** "U+200B" */
export function codePointName(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * The text with its invisible characters and controls written as \u escapes, so two spellings
 * that look identical can be told apart on screen ("王工\u200B").
 */
export function showInvisible(text: string): string {
  return text.replace(/[\p{Default_Ignorable_Code_Point}\p{Cc}]/gu, (ch) => escapeChar(ch.codePointAt(0) as number));
}

/** \u001B for the BMP, \u{E0001} beyond it. */
export function escapeChar(cp: number): string {
  const hex = cp.toString(16).toUpperCase();
  return cp > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, "0")}`;
}
