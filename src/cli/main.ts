import { parseArgs } from "node:util";
import type { CommandContext, CommandOptions } from "./context";
import { EXIT, InputError, UsageError, processIO, terminalSafe, type CliIO } from "./io";

/**
 * The whole help text. Built when it is printed (--help, a usage error): its recommender lines
 * come from the catalogue of sheets, which `score` and `tier` have no reason to load.
 */
async function usage(): Promise<string> {
  const recommenders = recommenderLines((await import("./list-command")).recommenderChoices());
  return `用法 / usage:
  assessbook list [--json]                          列出评分表、认定方案、模板与工作表 / list rubrics, schemes, templates, sheets
  assessbook score <rubric> <inputs.json|-> [--json] 按评分表计分 / score answers on a rubric
  assessbook tier <scheme> <inputs.json|-> [--json]  认定等级自检 / check recognition tiers
  assessbook build <sheet>... -o <out.xlsx> [--data <data.json|->] [--param key=value]... [--force] [--json]
                                                    生成带公式的官方工作表 / build official sheets into one workbook
  assessbook build --all -o <out.xlsx> [--force]    全部工作表，填入示例数据 / every sheet, filled with sample data
  assessbook extract <in.xlsx> [--json]             读回工作表并用计算核心复核 / read sheets back and check them against the engine
  assessbook export <in.xlsx> [--sheet <name>] --format docx|pdf -o <out> [--force] [--json]
  assessbook export <template> --data <data.json|-> --format docx|pdf -o <out> [--force]
                                                    导出推荐汇总表或申报表为 Word / PDF / export a summary table or form as Word or PDF
  assessbook merge <source.xlsx>... -o <out.xlsx> (--into <summary.xlsx> [--sheet <name>] | --template <summary> [--recommender <id>])
                   [--keep <row,...>] [--drop <row,...>] [--confirm <code>] [--force] [--json]
                                                    合并报送的工作簿到推荐汇总表：先预览，确认后写入 / merge submissions into a summary table: preview, then write once confirmed
  assessbook merge <expert.xlsx>... -o <out.xlsx> --template <rubric>-panel [--keep <id,...>] [--confirm <code>]
                                                    合并各专家的评分表为专家组评分表 / merge experts' scoring sheets into panel sheets
  assessbook template check <template.json|dir>... [--json]
                                                    检查模板文件，列出每处问题及其 JSON 路径 / check template files: every problem with its JSON path
选项 / options: --json  机器可读输出 / machine-readable output
                --lang zh|en  输出语言 / output language (default zh)
                --templates <file|dir>  加载模板文件（可重复）/ load template files (repeatable), for every command
                -o, --output  输出文件 / output file (.xlsx, .docx, .pdf); --force 覆盖已有文件 / overwrite an existing file
                --data  填入的答案 / answers to fill in; --param  工作表参数 / sheet parameter; --all  全部工作表及示例数据 / every sheet with sample data
                --keep  写入有误的行 / write these invalid rows; --drop  不写入这些行 / leave these rows out
                --confirm  预览给出的确认码：写入正是预览的这些行 / the code the preview printed: write exactly the rows it showed
                --format docx|pdf  导出格式（PDF 需要 LibreOffice）/ export format (PDF needs LibreOffice); --sheet  工作簿中的表 / the sheet of the workbook
                --recommender  推荐单位类别 / recommender category (merge --template, build --param recommender=):
${recommenders}
退出码 / exit codes: 0 成功 / done; 1 输入有误 / invalid input; 2 用法错误 / usage; 3 已预览、未确认、未写入 / previewed, not confirmed, nothing written`;
}

/**
 * The lines of the help text for one command: each "  assessbook <name> …" line with the lines that
 * continue it (indented further). A usage error prints these, not the whole help.
 */
export async function usageOf(name: string): Promise<string> {
  const lines = (await usage()).split("\n");
  const picked: string[] = [];
  let inside = false;
  for (const line of lines) {
    if (/^ {2}assessbook /.test(line)) inside = line.startsWith(`  assessbook ${name} `);
    else if (!/^ {3,}/.test(line)) inside = false;
    if (inside) picked.push(line);
  }
  return picked.join("\n");
}

/** What a usage error prints after its message: the command's usage lines, or the commands when none is at hand. */
async function usageHint(name: string | undefined): Promise<string> {
  const lines = name !== undefined && COMMANDS[name] ? await usageOf(name) : "";
  const more = "完整用法见 assessbook --help / assessbook --help shows everything";
  if (lines) return `用法 / usage:\n${lines}\n${more}`;
  return `用法 / usage: assessbook <命令 / command> … — 命令 / commands: ${Object.keys(COMMANDS).join(", ")}\n${more}`;
}

