/**
 * LibreOffice as an independent spreadsheet engine: it opens a workbook we wrote, calculates
 * every formula and saves it, so the cached results it writes are its own answers.
 */
import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The soffice executable on PATH, or null. */
export function findSoffice(): string | null {
  for (const name of ["soffice", "libreoffice"]) {
    const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return null;
}

/** CI must never skip the real-engine comparison (.ci/run installs LibreOffice). */
export const IN_CI = ["true", "1"].includes((process.env.CI ?? "").toLowerCase());

/**
 * A fresh profile per run: two soffice processes sharing the default profile hand work to each
 * other or fail, and the user's own settings must not decide the result. OOXMLRecalcMode 0 makes
 * LibreOffice recalculate every formula on load (its default for .xlsx is to trust cached values).
 */
const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** The workbook after LibreOffice opened, recalculated and saved it as .xlsx. */
export async function recalculate(soffice: string, bytes: Buffer): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), "assessbook-lo-"));
  try {
    await mkdir(join(dir, "profile", "user"), { recursive: true });
    await writeFile(join(dir, "profile", "user", "registrymodifications.xcu"), PROFILE);
    await writeFile(join(dir, "in.xlsx"), bytes);
    await run(soffice, [`-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`, "--headless", "--convert-to", "xlsx", "--outdir", join(dir, "out"), join(dir, "in.xlsx")], {
      timeout: 180_000,
    });
    return await readFile(join(dir, "out", "in.xlsx"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
