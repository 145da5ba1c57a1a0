import { Compilation, WebpackError, sources, type Compiler } from "webpack";
import { disagreements, forExcel, localized, type FunctionsMetadata } from "../functions/metadata";

/**
 * Runs after custom-functions-metadata-plugin has put functions.json among the assets: fails the
 * build when its English differs from functions/strings.ts, adds the flag that lets error cells
 * reach the functions, and emits the zh-CN metadata derived from it (functions/metadata.ts).
 */
export class LocalizedFunctionsMetadataPlugin {
  constructor(private readonly options: { metadata: string; zhCN: string }) {}

  apply(compiler: Compiler): void {
    const name = LocalizedFunctionsMetadataPlugin.name;
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset(this.options.metadata);
        if (!asset) {
          compilation.errors.push(new WebpackError(`${this.options.metadata} was not generated from functions/functions.ts (see the errors above)`));
          return;
        }
        const metadata = JSON.parse(asset.source.source().toString()) as FunctionsMetadata;
        const problems = disagreements(metadata);
        if (problems.length > 0) {
          compilation.errors.push(new WebpackError(`functions/functions.ts (JSDoc) and functions/strings.ts disagree:\n  ${problems.join("\n  ")}`));
          return;
        }
        const excel = forExcel(metadata);
        compilation.updateAsset(this.options.metadata, new sources.RawSource(`${JSON.stringify(excel, null, 2)}\n`));
        compilation.emitAsset(this.options.zhCN, new sources.RawSource(`${JSON.stringify(localized(excel), null, 2)}\n`));
      });
    });
  }
}
