import { InputError, MAX_PROBLEM_LINES, type CliIO } from "./io";
import { describeProblem, fieldName, type Problem } from "../core/problems";
import type { Lang } from "./context";
import type { Text } from "../../templates/schema";
import { cellTextProblem } from "../xlsx/cell-text";
import { describeJsonSyntaxError } from "../core/json-syntax";

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
    const syntax = describeJsonSyntaxError(body, (e as Error).message);
    throw new InputError([`${path}: ${syntax.zh} / ${syntax.en}`]);
  }
  const unwritable = unwritableTexts(doc);
  if (unwritable.length > 0) throw new InputError(unwritable.map(({ field, problem }) => `${path}: ${fieldName(field, "zh")}: ${problem.zh} / ${fieldName(field, "en")}: ${problem.en}`));
  return doc;
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