/** One line per summary table: its recommender categories with their limits, the default first and marked. */
function recommenderLines(choices: ReturnType<typeof import("./list-command").recommenderChoices>): string {
  return choices
    .map((r) => `                  ${r.sheet}: ${[...r.choices].sort((a, b) => Number(b.id === r.default) - Number(a.id === r.default)).map((c) => `${c.id}${c.id === r.default ? "（默认 / default）" : ""} ${c.name.zh}（上限 ${c.limit} 项）`).join(", ")}`)
    .join("\n");
}

type CommandOption = keyof CommandOptions;

/** A command returns its exit code when success is not simply 0 (merge: previewed but not confirmed). */
type Command = (ctx: CommandContext) => Promise<void | number> | void;

/**
 * Each command's module is loaded when that command runs, not before: `score` and `tier` answer in
 * a fraction of the time it takes to load exceljs, docx, the formula evaluator and the merge code
 * that `build`, `extract`, `export` and `merge` need.
 */
const COMMANDS: Record<string, { load: () => Promise<Command>; options?: readonly CommandOption[] }> = {
  list: { load: async () => (await import("./list-command")).listCommand },
  score: { load: async () => (await import("./score-command")).scoreCommand },
  tier: { load: async () => (await import("./tier-command")).tierCommand },
  build: { load: async () => (await import("./build-command")).buildCommand, options: ["data", "param", "output", "force", "all"] },
  extract: { load: async () => (await import("./extract-command")).extractCommand },
  export: { load: async () => (await import("./export-command")).exportCommand, options: ["data", "output", "force", "sheet", "format"] },
  merge: {
    load: async () => (await import("./merge-command")).mergeCommand,
    options: ["output", "force", "into", "template", "recommender", "sheet", "keep", "drop", "confirm"],
  },
  template: { load: async () => (await import("./template-command")).templateCommand },
};

/** Runs the command line and returns the exit code; never throws. */
export async function run(argv: string[], given: CliIO = processIO): Promise<number> {
  // Everything printed goes through here: text from a stranger's file cannot drive the terminal.
  const io = terminalSafe(given);
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: "boolean", default: false },
        lang: { type: "string", default: "zh" },
        help: { type: "boolean", short: "h", default: false },
        data: { type: "string" },
        param: { type: "string", multiple: true },
        output: { type: "string", short: "o" },
        force: { type: "boolean" },
        all: { type: "boolean" },
        into: { type: "string" },
        template: { type: "string" },
        recommender: { type: "string" },
        sheet: { type: "string" },
        keep: { type: "string", multiple: true },
        drop: { type: "string", multiple: true },
        confirm: { type: "string" },
        format: { type: "string" },
        templates: { type: "string", multiple: true },
      },
    });
    if (values.help) {
      io.out(await usage());
      return EXIT.ok;
    }
    const [name, ...args] = positionals;
    const command = name === undefined ? undefined : COMMANDS[name];
    if (!command) throw new UsageError(name === undefined ? "缺少命令 / missing command" : `未知命令 / unknown command: ${name}`);
    if (values.lang !== "zh" && values.lang !== "en") throw new UsageError(`--lang 应为 zh 或 en / --lang must be zh or en, got ${values.lang}`);
    const options: CommandOptions = {
      data: values.data,
      param: values.param ?? [],
      output: values.output,
      force: values.force ?? false,
      all: values.all ?? false,
      into: values.into,
      template: values.template,
      recommender: values.recommender,
      sheet: values.sheet,
      keep: values.keep ?? [],
      drop: values.drop ?? [],
      confirm: values.confirm,
      format: values.format,
    };
    for (const option of Object.keys(options) as CommandOption[]) {
      if (values[option] !== undefined && !command.options?.includes(option)) throw new UsageError(`${name} 不接受 --${option} / ${name} does not take --${option}`);
    }
    // Before the command loads: it then finds the templates as if they were built in. Loading them
    // loads zod, so a command without --templates starts as fast as before.
    if (values.templates !== undefined) await (await import("./template-files")).loadTemplateFiles(values.templates);
    const code = await (await command.load())({ io, json: values.json, lang: values.lang, args, options });
    return code ?? EXIT.ok;
  } catch (e) {
    if (e instanceof InputError) {
      for (const line of e.lines) io.err(line);
      return EXIT.invalidInput;
    }
    if (e instanceof UsageError || isParseArgsError(e)) {
      io.err(`assessbook: ${(e as Error).message}`);
      // The command at hand is the first word that names one (parseArgs may have failed before positionals were known).
      io.err(await usageHint(argv.find((a) => Object.hasOwn(COMMANDS, a))));
      return EXIT.usage;
    }
    throw e;
  }
}

function isParseArgsError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}
