/**
 * Portable formula checks of the contact cells of summary tables and forms (ruling S3). They
 * flag the common slips on the sheet itself, for people without the add-in; the data a
 * renderer is given is checked in full by src/core/validators.ts (checkMobile, checkEmail).
 */
import { str } from "../formula";

const DIGITS = `{${"0123456789".split("").map(str).join(";")}}`;
const POSITIONS = `{${Array.from({ length: 11 }, (_, i) => i + 1).join(",")}}`;
const SECOND = `{${"3456789".split("").map(str).join(",")}}`;

/**
 * TRUE for an 11-digit mainland mobile number, 1 then 3–9 (S3), typed as text or as a number.
 * Each of the 11 characters is compared with the ten digits (a row of positions against a
 * column of digits), so spaces, hyphens, full-width digits and +86 all fail.
 */
export function mobileOk(cell: string): string {
  const s = `TRIM(${cell})`;
  return (
    `AND(LEN(${s})=11,SUMPRODUCT(--(MID(${s},${POSITIONS},1)=${DIGITS}))=11,` +
    `MID(${s},1,1)="1",SUMPRODUCT(--(MID(${s},2,1)=${SECOND}))=1)`
  );
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
