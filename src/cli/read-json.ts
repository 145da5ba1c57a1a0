import { InputError, type CliIO } from "./io";
import { describeProblem, type Problem } from "../core/problems";
import type { Lang } from "./main";

/** Reads the answers document (a file or "-" for standard input) as JSON. */
export async function readJson(io: CliIO, path: string): Promise<unknown> {
  let text: string;
  try {
    text = await io.read(path);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "文件不存在 / no such file" : (e as Error).message;
    throw new InputError([`${path}: 无法读取 / cannot read: ${reason}`]);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new InputError([`${path}: 不是有效的 JSON / not valid JSON: ${(e as Error).message}`]);
  }
}

/** One line per problem, naming the input code: what exit code 1 prints. */
export function inputError(problems: Problem[], lang: Lang): InputError {
  return new InputError(problems.map((p) => describeProblem(p, lang)));
}
