import { describeProblem } from "../core/problems";
import type { CellValue } from "../sheets/plan";
import { findings, type ResultCheck, type Scalar, type SheetReport } from "../sheets/check-sheet";
import { extractWorkbook } from "../xlsx/extract";
import { UnreadableWorkbook } from "../xlsx/gate";
import { readWorkbookInput, unreadable } from "./files";
import { InputError, UsageError } from "./io";
import type { CommandContext, Lang } from "./context";
import { renderTable } from "./text-table";

/**
 * `assessbook extract <in.xlsx>`: reads back every sheet Assessbook built and compares each
 * result cell with the engine. Exit 0 once the workbook is read, whatever the comparison
 * found: a disagreement, or a sheet never recalculated, is a finding reported per cell, not a
 * failure of the command. Exit 1 when the file cannot be read, holds no Assessbook sheet, or
 * holds answers the engine refuses (one line per answer on standard error, naming its cell).
 */
export async function extractCommand({ io, json, lang, args }: CommandContext): Promise<void> {
  if (args.length !== 1) throw new UsageError("extract 需要一个 <in.xlsx> / extract needs one <in.xlsx>");
  const [path] = args;
  const reports = await read(path);
  if (reports.every((r) => r.status === "not-assessbook")) {
    throw new InputError([`${path}: 没有 Assessbook 生成的工作表（未找到标记） / no sheet built by Assessbook (no marker found)`]);
  }
  io.out(json ? JSON.stringify({ file: path, sheets: reports.map((r) => toJson(r, lang)) }, null, 2) : render(path, reports, lang));
  const refused = reports.flatMap((r) => r.problems.map((p) => `${r.sheet}${p.cell ? `!${p.cell}` : ""} ${describeProblem(p, lang)}`));
  if (reports.some((r) => r.status === "invalid-answers")) throw new InputError(refused);
}

/** Through the reading gate: a FIFO, a device, a file over 20 MB or a zip bomb is refused with its reason, never read. */
async function read(path: string): Promise<SheetReport[]> {
  const bytes = await readWorkbookInput(path);
  try {
    return await extractWorkbook(bytes);
  } catch (e) {
    if (e instanceof UnreadableWorkbook) throw unreadable(path, e);
    // Whatever else failed inside a stranger's file is said in words, never as a library's message, stack or URL.
    throw new InputError([`${path}: 不是可读取的 .xlsx 工作簿：内容无法解析 / not a readable .xlsx workbook: its content cannot be parsed`]);
  }
}

function toJson(r: SheetReport, lang: Lang) {
  return { ...r, findings: findings(r).length, problems: r.problems.map((p) => ({ ...p, message: p.message[lang] })) };
}

const STATUS: Record<Exclude<SheetReport["status"], "checked">, { zh: string; en: string }> = {
  "not-calculated": {
    zh: "尚未经电子表格计算（文件中没有公式结果，或只有 Assessbook 写入时算出的结果），请用 Excel、WPS 或 LibreOffice 打开并保存后再提取",
    en: "not calculated by a spreadsheet yet (the file holds no formula results, or only those Assessbook computed when writing it); open and save it in Excel, WPS or LibreOffice, then extract again",
  },
  "invalid-answers": { zh: "填报内容无法识别，未能核对（见标准错误输出）", en: "answers the engine refuses, not checked (see standard error)" },
  "other-version": { zh: "由其他版本的 Assessbook 生成，单元格位置可能不同，未核对", en: "built by another version of Assessbook whose cells may sit elsewhere; not checked" },
  "unknown-template": { zh: "本版本没有这种工作表，未核对", en: "a sheet this version does not know; not checked" },
  "invalid-params": { zh: "标记中的参数无效（可能被手工修改），未核对", en: "the marker's parameters are invalid (edited by hand?); not checked" },
  "not-assessbook": { zh: "不是 Assessbook 生成的工作表，已跳过", en: "not built by Assessbook; skipped" },
};

function render(path: string, reports: SheetReport[], lang: Lang): string {
  const zh = lang === "zh";
  const lines = [path];
  for (const r of reports) {
    const name = r.template ? (zh ? `${r.sheet}（${r.template}）` : `${r.sheet} (${r.template})`) : r.sheet;
    const answered = Object.keys(r.inputs).length;
    const read = zh ? `读回 ${answered} 项填报` : `${answered} answers read`;
    // Answers a formula gave (issue 15): read by its last result, which the next recalculation may change.
    for (const f of r.formulas) lines.push(`${name}${zh ? "：" : ": "}${f.cell} ${zh ? `输入单元格含公式（=${f.formula}），按其上次计算的结果读取` : `the input cell holds a formula (=${f.formula}), read by its last calculated result`}`);
    if (r.status !== "checked") {
      // A sheet of another template version says which version it is and what to do (issue 12).
      // So does a sheet of a loaded template that is missing: which template and version to load.
      const why = (r.status === "other-version" || r.status === "unknown-template") && r.problems.length ? r.problems[0].message[lang] : STATUS[r.status][lang];
      lines.push(`${name}${zh ? "：" : ": "}${r.status === "not-calculated" ? `${read}；` : ""}${why}`);
      continue;
    }
    if (r.checks.length === 0) {
      lines.push(`${name}${zh ? "：" : ": "}${read}${zh ? "；没有需要核对的结果" : "; no results to check"}`);
      continue;
    }
    const compared = r.checks.filter((c) => c.verdict !== "no-engine-value").length;
    const found = findings(r);
    const summary = zh
      ? `${read}；核对 ${compared} 个结果，${found.length === 0 ? "全部与计算核心一致" : `${found.length} 处与计算核心不一致`}`
      : `${read}; ${compared} results compared, ${found.length === 0 ? "all agree with the engine" : `${found.length} disagree with the engine`}`;
    lines.push(`${name}${zh ? "：" : ": "}${summary}`);
    if (found.length > 0) lines.push(indent(findingTable(found, lang)));
  }
  return lines.join("\n");
}

const VERDICT_WORDS = {
  disagree: { zh: "不一致", en: "differs" },
  error: { zh: "公式出错", en: "formula error" },
  overwritten: { zh: "公式已被改写", en: "formula overwritten" },
} as const;

function findingTable(found: ResultCheck[], lang: Lang): string {
  const zh = lang === "zh";
  return renderTable(
    zh ? ["单元格", "结果", "表中", "计算核心", "说明"] : ["cell", "result", "sheet", "engine", "finding"],
    found.map((c) => [c.cell, c.key, show(c.sheet), show(c.engine), VERDICT_WORDS[c.verdict as keyof typeof VERDICT_WORDS][lang]]),
  );
}

function show(v: Scalar | CellValue | { error: string } | undefined): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "object") return v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n");
}
