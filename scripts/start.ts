/**
 * `npm start`: serves the add-in from https://localhost:3000 (webpack serve, with the Office
 * add-in dev certificates), sideloads it into Excel desktop where there is one (sideload.ts),
 * and prints how to sideload it in Excel on the web and where the standalone page is.
 * office-addin-debugging, which would do the sideloading, is deliberately not a dependency
 * (hundreds of packages and a native build that fails here). `npm stop` (or Ctrl+C) stops it.
 */
import { spawn } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { addinBaseUrl } from "./addin-url";
import { DEV_SERVER_PID_FILE } from "./dev-server-pid";
import { manifestId, sideload, thisSystem } from "./sideload";

const root = join(__dirname, "..", "..");
const manifest = join(root, "manifest.xml");
const base = addinBaseUrl();

console.log(`Assessbook 开发服务器 / dev server: ${base}taskpane.html

旁加载 manifest.xml（${manifest}）：
  Excel 网页版：开始 › 加载项 › 更多加载项 › 我的加载项 › 上传我的加载项，选择上面的 manifest.xml。
  Windows 版 Excel：把 manifest.xml 所在文件夹设为网络共享，在 文件 › 选项 › 信任中心 › 信任中心设置 ›
    受信任的加载项目录 中添加该共享路径并勾选“显示在菜单中”，重启 Excel，在 开始 › 加载项 › 更多加载项 › 共享文件夹 中添加。
  Mac 版 Excel：把 manifest.xml 复制到 ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/，重启 Excel，
    在 开始 › 加载项 › 更多加载项 › 我的加载项 中添加。
  加载后在单元格中输入 =ASSESS.SCORE_DISCRETE( 等函数。首次运行会为 localhost 安装开发证书（可能需要确认）。

Sideload manifest.xml (${manifest}):
  Excel on the web: Home › Add-ins › More Add-ins › My Add-ins › Upload My Add-in, and pick the manifest.xml above.
  Excel on Windows: share the folder holding manifest.xml, add the share under File › Options › Trust Center ›
    Trust Center Settings › Trusted Add-in Catalogs with "Show in Menu" ticked, restart Excel, and add it from
    Home › Add-ins › More Add-ins › Shared Folder.
  Excel on Mac: copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/, restart Excel, and
    add it from Home › Add-ins › More Add-ins › My Add-ins.
  Then type =ASSESS.SCORE_DISCRETE( or another function in a cell. The first run installs a development certificate
  for localhost (you may be asked to confirm).

浏览器中直接打开（不在 Excel 中，可下载 .xlsx）/ standalone page in a plain browser: ${base}taskpane.html

停止 / stop: npm stop (or Ctrl+C)
`);

const desktop = sideload(thisSystem(), manifest, manifestId(readFileSync(manifest, "utf8")));
console.log(
  desktop.done
    ? `已旁加载到 Excel 桌面版 / sideloaded into Excel desktop: ${desktop.where}（重启 Excel 后在 开始 › 加载项 中可见 / restart Excel)`
    : `未旁加载到桌面版 / not sideloaded into a desktop Excel: ${desktop.reason}`,
);

const webpack = spawn(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "serve", "--mode", "development"], { cwd: root, stdio: "inherit" });
writeFileSync(DEV_SERVER_PID_FILE, String(process.pid));
const stop = () => webpack.kill("SIGTERM");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
webpack.on("exit", (code) => {
  rmSync(DEV_SERVER_PID_FILE, { force: true });
  process.exit(code ?? 0);
});
