/** The CLI run in-process, as tests/cli does, for the hostile-file tests. */
import { readFileSync } from "node:fs";
import type { CliIO } from "../../src/cli/io";
import { run } from "../../src/cli/main";

export async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), read: async (path) => readFileSync(path, "utf8") };
  const code = await run(args, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}
