import type ExcelJS from "exceljs";
import type { ConditionalFormat, Style } from "../sheets/plan";

/** A plan style as exceljs writes it; a fresh object per cell, since exceljs may mutate it. */
export function cellStyle(style: Style): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  if (style.font) out.font = font(style.font);
  if (style.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: style.fill } };
  if (style.border) {
    const side: Partial<ExcelJS.Border> = { style: style.border, color: { argb: "FF000000" } };
    out.border = { top: side, left: side, bottom: side, right: side };
  }
  if (style.horizontal || style.vertical || style.wrap) {
    out.alignment = {
      ...(style.horizontal ? { horizontal: style.horizontal } : {}),
      ...(style.vertical ? { vertical: style.vertical } : {}),
      ...(style.wrap ? { wrapText: true } : {}),
    };
  }
  if (style.numberFormat) out.numFmt = style.numberFormat;
  return out;
}

/**
 * A conditional format's differential style. A solid fill in a conditional format is read from
 * bgColor (fgColor is ignored there), unlike a cell's own fill.
 */
export function conditionalStyle(style: ConditionalFormat["style"]): Partial<ExcelJS.Style> {
  return {
    ...(style.font ? { font: font(style.font) } : {}),
    ...(style.fill ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: style.fill } } } : {}),
  };
}

/** A font name with a Chinese character (仿宋, 黑体, 楷体 …). */
const CJK_NAME = /[\u3400-\u9fff]/;

/**
 * Excel writes a Chinese font with its character set (134, GB2312) and family (3), and uses
 * them to pick a substitute where the font is missing; without them a machine lacking 仿宋 may
 * substitute a font with no Chinese glyphs.
 */
function font(f: NonNullable<Style["font"]>): Partial<ExcelJS.Font> {
  return {
    ...(f.name ? { name: f.name } : {}),
    ...(f.name && CJK_NAME.test(f.name) ? { charset: 134, family: 3 } : {}),
    ...(f.size ? { size: f.size } : {}),
    ...(f.bold ? { bold: true } : {}),
    ...(f.italic ? { italic: true } : {}),
    ...(f.color ? { color: { argb: f.color } } : {}),
  };
}
