/**
 * Builds the Excel add-in into dist/: functions.js (the ASSESS.* custom functions),
 * functions.json and functions.zh-CN.json (their metadata), taskpane.html (the shared runtime's
 * page), the icons, office.js copied from @microsoft/office-js, and manifest.xml rebased onto
 * ADDIN_BASE_URL. Nothing in dist/ refers to another host.
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
      alias: { exceljs$: path.join(path.dirname(require.resolve("exceljs/package.json")), "dist", "exceljs.min.js") },
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
      // The catalogue in the add-in: validated as the bundle loads (templates/built-in.addin.ts), not
      // read from the file the command line's build ships beside it (templates/built-in.ts).
      new webpack.NormalModuleReplacementPlugin(/^\.\/built-in$/, (resource) => {
        if (resource.context === path.join(__dirname, "templates")) resource.request = "./built-in.addin";
      }),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./functions/functions.ts" }),
      new LocalizedFunctionsMetadataPlugin({ metadata: "functions.json", zhCN: "functions.zh-CN.json" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./taskpane/taskpane.html",
        // The shared runtime: one page runs the task pane and the custom functions.
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
    // The on-demand xlsx-writer chunk keeps exceljs inside it instead of a separate numbered vendors chunk.
    optimization: { splitChunks: { cacheGroups: { defaultVendors: false } } },
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
