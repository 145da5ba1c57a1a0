import { InputError, MAX_PROBLEM_LINES, type CliIO } from "./io";
import { describeProblem, fieldName, type Problem } from "../core/problems";
import type { Lang } from "./context";
import type { Text } from "../../templates/schema";
import { cellTextProblem } from "../xlsx/cell-text";

/** Reads the answers document (a file or "-" for standard input) as JSON. */
export async function readJson(io: CliIO, path: string): Promise<unknown> {
  let text: string;
  try {
    text = await io.read(path);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "文件不存在 / no such file" : (e as Error).message;
    throw new InputError([`${path}: 无法读取 / cannot read: ${reason}`]);
  }
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") throw new InputError([path === "-" ? "标准输入为空 / standard input is empty" : `${path}: 文件为空 / the file is empty`]);
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (e) {
    throw new InputError([syntaxError(path, body, (e as Error).message)]);
  }
  const unwritable = unwritableTexts(doc);
  if (unwritable.length > 0) throw new InputError(unwritable.map(({ field, problem }) => `${path}: ${fieldName(field, "zh")}: ${problem.zh} / ${fieldName(field, "en")}: ${problem.en}`));
  return doc;
}

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

/**
 * A JSON syntax error as a clerk can find it: line and column (1-based, counted in characters as
 * an editor counts them), and, when the character there is full-width punctuation typed by a
 * Chinese IME (“ ” ， ：), which ASCII character JSON needs instead. The engine's own words
 * follow in English. The place is found by syntaxErrorAt, not read from the engine's message,
 * whose wording (and whether it gives a position at all) differs between Node versions.
 */
function syntaxError(path: string, text: string, message: string): string {
  const at = syntaxErrorAt(text) ?? text.length;
  const engine = message.replace(/ in JSON at position \d+.*$/s, "").replace(/,\s*".*" is not valid JSON$/s, "").replace(/\s*\(line \d+ column \d+\)$/, "");
  if (at >= text.length) {
    return `${path}: 不是有效的 JSON：内容在结尾处不完整（缺少 }、] 或 "？） / not valid JSON: it ends too early (a missing }, ] or "?) (${engine})`;
  }
  const before = Array.from(text.slice(0, at));
  const line = before.filter((c) => c === "\n").length + 1;
  const column = before.length - (before.lastIndexOf("\n") + 1) + 1;
  const found = Array.from(text.slice(at))[0];
  const punctuation = FULL_WIDTH_PUNCTUATION[found];
  const hint = punctuation
    ? { zh: `：「${found}」是${punctuation.zh}，JSON 须用半角 ${punctuation.ascii}`, en: `: "${found}" is ${punctuation.en}; JSON needs the ASCII ${punctuation.ascii}` }
    : { zh: "", en: "" };
  return `${path}: 不是有效的 JSON，第 ${line} 行第 ${column} 列${hint.zh} / not valid JSON at line ${line}, column ${column}${hint.en} (${engine})`;
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

/**
 * The strings of the document a workbook cannot hold (src/xlsx/cell-text.ts: a "\uFFFE" escape,
 * a control character, more than 32,767 characters), each named by its field as Problems name
 * data paths ("rows[2].mobile"): refused here, where the field is known, rather than by the
 * writer. Walked without recursion, so a deeply nested document cannot overflow the stack, and
 * a path is spelt out only for a container or a refused text (a document may hold a million keys).
 */
function unwritableTexts(doc: unknown): { field: string; problem: Text }[] {
  const found: { field: string; problem: Text }[] = [];
  const check = (field: string, text: string) => {
    const problem = cellTextProblem(text);
    if (problem) found.push({ field: field || "(document)", problem });
  };
  const pending: [string, unknown][] = [["", doc]];
  while (pending.length > 0) {
    const [field, value] = pending.pop() as [string, unknown];
    if (typeof value === "string") check(field, value);
    else if (typeof value === "object" && value !== null) {
      const container = value as Record<string, unknown>;
      for (const key of Object.keys(container)) {
        const v = container[key];
        // Most values are good texts or numbers: passed over without spelling their path.
        if (typeof v === "string" ? cellTextProblem(v) === null : typeof v !== "object" || v === null) continue;
        const path = Array.isArray(value) ? `${field}[${key}]` : field ? `${field}.${key}` : key;
        if (typeof v === "string") check(path, v);
        else pending.push([path, v]);
      }
    }
  }
  return found;
}

/** One line per problem, naming the input code: what exit code 1 prints (only the lines it shows are spelt out). */
export function inputError(problems: Problem[], lang: Lang): InputError {
  return new InputError(problems.slice(0, MAX_PROBLEM_LINES).map((p) => describeProblem(p, lang)), problems.length);
}
