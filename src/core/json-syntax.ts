/**
 * JSON syntax errors a person can act on, for every reader of a JSON text a person wrote: the
 * command line's answers documents (src/cli/read-json.ts) and template files (templates/user.ts).
 * No Node API here: the task pane checks template files with it too.
 */

/** Full-width punctuation a Chinese IME types where JSON needs ASCII, and what to type instead. */
const FULL_WIDTH_PUNCTUATION: Record<string, { zh: string; en: string; ascii: string }> = {
  "“": { zh: "全角左引号", en: "a full-width opening quote", ascii: '"' },
  "”": { zh: "全角右引号", en: "a full-width closing quote", ascii: '"' },
  "‘": { zh: "全角左单引号", en: "a full-width single quote", ascii: '"' },
  "’": { zh: "全角右单引号", en: "a full-width single quote", ascii: '"' },
  "，": { zh: "全角逗号", en: "a full-width comma", ascii: "," },
  "：": { zh: "全角冒号", en: "a full-width colon", ascii: ":" },
  "｛": { zh: "全角左花括号", en: "a full-width brace", ascii: "{" },
  "｝": { zh: "全角右花括号", en: "a full-width brace", ascii: "}" },
  "［": { zh: "全角左方括号", en: "a full-width bracket", ascii: "[" },
  "］": { zh: "全角右方括号", en: "a full-width bracket", ascii: "]" },
};

/** Where a JSON text breaks its grammar and why, in both languages (the file's name is the caller's to add). */
export interface JsonSyntaxError {
  /** 1-based, in characters as an editor counts them; absent when the text ends too early. */
  line?: number;
  column?: number;
  zh: string;
  en: string;
}

/**
 * A JSON syntax error as a clerk can find it: line and column (1-based, counted in characters as
 * an editor counts them), and, when the character there is full-width punctuation typed by a
 * Chinese IME (“ ” ， ：), which ASCII character JSON needs instead. The engine's own words
 * follow in English. The place is found by syntaxErrorAt, not read from the engine's message,
 * whose wording (and whether it gives a position at all) differs between Node versions.
 */
export function describeJsonSyntaxError(text: string, message: string): JsonSyntaxError {
  const at = syntaxErrorAt(text) ?? text.length;
  const engine = message.replace(/ in JSON at position \d+.*$/s, "").replace(/,\s*".*" is not valid JSON$/s, "").replace(/\s*\(line \d+ column \d+\)$/, "");
  if (at >= text.length) {
    return { zh: '不是有效的 JSON：内容在结尾处不完整（缺少 }、] 或 "？）', en: `not valid JSON: it ends too early (a missing }, ] or "?) (${engine})` };
  }
  const before = Array.from(text.slice(0, at));
  const line = before.filter((c) => c === "\n").length + 1;
  const column = before.length - (before.lastIndexOf("\n") + 1) + 1;
  const found = Array.from(text.slice(at))[0];
  const punctuation = FULL_WIDTH_PUNCTUATION[found];
  const hint = punctuation
    ? { zh: `：「${found}」是${punctuation.zh}，JSON 须用半角 ${punctuation.ascii}`, en: `: "${found}" is ${punctuation.en}; JSON needs the ASCII ${punctuation.ascii}` }
    : { zh: "", en: "" };
  return { line, column, zh: `不是有效的 JSON，第 ${line} 行第 ${column} 列${hint.zh}`, en: `not valid JSON at line ${line}, column ${column}${hint.en} (${engine})` };
}

/**
 * The UTF-16 offset of the first character JSON's grammar (RFC 8259) does not allow there, the
 * text's length when it ends too early, or null when it is valid. Iterative: a deeply nested
 * document cannot overflow the stack.
 */
export function syntaxErrorAt(text: string): number | null {
  let i = 0;
  const closers: string[] = [];
  let state: "value" | "key" | "after" = "value";
  const space = () => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  /** Reads a string from its opening quote; false when it is not one (i is at the fault). */
  const string = (): boolean => {
    if (text[i] !== '"') return false;
    for (i++; i < text.length; i++) {
      const c = text[i];
      if (c === '"') {
        i++;
        return true;
      }
      if (c < " ") return false;
      if (c === "\\") {
        i++;
        if (text[i] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) return false;
          i += 4;
        } else if (i < text.length && !'"\\/bfnrt'.includes(text[i])) return false;
      }
    }
    return false;
  };
  const SCALAR = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
  for (;;) {
    space();
    if (state === "value") {
      const c = text[i];
      if (c === "{" || c === "[") {
        i++;
        space();
        if (text[i] === (c === "{" ? "}" : "]")) {
          i++;
          state = "after";
        } else {
          closers.push(c === "{" ? "}" : "]");
          state = c === "{" ? "key" : "value";
        }
      } else if (c === '"') {
        if (!string()) return i;
        state = "after";
      } else {
        SCALAR.lastIndex = i;
        const m = SCALAR.exec(text);
        if (!m) return i;
        i += m[0].length;
        state = "after";
      }
    } else if (state === "key") {
      if (!string()) return i;
      space();
      if (text[i] !== ":") return i;
      i++;
      state = "value";
    } else {
      const closer = closers[closers.length - 1];
      if (closer === undefined) return i < text.length ? i : null;
      if (text[i] === ",") {
        i++;
        state = closer === "}" ? "key" : "value";
      } else if (text[i] === closer) {
        i++;
        closers.pop();
      } else return i;
    }
  }
}
