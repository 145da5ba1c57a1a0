/**
 * `assessbook template check <file>...`: what a template file's author runs before giving it to
 * anyone. Each file (or each *.json file of a directory) is checked as `--templates` would load it
 * (templates/user.ts); a good one is summed up (kind, id, version, title, its issuing document and
 * the sheet ids it makes), a bad one listed with every problem, its JSON path and what was
 * expected there. Exit 1 when any file has a problem. Loads zod, as loading templates does.
 */
import { sheetIdsOf } from "../../templates/index";
import type { Template } from "../../templates/schema";
import { TemplateFileError, type TemplateProblem } from "../../templates/user";
import { KIND_NAMES } from "./kind-names";
import type { CommandContext, Lang } from "./context";
import { EXIT, MAX_PROBLEM_LINES, UsageError } from "./io";
import { readTemplateFile, templateFilesIn } from "./template-files";

interface Summary {
  kind: Template["kind"];
  id: string;
  version: number;
  title: Template["title"];
  document: Template["document"];
  sheets: string[];
}

type FileReport = { file: string; ok: true; templates: Summary[] } | { file: string; ok: false; problems: TemplateProblem[] };

export async function templateCommand({ io, json, lang, args }: CommandContext): Promise<number> {
  const [action, ...paths] = args;
  if (action !== "check") throw new UsageError(action === undefined ? "缺少 template 的操作 / template needs an action: check" : `未知操作 / unknown action: template ${action}`);
  if (paths.length === 0) throw new UsageError("template check 需要至少一个文件 / template check needs at least one file");
  const reports: FileReport[] = [];
  for (const path of paths) {
    let files: string[];
    try {
      files = await templateFilesIn(path);
    } catch (e) {
      reports.push(failed(e));
      continue;
    }
    for (const file of files) {
      try {
        reports.push({ file, ok: true, templates: (await readTemplateFile(file)).map(summary) });
      } catch (e) {
        reports.push(failed(e));
      }
    }
  }
  if (json) io.out(JSON.stringify({ files: reports }, null, 2));
  else io.out(reports.map((r) => describe(r, lang)).join("\n"));
  return reports.every((r) => r.ok) ? EXIT.ok : EXIT.invalidInput;
}

function failed(e: unknown): FileReport {
  if (!(e instanceof TemplateFileError)) throw e;
  return { file: e.file, ok: false, problems: e.problems };
}

function summary(t: Template): Summary {
  return { kind: t.kind, id: t.id, version: t.version, title: t.title, document: t.document, sheets: sheetIdsOf(t) };
}

function describe(r: FileReport, lang: Lang): string {
  if (!r.ok) {
    const shown = r.problems.slice(0, MAX_PROBLEM_LINES).map((p) => `  ${p.path}: ${p.message}`);
    const more = r.problems.length - shown.length;
    if (more > 0) shown.push(`  …及另外 ${more} 项 / … and ${more} more`);
    return [`${r.file}: ${r.problems.length} 处问题 / ${r.problems.length} problem${r.problems.length === 1 ? "" : "s"}`, ...shown].join("\n");
  }
  const zh = lang === "zh";
  const lines = r.templates.flatMap((t) => {
    const d = t.document;
    const cites = [d.reference, d.issuer[lang], String(d.year), d.file ?? ""].filter(Boolean).join(zh ? "，" : ", ");
    return zh
      ? [`  ${KIND_NAMES[t.kind].zh} ${t.id} 第 ${t.version} 版：${t.title.zh}`, `    依据：${cites}`, `    工作表：${t.sheets.join(", ")}`]
      : [`  ${KIND_NAMES[t.kind].en} ${t.id} version ${t.version}: ${t.title.en}`, `    issued as: ${cites}`, `    sheets: ${t.sheets.join(", ")}`];
  });
  return [`${r.file}: ${zh ? "正确" : "valid"}`, ...lines].join("\n");
}
