/**
 * A webpack loader that brings a library's JavaScript down to the add-in's target. Several of
 * the task pane's libraries ship newer syntax than Excel on Mac's WebKit parses (tabster and
 * keyborg: `??=`, class static blocks; zod: `?.`), which ts-loader never sees because it only
 * compiles our own TypeScript. TypeScript, already the project's compiler, transpiles them; a
 * file that already parses at the target is passed through untouched, so the build stays fast.
 */
import { Parser } from "acorn";
import ts from "typescript";
import { addinTarget } from "./addin-target";

const target = addinTarget();

interface LoaderContext {
  resourcePath: string;
  callback(error: Error | null, content?: string, map?: string): void;
}

function parsesAt(source: string, year: number): boolean {
  try {
    Parser.parse(source, { ecmaVersion: year as 2019, sourceType: "module", allowHashBang: true });
    return true;
  } catch {
    return false;
  }
}

export default function downlevel(this: LoaderContext, source: string): void {
  if (parsesAt(source, target.year)) {
    this.callback(null, source);
    return;
  }
  const out = ts.transpileModule(source, {
    fileName: this.resourcePath,
    compilerOptions: { target: target.script, module: ts.ModuleKind.ESNext, allowJs: true, sourceMap: true, importHelpers: false },
  });
  this.callback(null, out.outputText.replace(/\n\/\/# sourceMappingURL=.*$/, ""), out.sourceMapText);
}
