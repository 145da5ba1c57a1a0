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
  const [out] = await convert(soffice, [{ name: "in", bytes }], "xlsx");
  return out;
}

/**
 * Several workbooks printed to PDF by one LibreOffice launch (each launch costs seconds),
 * recalculated first as `recalculate` does; the PDFs in the order given. Names are file names
 * without extension, distinct.
 */
export async function printToPdf(soffice: string, workbooks: { name: string; bytes: Buffer }[]): Promise<Buffer[]> {
  return convert(soffice, workbooks, "pdf");
}

async function convert(soffice: string, workbooks: { name: string; bytes: Buffer }[], format: "xlsx" | "pdf"): Promise<Buffer[]> {
  const dir = await mkdtemp(join(tmpdir(), "assessbook-lo-"));
  try {
    await mkdir(join(dir, "profile", "user"), { recursive: true });
    await mkdir(join(dir, "in"));
    await writeFile(join(dir, "profile", "user", "registrymodifications.xcu"), PROFILE);
    const inputs = workbooks.map((w) => join(dir, "in", `${w.name}.xlsx`));
    await Promise.all(workbooks.map((w, i) => writeFile(inputs[i], w.bytes)));
    await run(soffice, [`-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`, "--headless", "--convert-to", format, "--outdir", join(dir, "out"), ...inputs], {
      timeout: 180_000,
    });
    return await Promise.all(workbooks.map((w) => readFile(join(dir, "out", `${w.name}.${format}`))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
