import { randomBytes } from "node:crypto";
import { readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { InputError } from "./io";

/** Workbooks are binary, so they are read here rather than through CliIO's text reader. */
export async function readBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    throw new InputError([`${path}: 无法读取 / cannot read: ${reason(e)}`]);
  }
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
