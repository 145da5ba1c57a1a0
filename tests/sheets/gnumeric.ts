/**
 * Gnumeric as a third independent spreadsheet engine (beside LibreOffice and the engine
 * itself): `ssconvert --recalc` opens a workbook we wrote, calculates every formula and saves
 * it as .xlsx, so the cached results in the file it writes are Gnumeric's own answers.
 */
import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The ssconvert executable (Debian package gnumeric) on PATH, or null. */
export function findSsconvert(): string | null {
  const found = spawnSync("sh", ["-c", "command -v ssconvert"], { encoding: "utf8" });
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : null;
}

/** The workbook after Gnumeric opened, recalculated and saved it as .xlsx (Office Open XML). */
export async function recalculateWithGnumeric(ssconvert: string, bytes: Buffer): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), "assessbook-gnumeric-"));
  try {
    await writeFile(join(dir, "in.xlsx"), bytes);
    // HOME in the temporary directory: Gnumeric's settings (GSettings, ~/.config) must not decide the result.
    await run(ssconvert, ["--recalc", "--export-type=Gnumeric_Excel:xlsx2", join(dir, "in.xlsx"), join(dir, "out.xlsx")], {
      timeout: 180_000,
      env: { ...process.env, HOME: dir, GSETTINGS_BACKEND: "memory" },
    });
    return await readFile(join(dir, "out.xlsx"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
