/**
 * The strict re-reading every workbook the tests write goes through (issue 15): each XML part
 * of the package parsed by saxes, an XML 1.0 parser that refuses what Excel repairs and
 * LibreOffice silently drops (characters XML forbids, bad entity references, unclosed tags).
 * saxes is the parser exceljs itself reads with (a devDependency of its own here, for this use).
 */
import JSZip from "jszip";
import { SaxesParser } from "saxes";

/** "part: reason" for each part that is not well-formed XML; empty when all are. */
export async function malformedParts(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const bad: string[] = [];
  for (const [path, file] of Object.entries(zip.files)) {
    if (file.dir || !/\.(xml|rels|vml)$/i.test(path)) continue;
    const text = await file.async("string");
    const parser = new SaxesParser({ xmlns: true });
    let error: Error | null = null;
    parser.on("error", (e) => {
      error ??= e;
    });
    try {
      parser.write(text).close();
    } catch (e) {
      error ??= e as Error;
    }
    if (error) bad.push(`${path}: ${(error as Error).message}`);
  }
  return bad;
}

/** Fails the test naming every malformed part. */
export async function expectWellFormed(bytes: Uint8Array): Promise<void> {
  expect(await malformedParts(bytes)).toEqual([]);
}
