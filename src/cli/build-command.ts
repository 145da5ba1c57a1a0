import { describeProblem, type Problem } from "../core/problems";
import { checkParams } from "../sheets/params";
import type { SheetPlan } from "../sheets/plan";
import { findSheetTemplate, sheetTemplates, type Params, type SheetTemplate } from "../sheets/registry";
import { writeWorkbook } from "../xlsx/writer";
import { exists, writeAtomically } from "./files";
import { InputError, UsageError } from "./io";
import type { CommandContext, Lang } from "./context";
import { readJson } from "./read-json";
import { renderTable } from "./text-table";

/**
 * `assessbook build <sheet>... -o out.xlsx`: one workbook, one sheet per template named, with
 * its native formulas, validations and print setup; --data fills the answer cells.
 *
 * An existing output file is kept unless --force is given: that is exit 1 (the command line
 * is well formed, the file system refused it), with a message that says how to overwrite.
 */
export async function buildCommand({ io, json, lang, args, options }: CommandContext): Promise<void> {
  const templates = chooseTemplates(args, options.all);
  if (options.all && options.data !== undefined) throw new UsageError("--all 使用各工作表的示例数据，不能与 --data 同用 / --all uses each sheet's sample data and cannot be combined with --data");
  const output = options.output;
  if (output === undefined) throw new UsageError("build 需要 -o <out.xlsx> / build needs -o <out.xlsx>");
  if (!/\.xlsx$/i.test(output)) throw new UsageError(`输出文件应以 .xlsx 结尾 / the output file must end in .xlsx: ${output}`);
  const params = paramsFor(templates, options.param, lang);
  if (!options.force && (await exists(output))) throw new InputError([`${output}: 文件已存在，加 --force 覆盖 / already exists; add --force to overwrite it`]);

  const doc = options.data === undefined ? undefined : await readJson(io, options.data);
  const data = options.all ? templates.map((t) => t.sample()) : dataFor(templates, doc);
  const plans = renderAll(templates, params, data, lang);
  const written = await writeWorkbook(plans);
  await writeAtomically(output, written.bytes);

  const sheets = templates.map((t, i) => ({ sheet: written.sheetNames[i], template: t.id, params: params[i] }));
  if (json) {
    io.out(JSON.stringify({ output, sheets }, null, 2));
    return;
  }
  const zh = lang === "zh";
  io.out(
    [
      zh ? `已写入 ${output}（${sheets.length} 张工作表）` : `Wrote ${output} (${sheets.length} ${sheets.length === 1 ? "sheet" : "sheets"})`,
      "",
      renderTable(
        zh ? ["工作表", "编号", "参数"] : ["sheet", "id", "parameters"],
        sheets.map((s) => [s.sheet, s.template, Object.entries(s.params).map(([k, v]) => `${k}=${v}`).join(" ")]),
      ),
    ].join("\n"),
  );
}

function chooseTemplates(ids: string[], all: boolean): SheetTemplate[] {
  const available = `可用 / available: ${sheetTemplates().map((t) => t.id).join(", ")}`;
  if (all) {
    if (ids.length > 0) throw new UsageError(`--all 已包含全部工作表，不能再列出编号 / --all builds every sheet; do not also name sheets: ${ids.join(" ")}`);
    return [...sheetTemplates()];
  }
  if (ids.length === 0) throw new UsageError(`build 需要至少一个工作表编号，或 --all / build needs at least one sheet id, or --all（${available}）`);
  const unknown = ids.filter((id) => !findSheetTemplate(id));
  if (unknown.length > 0) throw new UsageError(`未知工作表 / unknown sheet: ${unknown.join(", ")}（${available}）`);
  return ids.map((id) => findSheetTemplate(id) as SheetTemplate);
}

/**
 * `--param key=value` applies to every sheet being built that has that parameter, so one
 * `--param rows=30` sizes all the tables; a key no sheet has is an error, not ignored.
 */
function paramsFor(templates: SheetTemplate[], pairs: string[], lang: Lang): Params[] {
  const given = new Map<string, string>();
  for (const pair of pairs) {
    const m = /^([^=\s]+)=(.*)$/.exec(pair);
    if (!m) throw new UsageError(`--param 应写作 key=value / --param is written key=value, got "${pair}"`);
    given.set(m[1], m[2]);
  }
  const declared = new Set(templates.flatMap((t) => t.params.map((p) => p.key)));
  const stray = [...given.keys()].filter((k) => !declared.has(k));
  if (stray.length > 0) {
    const keys = [...declared].join(", ") || "（无 / none）";
    throw new UsageError(`所选工作表没有参数 / no sheet being built has the parameter: ${stray.join(", ")}（可用 / available: ${keys}）`);
  }
  const lines: string[] = [];
  const params = templates.map((t) => {
    const mine = Object.fromEntries([...given].filter(([k]) => t.params.some((p) => p.key === k)));
    const checked = checkParams(t.params, mine);
    if (checked.ok) return checked.value;
    lines.push(...checked.problems.map((p) => `${t.id}: --param ${describeProblem(p, lang)}`));
    return {};
  });
  if (lines.length > 0) throw new UsageError(lines.join("\n"));
  return params;
}

/** With one sheet the data file is that sheet's data; with several, an object keyed by sheet id. */
function dataFor(templates: SheetTemplate[], doc: unknown): unknown[] {
  if (doc === undefined) return templates.map(() => undefined);
  if (templates.length === 1) return [doc];
  const ids = [...new Set(templates.map((t) => t.id))];
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    throw new InputError([`data: 生成多张工作表时，数据应为以工作表编号为键的对象（${ids.join(", ")}） / with several sheets the data is an object keyed by sheet id (${ids.join(", ")})`]);
  }
  const stray = Object.keys(doc).filter((k) => !ids.includes(k));
  if (stray.length > 0) throw new InputError(stray.map((k) => `data.${k}: 不是本次生成的工作表；可用：${ids.join(", ")} / not a sheet being built; the sheets are ${ids.join(", ")}`));
  return templates.map((t) => (doc as Record<string, unknown>)[t.id]);
}

function renderAll(templates: SheetTemplate[], params: Params[], data: unknown[], lang: Lang): SheetPlan[] {
  const lines: string[] = [];
  const plans = templates.map((t, i) => {
    const rendered = t.render(params[i], data[i]);
    if (rendered.ok) return rendered.value;
    // Several sheets: say which one the field belongs to.
    const prefix = templates.length > 1 ? `${t.id}: ` : "";
    lines.push(...rendered.problems.map((p: Problem) => prefix + describeProblem(p, lang)));
    return null;
  });
  if (lines.length > 0) throw new InputError(lines);
  return plans as SheetPlan[];
}
