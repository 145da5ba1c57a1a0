/** `npm stop`: ends the dev server `npm start` recorded, by its process id (and nothing else), and undoes the desktop sideload. */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { DEV_SERVER_PID_FILE } from "./dev-server-pid";
import { manifestId, thisSystem, unsideload } from "./sideload";

unsideload(thisSystem(), manifestId(readFileSync(join(__dirname, "..", "..", "manifest.xml"), "utf8")));

if (!existsSync(DEV_SERVER_PID_FILE)) {
  console.log("没有正在运行的开发服务器 / no dev server started by npm start is running");
} else {
  const pid = Number(readFileSync(DEV_SERVER_PID_FILE, "utf8"));
  try {
    process.kill(pid, "SIGTERM");
    console.log(`已停止开发服务器 / stopped the dev server (process ${pid})`);
  } catch {
    console.log(`开发服务器（进程 ${pid}）已不在运行 / the dev server (process ${pid}) had already stopped`);
  }
  rmSync(DEV_SERVER_PID_FILE, { force: true });
}
