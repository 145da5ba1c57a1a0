/**
 * Portable formula checks of the contact cells of summary tables and forms (ruling S3). They
 * flag the common slips on the sheet itself, for people without the add-in; the data a
 * renderer is given is checked in full by src/core/validators.ts (checkMobile, checkEmail).
 */
import { cleanText } from "../formula";

/**
 * TRUE for an 11-digit mainland mobile number, 1 then 3–9 (S3), typed as text or as a number,
 * read as the engine reads it (spaces around it removed, src/core/validators.ts checkMobile).
 * The text must be exactly the digits of a whole number in [13000000000, 20000000000): so
 * "1.38e10", "+13800138000", "138 0013 8000", "13800138000.0" and full-width digits fail.
 * EXACT, because "=" compares text by collation in Gnumeric, where "１" equals "1". No array
 * constants: LibreOffice evaluates them differently inside a conditional format, and Gnumeric
 * does not expand MID(x,{1,…},1); VALUE of anything else is an error, caught by IFERROR.
 */
export function mobileOk(cell: string): string {
  const s = cleanText(cell);
  return `IFERROR(AND(EXACT(TEXT(VALUE(${s}),"0"),${s}),VALUE(${s})>=13000000000,VALUE(${s})<20000000000),FALSE)`;
}

/**
 * TRUE when the cell holds one "@" with something before it, and after it a "." with something
 * on both sides and at least two characters at the end, and no space. Deliberately simple:
 * full-width ＠ or 。, illegal characters and double dots pass here (the engine's checkEmail
 * catches them in data); surrounding spaces fail here although the engine trims them.
 */
export function emailOk(cell: string): string {
  return `AND(COUNTIF(${cell},"?*@?*.??*")=1,COUNTIF(${cell},"*@*@*")=0,COUNTIF(${cell},"* *")=0)`;
}

/** GB 32100-2015: the code's characters in value order (src/core/validators.ts USCC_CHARS). */
const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/** GB 32100-2015 §5: the weight of position i is 3^i mod 31. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * TRUE unless the cell holds 18 characters that are not a valid 统一社会信用代码 (ruling S3), read
 * as the engine reads it (src/core/validators.ts checkOrgCode): any other length passes, the
 * 9-character 组织机构代码 among them. The characters are first checked to be the code's own
 * (removing each with SUBSTITUTE, which compares exactly, leaves nothing): so a lower-case letter,
 * a full-width digit, I, O, Z, S, V or a wildcard fails before MATCH, which ignores case and reads
 * * and ? as wildcards, looks up each character's value. The "_" prefix keeps Gnumeric from
 * reading "1" in the array constant as a number. Portable functions only (no FIND).
 */
export function orgCodeOk(cell: string): string {
  const s = cleanText(cell);
  const chars = [...USCC_CHARS];
  const leftover = chars.reduce((inner, ch) => `SUBSTITUTE(${inner},"${ch}","")`, s);
  const values = `{${chars.map((ch) => `"_${ch}"`).join(",")}}`;
  const value = (i: number) => `(MATCH("_"&MID(${s},${i + 1},1),${values},0)-1)*${USCC_WEIGHTS[i]}`;
  const sum = `SUM(${USCC_WEIGHTS.map((_, i) => value(i)).join(",")})`;
  const check = `MID("${USCC_CHARS}",MOD(31-MOD(${sum},31),31)+1,1)`;
  return `IF(LEN(${s})<>18,TRUE,IF(LEN(${leftover})>0,FALSE,EXACT(${check},MID(${s},18,1))))`;
}
