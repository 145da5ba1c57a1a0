/**
 * The ECMAScript version the add-in's code must stay within, as tsconfig.addin.json declares it
 * for our own TypeScript: the oldest webview that runs the add-in (Excel on Mac's WebKit) parses
 * that and nothing newer. The downlevel loader holds the bundled libraries to it too, and the
 * production-build test parses dist/*.js with it.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import ts from "typescript";

/** The project folder: scripts/ when run from source (tests), build/scripts/ once compiled. */
function projectRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "tsconfig.addin.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`no tsconfig.addin.json above ${__dirname}`);
  }
}

export function addinTarget(root = projectRoot()): { script: ts.ScriptTarget; year: number } {
  const file = join(root, "tsconfig.addin.json");
  const config = ts.parseConfigFileTextToJson(file, readFileSync(file, "utf8"));
  const name = String(config.config?.compilerOptions?.target ?? "");
  const year = Number(/^ES(\d{4})$/i.exec(name)?.[1]);
  if (!Number.isInteger(year)) throw new Error(`${file}: compilerOptions.target "${name}" is not ESyyyy`);
  return { script: ts.ScriptTarget[`ES${year}` as keyof typeof ts.ScriptTarget] as ts.ScriptTarget, year };
}
