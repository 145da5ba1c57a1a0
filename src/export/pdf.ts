/**
 * .docx → PDF through LibreOffice Writer (Node only; the task pane prints its HTML view instead).
 * Each conversion runs soffice headless in a temporary directory with a fresh profile: two
 * soffice processes sharing a profile hand work to each other or fail, and a user's own settings
 * must not change the document. The conversion is bounded in time.
 */
import { execFile } from "node:child_process";
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";

/** The Debian package that provides a headless soffice able to write PDF from .docx. */
export const LIBREOFFICE_PACKAGE = "libreoffice-writer-nogui";

const TIMEOUT_MS = 120_000;

/** Why there is no PDF: LibreOffice is absent, or it failed; message in both languages. */
export class PdfUnavailable extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** soffice (or libreoffice) on PATH, or null. */
export async function findSoffice(path = process.env.PATH ?? ""): Promise<string | null> {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    for (const name of ["soffice", "libreoffice"]) {
      const candidate = join(dir, name);
      try {
        await access(candidate, 1);
        return candidate;
      } catch {
        // not in this directory
      }
    }
  }
  return null;
}

export async function docxToPdf(docx: Uint8Array, soffice?: string | null): Promise<Buffer> {
  const program = soffice === undefined ? await findSoffice() : soffice;
  if (!program) {
    throw new PdfUnavailable(
      `需要 LibreOffice 才能生成 PDF：请安装（Debian/Ubuntu：sudo apt-get install ${LIBREOFFICE_PACKAGE}），或改用 --format docx`,
      `PDF needs LibreOffice: install it (Debian/Ubuntu: sudo apt-get install ${LIBREOFFICE_PACKAGE}) or use --format docx`,
    );
  }
  const dir = await mkdtemp(join(tmpdir(), "assessbook-pdf-"));
  try {
    await mkdir(join(dir, "profile"));
    await writeFile(join(dir, "document.docx"), docx);
    const args = [`-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", join(dir, "out"), join(dir, "document.docx")];
    await new Promise<void>((resolve, reject) => {
      execFile(program, args, { timeout: TIMEOUT_MS, killSignal: "SIGKILL" }, (error, _stdout, stderr) => {
        if (!error) return resolve();
        const timedOut = error.killed || (error as { signal?: string }).signal === "SIGKILL";
        reject(
          timedOut
            ? new PdfUnavailable(`LibreOffice 在 ${TIMEOUT_MS / 1000} 秒内未完成转换`, `LibreOffice did not finish the conversion within ${TIMEOUT_MS / 1000} s`)
            : new PdfUnavailable(`LibreOffice 转换失败：${String(stderr).trim() || error.message}`, `LibreOffice failed to convert: ${String(stderr).trim() || error.message}`),
        );
      });
    });
    try {
      return await readFile(join(dir, "out", "document.pdf"));
    } catch {
      // soffice exits 0 when it cannot load the file or a filter is missing (no Writer installed).
      throw new PdfUnavailable(
        `LibreOffice 没有生成 PDF（是否安装了 Writer？Debian/Ubuntu：sudo apt-get install ${LIBREOFFICE_PACKAGE}）`,
        `LibreOffice wrote no PDF (is Writer installed? Debian/Ubuntu: sudo apt-get install ${LIBREOFFICE_PACKAGE})`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
