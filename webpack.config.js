/**
 * Builds the Excel add-in into dist/: functions.js (the ASSESS.* custom functions),
 * functions.json and functions.zh-CN.json (their metadata), taskpane.html (the shared runtime's
 * page), the icons, office.js copied from @microsoft/office-js, and manifest.xml rebased onto
 * ADDIN_BASE_URL. Nothing in dist/ refers to another host.
 *
 * One webpack runtime serves both entries (runtime.js), and the code they both import is one
 * chunk (shared.js): taskpane.html loads runtime.js, shared.js, functions.js and taskpane.js, and
 * every module runs once in that page, so the catalogue (templates/index.ts) the task pane adds
 * loaded templates to is the very one the custom functions read. Excel runs the functions in that
 * page (the shared runtime), never functions.js alone.
 *
 * The build-time helpers under scripts/ are TypeScript compiled by `tsc -p tsconfig.tools.json`
 * (npm run build does that first). The https certificates of office-addin-dev-certs are read only
 * when serving (`webpack serve`, npm run dev-server), never by a production build or CI.
 */
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { addinBaseUrl, rebaseManifest } = require("./build/scripts/addin-url");
const { LocalizedFunctionsMetadataPlugin } = require("./build/scripts/functions-metadata-plugin");
const { addinTarget } = require("./build/scripts/addin-target");
const webpack = require("webpack");
const { mkdirSync, writeFileSync } = require("node:fs");

const OFFICE_JS = path.dirname(require.resolve("@microsoft/office-js/package.json"));

/**
 * The parts of office.js an Excel add-in loads: office.js itself, the Excel host files, the
 * strings of every Office display language, and the helpers it loads beside them. Debug builds,
 * IntelliSense files and the other hosts' files are left out (they would triple dist/).
 */
const OFFICE_JS_IGNORED = [
  "**/*.debug.js",
  "**/*-vsdoc.js",
  "**/*.d.ts",
  "**/outlook_strings.js",
  ...["access", "onenote", "outlook", "powerpoint", "project", "word"].map((host) => `**/${host}*.js`),
];

/** The built-in catalogue as this build validated it, which templates/built-in.addin.ts imports. */
const VALIDATED_CATALOGUE = path.resolve(__dirname, "build", "addin", "catalogue.json");

/**
 * Validates the built-in catalogue with zod before webpack resolves anything, as the command
 * line's build does (scripts/build-catalogue.ts), and writes it where built-in.addin.ts's import
 * resolves: the add-in ships the validated templates as JSON, without zod or the checks in its
 * first load. The templates are those `tsc -p tsconfig.tools.json` just compiled (it compiles
 * them for build-catalogue.ts); a malformed one fails the build, naming the template and field.
 * Its own file, not the command line's build/templates/catalogue.json, which `npm run build:cli`
 * deletes and writes again at any time.
 */
class ValidatedCataloguePlugin {
  apply(compiler) {
    let written = false;
    const write = () => {
      if (written) return;
      const { validateCatalogue } = require("./build/templates/catalogue");
      const { catalogueJson } = require("./build/scripts/catalogue-json");
      mkdirSync(path.dirname(VALIDATED_CATALOGUE), { recursive: true });
      writeFileSync(VALIDATED_CATALOGUE, catalogueJson(validateCatalogue()));
      written = true;
    };
    compiler.hooks.beforeRun.tap("ValidatedCataloguePlugin", write);
    compiler.hooks.watchRun.tap("ValidatedCataloguePlugin", write);
  }
}

module.exports = async (env, argv) => {
  const serving = Boolean(env.WEBPACK_SERVE);
  const production = argv.mode === "production";
  const base = addinBaseUrl();
  return {
    mode: production ? "production" : "development",
    // webpack's runtime and the minifier stay within the add-in's ECMAScript version too (the
    // minifier would otherwise write `a?.b` back into code brought down to it).
    target: ["web", `es${addinTarget().year}`],
    // No eval-based source maps: the page's Content-Security-Policy forbids eval, in development too.
    devtool: "source-map",
    entry: {
      functions: "./functions/functions.ts",
      taskpane: "./taskpane/taskpane.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Chunks loaded on demand, e.g. xlsx-writer.js (exceljs) when the task pane first builds a workbook.
      chunkFilename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // exceljs's browser build bundles its own stream and zip shims; its Node entry would need them from webpack.
      alias: {
        exceljs$: path.join(path.dirname(require.resolve("exceljs/package.json")), "dist", "exceljs.min.js"),
        "@assessbook/validated-catalogue$": VALIDATED_CATALOGUE,
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: "tsconfig.addin.json", onlyCompileBundledFiles: true } },
        },
        {
          // Libraries with syntax newer than the add-in's target (tsconfig.addin.json) are
          // brought down to it, so the oldest webview that runs the add-in parses every bundle.
          test: /\.[cm]?js$/,
          include: /node_modules/,
          use: { loader: path.resolve(__dirname, "build/scripts/downlevel-loader.js") },
        },
      ],
    },
    plugins: [
      // src/xlsx/writer.ts hands back a Node Buffer; in the browser the buffer package stands in for it.
      new webpack.ProvidePlugin({ Buffer: ["buffer", "Buffer"] }),
      // The catalogue in the add-in: the JSON ValidatedCataloguePlugin wrote (templates/built-in.addin.ts),
      // not read from the file system as the command line's is (templates/built-in.ts).
      new ValidatedCataloguePlugin(),
      new webpack.NormalModuleReplacementPlugin(/^\.\/built-in$/, (resource) => {
        if (resource.context === path.join(__dirname, "templates")) resource.request = "./built-in.addin";
      }),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./functions/functions.ts" }),
      new LocalizedFunctionsMetadataPlugin({ metadata: "functions.json", zhCN: "functions.zh-CN.json" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./taskpane/taskpane.html",
        // The shared runtime: one page runs the task pane and the custom functions. Every chunk of
        // both entries is loaded (runtime.js and shared.js too); webpack runs each entry once its
        // chunks are all there, whatever order they arrive in.
        chunks: ["taskpane", "functions"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "taskpane/taskpane.css", to: "taskpane.css" },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => rebaseManifest(content.toString(), base) },
          // Copied as Microsoft ships them: already minified, so not minified again.
          { from: "**/*", context: path.join(OFFICE_JS, "dist"), to: "office-js/", globOptions: { ignore: OFFICE_JS_IGNORED }, info: { minimized: true } },
        ],
      }),
    ],
    optimization: {
      // One runtime, hence one module registry, for both entries of the page: see the top of this file.
      runtimeChunk: "single",
      splitChunks: {
        cacheGroups: {
          // The on-demand xlsx-writer chunk keeps exceljs inside it instead of a separate numbered vendors chunk.
          defaultVendors: false,
          // What functions.js and taskpane.js both import (the engine, the catalogue) is loaded
          // once, in shared.js, not copied into each.
          shared: { name: "shared", chunks: "initial", minChunks: 2, enforce: true },
        },
      },
    },
    // office.js and its host files are large by nature and copied as they are.
    performance: { hints: false },
    devServer: serving ? await devServer(base) : undefined,
  };
};

/** https on the port of ADDIN_BASE_URL (3000 by default), with the Office add-in dev certificates. */
async function devServer(base) {
  const { getHttpsServerOptions } = require("office-addin-dev-certs");
  return {
    port: Number(new URL(base).port) || 443,
    server: { type: "https", options: await getHttpsServerOptions() },
    // Excel on the web fetches functions.json from another origin.
    headers: { "Access-Control-Allow-Origin": "*" },
    static: false,
    client: { overlay: false },
  };
}
