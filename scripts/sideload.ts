/**
 * Sideloading the development manifest into Excel desktop, the way Office's own tooling does,
 * without office-addin-debugging (see start.ts): on Windows a value under the WEF\Developer
 * registry key naming the manifest, on a Mac a copy in Excel's wef folder. Elsewhere (Linux)
 * there is no Excel desktop: the user uploads the manifest in Excel on the web.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/** The machine operations sideloading needs, passed in so tests run every platform's path. */
export interface SideloadSystem {
  platform: NodeJS.Platform;
  home: string;
  exists(path: string): boolean;
  copy(from: string, to: string): void;
  remove(path: string): void;
  /** Runs reg.exe with the arguments; throws on failure. */
  reg(args: string[]): void;
}

const WEF_KEY = "HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer";

function macWefFolder(home: string): string {
  return join(home, "Library", "Containers", "com.microsoft.Excel", "Data", "Documents", "wef");
}

export type SideloadOutcome =
  | { done: true; where: string }
  /** Nothing to do here: no Excel desktop on this platform, or it is not installed. */
  | { done: false; reason: string };

/** Registers the manifest with Excel desktop; the add-in id names it so `unsideload` finds it. */
export function sideload(sys: SideloadSystem, manifest: string, id: string): SideloadOutcome {
  if (sys.platform === "win32") {
    sys.reg(["add", WEF_KEY, "/v", id, "/t", "REG_SZ", "/d", manifest, "/f"]);
    return { done: true, where: `${WEF_KEY}\\${id}` };
  }
  if (sys.platform === "darwin") {
    const folder = macWefFolder(sys.home);
    if (!sys.exists(join(sys.home, "Library", "Containers", "com.microsoft.Excel"))) return { done: false, reason: "Excel for Mac is not installed" };
    const target = join(folder, `${id}.manifest.xml`);
    sys.copy(manifest, target);
    return { done: true, where: target };
  }
  return { done: false, reason: `no Excel desktop on ${sys.platform}` };
}

/** Undoes `sideload`; quietly does nothing where nothing was registered. */
export function unsideload(sys: SideloadSystem, id: string): void {
  if (sys.platform === "win32") {
    try {
      sys.reg(["delete", WEF_KEY, "/v", id, "/f"]);
    } catch {
      // Not registered: nothing to undo.
    }
  } else if (sys.platform === "darwin") {
    const target = join(macWefFolder(sys.home), `${id}.manifest.xml`);
    if (sys.exists(target)) sys.remove(target);
  }
}

export function thisSystem(): SideloadSystem {
  return {
    platform: process.platform,
    home: homedir(),
    exists: existsSync,
    copy: (from, to) => copyFileSync(from, to),
    remove: (path) => rmSync(path, { force: true }),
    reg: (args) => {
      execFileSync("reg", args, { stdio: "ignore" });
    },
  };
}

/** The add-in id in a manifest's <Id> element. */
export function manifestId(xml: string): string {
  const m = /<Id>\s*([^<\s]+)\s*<\/Id>/.exec(xml);
  if (!m) throw new Error("manifest.xml has no <Id>");
  return m[1];
}
