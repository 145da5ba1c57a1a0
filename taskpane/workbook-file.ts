/**
 * Plans → .xlsx bytes in the browser. The xlsx writer (and exceljs with it) is imported on
 * demand, so it is a separate chunk that the task pane only loads when someone downloads or
 * opens a workbook; the first paint never waits for it.
 */
import type { SheetPlan } from "../src/sheets/plan";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function workbookBytes(plans: readonly SheetPlan[]): Promise<Uint8Array<ArrayBuffer>> {
  const { writeWorkbook } = await import(/* webpackChunkName: "xlsx-writer" */ "../src/xlsx/writer");
  const written = await writeWorkbook(plans);
  // A Node Buffer under jest, the buffer package's in the browser: both are Uint8Arrays.
  return new Uint8Array(written.bytes as unknown as Uint8Array);
}

/** Base64 of the bytes, as Excel.createWorkbook takes them. */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(binary);
}

/** Saves the bytes (an .xlsx unless another type is given) through a temporary link with download=name; returns the Blob. */
export function downloadFile(bytes: Uint8Array<ArrayBuffer>, name: string, type = XLSX_TYPE): Blob {
  const blob = new Blob([bytes], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later, not at once: some browsers start the download after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return blob;
}
