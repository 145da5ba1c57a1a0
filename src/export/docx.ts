/**
 * Document model → .docx bytes with the `docx` package (a maintained OOXML writer, in Node and in
 * the browser alike). The page is A4 with GB/T 9704 margins (ruling F2), fonts are named as Word
 * and WPS know them and set for East Asian text too, so 仿宋/黑体/楷体 apply to the Chinese
 * characters (F1). Tables have single black borders and a repeated heading row.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  LineRuleType,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import { A4_MM, pageMargins, TEXT_STYLES, type Align, type DocCell, type DocParagraph, type DocTable, type DocumentModel, type TextRole } from "./document";
import { withoutForbidden } from "../xlsx/cell-text";

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const satisfies Record<Align, unknown>;

/** Twips (1/1440 inch) to the nearest, so 37 mm is 2098 rather than docx's truncated 2097. */
const twip = (mm: number) => Math.round((mm * 1440) / 25.4);

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };

/** Every script of a run in the role's font: Word picks eastAsia for Chinese, ascii/hAnsi for digits and Latin. */
function font(role: TextRole) {
  const name = TEXT_STYLES[role].font;
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: "eastAsia" };
}

/** Runs for the lines of a paragraph, a line break between them. */
function runs(role: TextRole, lines: string[]): TextRun[] {
  const style = TEXT_STYLES[role];
  // docx writes text as XML text: "=SUM(1,2)" stays those characters, nothing is evaluated. It
  // does not drop what XML 1.0 forbids (U+FFFE, control characters a stranger's `_xHHHH_` escape
  // decodes to), which would leave document.xml unreadable; those print as nothing anyway.
  return lines.map((text, i) => new TextRun({ text: withoutForbidden(text), font: font(role), size: style.size * 2, break: i > 0 ? 1 : undefined }));
}

function paragraph(p: DocParagraph): Paragraph {
  const size = TEXT_STYLES[p.role].size;
  return new Paragraph({
    children: runs(p.role, p.lines),
    alignment: ALIGN[p.align],
    keepNext: p.keepWithNext,
    // Space in twips: a line of this size is size × 20.
    spacing: { before: Math.round((p.spaceBefore ?? 0) * size * 20), after: Math.round(size * 4) },
    pageBreakBefore: p.pageBreakBefore,
  });
}

function cell(c: DocCell, width: number): TableCell {
  return new TableCell({
    columnSpan: c.span > 1 ? c.span : undefined,
    rowSpan: c.rowSpan && c.rowSpan > 1 ? c.rowSpan : undefined,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    children: c.parts.map((part) => new Paragraph({ children: runs(part.role, part.lines), alignment: ALIGN[part.align ?? c.align] })),
  });
}

function table(t: DocTable, textWidth: number): Table {
  const total = t.grid.reduce((a, b) => a + b, 0);
  const columns = t.grid.map((w) => Math.floor((w / total) * textWidth));
  const merged: { at: number; span: number; rowsLeft: number }[] = [];
  return new Table({
    width: { size: columns.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: columns,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: BORDERS,
    rows: t.rows.map((row) => {
      // Columns still held by a cell merged down from a row above: this row's cells start after them.
      const held = merged.filter((m) => m.rowsLeft > 0);
      let at = 0;
      const skipHeld = () => {
        for (let m = held.find((h) => h.at === at); m; m = held.find((h) => h.at === at)) at += m.span;
      };
      const cells = row.cells.map((c) => {
        skipHeld();
        const width = columns.slice(at, at + c.span).reduce((a, b) => a + b, 0);
        if (c.rowSpan && c.rowSpan > 1) merged.push({ at, span: c.span, rowsLeft: c.rowSpan });
        at += c.span;
        return cell(c, width);
      });
      for (const m of merged) m.rowsLeft--;
      return new TableRow({
        children: cells,
        tableHeader: row.header,
        cantSplit: row.minLines === undefined,
        // A line of 12 pt with leading is about 312 twips.
        height: row.minLines ? { value: row.minLines * 312, rule: HeightRule.ATLEAST } : undefined,
      });
    }),
  });
}

export function toDocxDocument(model: DocumentModel): Document {
  const margins = pageMargins(model.orientation);
  const landscape = model.orientation === "landscape";
  const textWidthMm = (landscape ? A4_MM.height : A4_MM.width) - margins.left - margins.right;
  const textWidth = twip(textWidthMm);
  return new Document({
    title: model.title,
    creator: "Assessbook",
    // Chinese text marked as zh-CN, so Word and WPS break lines and pick fonts by Chinese rules.
    styles: { default: { document: { run: { font: font("body"), size: TEXT_STYLES.body.size * 2, language: { value: "zh-CN", eastAsia: "zh-CN" } } } } },
    sections: [
      {
        properties: {
          page: {
            // docx turns the page itself for a landscape orientation: give the A4 portrait size.
            size: { width: twip(A4_MM.width), height: twip(A4_MM.height), orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: {
              top: twip(margins.top),
              bottom: twip(margins.bottom),
              left: twip(margins.left),
              right: twip(margins.right),
            },
          },
        },
        children: [
          ...model.blocks.map((b) => (b.kind === "paragraph" ? paragraph(b) : table(b, textWidth))),
          // Word wants a paragraph after a table that ends the document: one a point high, so a
          // table that fills its page does not push an empty page after it.
          ...(model.blocks.at(-1)?.kind === "table" ? [new Paragraph({ spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT }, children: [new TextRun({ text: "", size: 2 })] })] : []),
        ],
      },
    ],
  });
}

/** The .docx file's bytes (a Uint8Array in Node and in the browser). */
export async function docxBytes(model: DocumentModel): Promise<Uint8Array> {
  return Packer.pack(toDocxDocument(model), "uint8array");
}
