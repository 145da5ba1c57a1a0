import { randomBytes } from "node:crypto";
import { rename, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { UnreadableWorkbook } from "../xlsx/gate";
import { readWorkbookFile } from "../xlsx/read-file";
import { InputError } from "./io";

/** Workbooks are binary, so they are read here rather than through CliIO's text reader. */
/**
 * A workbook named on the command line, through the reading gate (src/xlsx/read-file.ts): a
 * FIFO, a device, a directory or a file over the size limit is refused with its reason and never
 * read; a missing or unreadable file is said plainly.
 */
export async function readWorkbookInput(path: string): Promise<Uint8Array> {
  try {
    return await readWorkbookFile(path);
  } catch (e) {
    if (e instanceof UnreadableWorkbook) throw unreadable(path, e);
    throw new InputError([`${path}: 无法读取 / cannot read: ${reason(e)}`]);
  }
}

/** What the gate or the reader refused in a workbook, as one line naming the file. */
export function unreadable(path: string, e: UnreadableWorkbook): InputError {
  // The workbook itself is fine when only the template it carries is refused: say that instead.
  if (e.kind === "template") return new InputError([`${path}: ${e.reason.zh} / ${e.reason.en}`]);
  return new InputError([`${path}: 不是可读取的 .xlsx 工作簿：${e.reason.zh} / not a readable .xlsx workbook: ${e.reason.en}`]);
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes next to the target and renames over it, so an interrupted or failed write never
 * leaves half a workbook under the name the user asked for (rename is atomic on one file system).
 */
export async function writeAtomically(path: string, bytes: Buffer): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: "wx" });
    await rename(temp, path);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw new InputError([`${path}: 无法写入 / cannot write: ${reason(e)}`]);
  }
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "文件或目录不存在 / no such file or directory";
  if (code === "EACCES" || code === "EPERM") return "没有权限 / permission denied";
  if (code === "EISDIR") return "这是一个目录 / is a directory";
  return (e as Error).message;
}
