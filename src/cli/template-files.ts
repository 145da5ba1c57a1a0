/**
 * Template files from disk (`--templates <file|dir>`, `assessbook template check`): a path is a
 * .json file or a directory whose *.json files are read (not its subdirectories), in name order.
 * Each file's size is checked before it is read, and no more than the limit is ever read, so a
 * wrong path (a disk image, a log) costs nothing. templates/user.ts checks the text; this module
 * is Node only, and loads zod (through templates/user.ts): main.ts imports it only when a
 * template file is given.
 */
import { open, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { addTemplates, CatalogueError } from "../../templates/index";
import type { Template } from "../../templates/schema";
import { parseTemplateText, TEMPLATE_FILE_MAX_BYTES, TemplateFileError, tooLargeError } from "../../templates/user";
import { InputError } from "./io";

/** The template files a path names: the file itself, or a directory's *.json files sorted by name. */
export async function templateFilesIn(path: string): Promise<string[]> {
  const info = await statOf(path);
  if (!info.isDirectory()) return [path];
  const names = (await readdir(path, { withFileTypes: true })).filter((e) => e.isFile() && /\.json$/i.test(e.name)).map((e) => e.name);
  if (names.length === 0) throw new TemplateFileError(path, [{ path: "$", message: "目录中没有 .json 文件 / the directory holds no .json file: expected template files (*.json) in it" }]);
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((name) => join(path, name));
}

async function statOf(path: string) {
  try {
    return await stat(path);
  } catch (e) {
    throw new TemplateFileError(path, [{ path: "$", message: cannotRead(e) }]);
  }
}

function cannotRead(e: unknown): string {
  return (e as NodeJS.ErrnoException).code === "ENOENT" ? "文件不存在 / no such file or directory" : `无法读取 / cannot read: ${(e as Error).message}`;
}

/** The templates in one file; TemplateFileError names the file and every problem in it. */
export async function readTemplateFile(file: string): Promise<Template[]> {
  const bytes = await readBounded(file);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new TemplateFileError(file, [{ path: "$", message: "不是 UTF-8 编码的文本 / not UTF-8 text: expected a JSON file saved as UTF-8" }]);
  }
  return parseTemplateText(text, file);
}

/** The file's bytes, refused by its size before reading; never more than one byte past the limit is read. */
async function readBounded(file: string): Promise<Uint8Array> {
  try {
    const handle = await open(file, "r");
    try {
      const { size } = await handle.stat();
      if (size > TEMPLATE_FILE_MAX_BYTES) throw tooLargeError(file, size);
      // One byte past the limit, in case the file grew since: parseTemplateText then refuses it by size.
      const buffer = Buffer.alloc(TEMPLATE_FILE_MAX_BYTES + 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (e) {
    if (e instanceof TemplateFileError) throw e;
    throw new TemplateFileError(file, [{ path: "$", message: cannotRead(e) }]);
  }
}

/** Every template in the files and directories given, in the order given. */
export async function readTemplateFiles(paths: string[]): Promise<Template[]> {
  return (await readTemplateSets(paths)).flatMap((set) => set.templates);
}

async function readTemplateSets(paths: string[]): Promise<{ file: string; templates: Template[] }[]> {
  const sets: { file: string; templates: Template[] }[] = [];
  for (const path of paths) {
    for (const file of await templateFilesIn(path)) sets.push({ file, templates: await readTemplateFile(file) });
  }
  return sets;
}

/** A template file's problems as exit code 1's lines: the file, then each problem's path and expectation. */
export function templateFileLines(e: TemplateFileError): string[] {
  return e.problems.map((p) => `${e.file}: ${p.path}: ${p.message}`);
}

/**
 * `--templates`: reads the files and adds their templates to the catalogue before the command
 * runs, all or none. A bad file, or a template the catalogue cannot take (an id given twice, a
 * sheet another template makes), is an InputError naming the file.
 */
export async function loadTemplateFiles(paths: string[]): Promise<void> {
  let sets: { file: string; templates: Template[] }[];
  try {
    sets = await readTemplateSets(paths);
  } catch (e) {
    if (e instanceof TemplateFileError) throw new InputError(templateFileLines(e));
    throw e;
  }
  try {
    addTemplates(sets.flatMap((set) => set.templates));
  } catch (e) {
    if (!(e instanceof CatalogueError)) throw e;
    // The message names the template; the lines name the files it came from.
    const files = sets.filter((set) => set.templates.some((t) => t.id === e.templateId)).map((set) => set.file);
    throw new InputError(files.map((file) => `${file}: ${e.message}`));
  }
}

