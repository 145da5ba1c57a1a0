/**
 * Reading printed pages back with poppler-utils: text per page (pdftotext -layout), every word's
 * box (pdftotext -bbox), page sizes (pdfinfo) and pixels (pdftoppm), so the print tests look at
 * what a clerk would see on paper.
 */
import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The poppler tools the tests need, or the first one missing. */
export function missingPoppler(): string | null {
  for (const tool of ["pdftotext", "pdfinfo", "pdftoppm"]) {
    if (spawnSync("sh", ["-c", `command -v ${tool}`]).status !== 0) return tool;
  }
  return null;
}

/**
 * LibreOffice sizes columns with the workbook's default font, Calibri; without Carlito (its
 * metric twin, fonts-crosextra-carlito) it falls back to a wider font and every page count and
 * scale differs from Excel's.
 */
export function hasCarlito(): boolean {
  const found = spawnSync("fc-match", ["Calibri"], { encoding: "utf8" });
  return found.status === 0 && /Carlito|Calibri/.test(found.stdout);
}

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PrintedPage {
  /** pdftotext -layout's text of the page. */
  text: string;
  words: Word[];
  width: number;
  height: number;
}

/** Every page of a PDF, with its text and word boxes. */
export async function readPdf(pdf: Buffer): Promise<PrintedPage[]> {
  const dir = await mkdtemp(join(tmpdir(), "assessbook-pdf-"));
  try {
    const file = join(dir, "in.pdf");
    await writeFile(file, pdf);
    const layout = (await run("pdftotext", ["-layout", file, "-"], { maxBuffer: 64 * 1024 * 1024 })).stdout;
    const bbox = (await run("pdftotext", ["-bbox", file, "-"], { maxBuffer: 64 * 1024 * 1024 })).stdout;
    const texts = layout.split("\f");
    return bbox
      .split("<page ")
      .slice(1)
      .map((page, i) => {
        const size = /width="([\d.]+)" height="([\d.]+)"/.exec(page);
        const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
          text: unescape(m[5]),
          xMin: Number(m[1]),
          yMin: Number(m[2]),
          xMax: Number(m[3]),
          yMax: Number(m[4]),
        }));
        return { text: texts[i] ?? "", words, width: Number(size?.[1]), height: Number(size?.[2]) };
      });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function unescape(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

const CJK = /^[\u4e00-\u9fff]+$/;

/**
 * The printed size of the text, in points: a CJK character is as wide as its font is large, so
 * a word of n CJK characters w points wide was printed at w / n points. Words of two or more
 * CJK characters only (a glyph box's height depends on the font's ascent, its width does not).
 */
export function printedSizes(page: PrintedPage): { text: string; size: number }[] {
  return page.words.filter((w) => w.text.length >= 2 && CJK.test(w.text)).map((w) => ({ text: w.text, size: (w.xMax - w.xMin) / w.text.length }));
}

/** The text of a page without any white space: cell text that wrapped reads as one string. */
export function joined(page: PrintedPage): string {
  return page.text.replace(/\s+/g, "");
}

/** Single characters stacked in one column (a row header printed one character a line, 项/目/内/容…), read top to bottom. */
export function stackedColumns(page: PrintedPage): string[] {
  const columns = new Map<number, Word[]>();
  for (const w of page.words.filter((x) => [...x.text].length === 1)) {
    const key = Math.round(w.xMin);
    columns.set(key, [...(columns.get(key) ?? []), w]);
  }
  return [...columns.values()].map((ws) => ws.sort((a, b) => a.yMin - b.yMin).map((w) => w.text).join(""));
}

/**
 * Pixels of a page (rendered at 20 dpi) close to a colour, e.g. the input shade FFF2CC: what
 * would print in colour where the document should be black on white.
 */
export async function pixelsNear(pdf: Buffer, page: number, rgb: [number, number, number], tolerance = 6): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), "assessbook-ppm-"));
  try {
    const file = join(dir, "in.pdf");
    await writeFile(file, pdf);
    const { stdout } = await run("pdftoppm", ["-r", "20", "-f", String(page), "-l", String(page), file], { encoding: "buffer", maxBuffer: 64 * 1024 * 1024 });
    return countNear(stdout as unknown as Buffer, rgb, tolerance);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Pixels of a binary PPM (P6, maxval 255) within `tolerance` of a colour on each channel. */
function countNear(ppm: Buffer, rgb: [number, number, number], tolerance: number): number {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString("latin1"));
  if (!header) throw new Error("pdftoppm did not write a binary PPM");
  const start = header[0].length;
  let n = 0;
  for (let i = start; i + 2 < ppm.length; i += 3) {
    if (Math.abs(ppm[i] - rgb[0]) <= tolerance && Math.abs(ppm[i + 1] - rgb[1]) <= tolerance && Math.abs(ppm[i + 2] - rgb[2]) <= tolerance) n++;
  }
  return n;
}
