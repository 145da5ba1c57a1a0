/**
 * How every merge ends (issue 6): the preview is shown, and the result is written only when the
 * user confirms exactly what it showed — at the prompt when a person is at the terminal, or
 * with `--confirm <code>`, the code the preview printed for that result. A code from another
 * preview (a file changed, another --keep) is refused after showing the new preview, so a
 * script never writes what nobody saw. The output is written atomically, never half.
 */
import { createHash } from "node:crypto";
import type { Text } from "../../templates/schema";
import { CellTextError } from "../xlsx/cell-text";
import { writeAtomically } from "./files";
import { EXIT, InputError, type CliIO } from "./io";
import type { CommandContext, Lang } from "./context";

/** What a merge shows and writes, whatever it merges into; the confirmation flow is the same. */
export interface Merge {
  /** confirmationCode of exactly what would be written. */
  code: string;
  /** The rows (or experts) that would be written, for the question and the closing line. */
  count: number;
  /**
   * Why there is nothing to write — no row (or expert sheet) would be added, only what the target
   * already holds — or null. Then the preview is shown, this is said, and no code is asked for.
   */
  nothing: Text | null;
  report(): string;
  /** The preview for --json, with what was written. */
  json(written: string[] | null): unknown;
  /** Writes the workbook's bytes; returns its sheet names. */
  build(): Promise<{ bytes: Buffer; sheetNames: string[] }>;
}

export async function confirmThenWrite({ io, json, lang, options }: CommandContext, output: string, merge: Merge): Promise<number> {
  const show = (written: string[] | null) =>
    io.out(json ? JSON.stringify({ ...(merge.json(written) as object), confirm: merge.nothing ? null : merge.code, output: written ? output : null }, null, 2) : merge.report());
  if (merge.nothing) {
    // A code would confirm writing nothing new: the preview says why, and the run ends there.
    show(null);
    throw new InputError([lang === "zh" ? `${merge.nothing.zh}，未写入，也无需确认。` : `${merge.nothing.en}; nothing written, and nothing to confirm.`]);
  }
  if (options.confirm !== undefined && options.confirm.trim().toLowerCase() !== merge.code) {
    // The new preview first, so the user sees what changed; then the refusal.
    show(null);
    throw new InputError([mismatchLine(lang, options.confirm, merge.code)]);
  }
  // JSON output is for programs: they confirm with --confirm, never at a prompt.
  if (options.confirm === undefined && !json) show(null);
  const confirmed = options.confirm !== undefined || (!json && (await askToConfirm(io, lang, merge.count, output)));
  let written: string[] | null = null;
  if (confirmed) {
    const built = await build(merge);
    await writeAtomically(output, built.bytes);
    written = built.sheetNames;
  }
  if (json) show(written);
  else {
    if (written && options.confirm !== undefined) show(written);
    io.out(written ? writtenLine(lang, output, merge.count) : unconfirmedLine(lang, merge.code));
  }
  return written ? EXIT.ok : EXIT.unconfirmed;
}

/** A short code for exactly what would be written: any change to it changes the code. */
export function confirmationCode(content: unknown): string {
  return createHash("sha256").update(JSON.stringify(content)).digest("hex").slice(0, 10);
}

/** The SHA-256 of a file's bytes, for a code that covers a whole workbook. */
export function digest(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * The merge's workbook; text no workbook can hold (a kept row's cell over 32,767 characters,
 * stopped by the writer: cell-text.ts) is an input error naming the cell, not a crash.
 */
async function build(merge: Merge): Promise<{ bytes: Buffer; sheetNames: string[] }> {
  try {
    return await merge.build();
  } catch (e) {
    if (e instanceof CellTextError) throw new InputError([`${e.cell}：${e.reason.zh} / ${e.reason.en}`]);
    throw e;
  }
}

function mismatchLine(lang: Lang, given: string, code: string): string {
  return lang === "zh"
    ? `确认码 ${given} 与本次预览（${code}）不符：要写入的行已变化（文件被改动，或 --keep/--drop 不同），未写入。请查看上面新的预览。`
    : `confirmation ${given} does not match this preview (${code}): the rows to write have changed (a file changed, or other --keep/--drop); nothing written. Review the new preview above.`;
}

/** At a terminal, the person confirms the preview just shown; elsewhere nobody can, and nothing is written. */
async function askToConfirm(io: CliIO, lang: Lang, count: number, output: string): Promise<boolean> {
  if (!io.ask) return false;
  const answer = await io.ask(lang === "zh" ? `将以上 ${count} 项写入 ${output}？输入 y 确认：` : `Write these ${count} entries to ${output}? Type y to confirm: `);
  return answer !== null && /^(y|yes|是)$/i.test(answer.trim());
}

function writtenLine(lang: Lang, output: string, count: number): string {
  return lang === "zh" ? `已写入 ${output}（${count} 项）。` : `Wrote ${output} (${count} ${count === 1 ? "entry" : "entries"}).`;
}

function unconfirmedLine(lang: Lang, code: string): string {
  return lang === "zh"
    ? `未写入。确认写入以上内容，请加 --confirm ${code} 重新运行。`
    : `Nothing written. To write exactly what is shown above, run again with --confirm ${code}.`;
}
