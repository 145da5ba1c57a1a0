import { parseArgs } from "node:util";
import { EXIT, InputError, UsageError, processIO, type CliIO } from "./io";
import { listCommand } from "./list-command";
import { scoreCommand } from "./score-command";
import { tierCommand } from "./tier-command";

export type Lang = "zh" | "en";

export interface CommandContext {
  io: CliIO;
  json: boolean;
  lang: Lang;
  args: string[];
}

const USAGE = `用法 / usage:
  assessbook list [--json]                          列出评分表、认定方案与模板 / list rubrics, schemes, templates
  assessbook score <rubric> <inputs.json|-> [--json] 按评分表计分 / score answers on a rubric
  assessbook tier <scheme> <inputs.json|-> [--json]  认定等级自检 / check recognition tiers
选项 / options: --json  机器可读输出 / machine-readable output
                --lang zh|en  输出语言 / output language (default zh)`;

const COMMANDS: Record<string, (ctx: CommandContext) => Promise<void> | void> = {
  list: listCommand,
  score: scoreCommand,
  tier: tierCommand,
};

/** Runs the command line and returns the exit code; never throws. */
export async function run(argv: string[], io: CliIO = processIO): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: "boolean", default: false },
        lang: { type: "string", default: "zh" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
    if (values.help) {
      io.out(USAGE);
      return EXIT.ok;
    }
    const [name, ...args] = positionals;
    const command = name === undefined ? undefined : COMMANDS[name];
    if (!command) throw new UsageError(name === undefined ? "缺少命令 / missing command" : `未知命令 / unknown command: ${name}`);
    if (values.lang !== "zh" && values.lang !== "en") throw new UsageError(`--lang 应为 zh 或 en / --lang must be zh or en, got ${values.lang}`);
    await command({ io, json: values.json, lang: values.lang, args });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof InputError) {
      for (const line of e.lines) io.err(line);
      return EXIT.invalidInput;
    }
    if (e instanceof UsageError || isParseArgsError(e)) {
      io.err(`assessbook: ${(e as Error).message}`);
      io.err(USAGE);
      return EXIT.usage;
    }
    throw e;
  }
}

function isParseArgsError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}
