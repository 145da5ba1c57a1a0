import type { Text } from "../../templates/schema";
import { cleanText, isBlank } from "./answers";
import { codePointName, invisibleChars } from "./identity";

/**
 * Ruling S3: checks of the contact and identity cells of summary tables and forms. Each check
 * says whether the cell is valid and, when it is not, why, in both languages and specifically
 * enough that a clerk can fix the cell without looking anything up. A blank cell is reported as
 * invalid with its own reason; whether a column may stay blank is the caller's decision.
 */
export interface Check {
  valid: boolean;
  reason?: Text;
}

function valid(): Check {
  return { valid: true };
}

function invalid(zh: string, en: string): Check {
  return { valid: false, reason: { zh, en } };
}

/** Full-width forms (U+FF01–U+FF5E) and the ideographic full stop, as typed by a Chinese IME. */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3002]/u;

function halfWidth(ch: string): string {
  if (ch === "\u3002") return ".";
  return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
}

/** 1-based, counted in characters (not UTF-16 units), as a user counts along the cell. */
function position(chars: string[], index: number): string {
  return `第 ${index + 1} 个字符“${chars[index]}”`;
}

function positionEn(chars: string[], index: number): string {
  return `character ${index + 1} ("${chars[index]}")`;
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

/**
 * Longer than any mobile number, code or address however it is written (spaces, +86, a note):
 * refused on its length before any per-character work or regular expression, so a check costs
 * the same for a 50 MB cell as for an 11-digit one.
 */
export const MAX_CHECKED_CHARS = { mobile: 64, uscc: 64, email: 320 } as const;

/** Mainland mobile numbers: 11 digits, 1 then 3–9 (ruling S3). */
export function checkMobile(raw: unknown): Check {
  if (typeof raw === "string" && raw.length > MAX_CHECKED_CHARS.mobile) {
    return invalid(`手机号码过长（${raw.length} 个字符），应为 11 位数字`, `the mobile number is ${raw.length} characters long; a mobile number has 11 digits`);
  }
  if (isBlank(raw)) return invalid("手机号码为空", "the mobile number is blank");
  let s: string;
  if (typeof raw === "number") {
    // Excel stores 13800138000 typed into a General cell as a number; its digits are the number.
    if (!Number.isInteger(raw) || raw < 0) {
      return invalid(`手机号码应为 11 位数字，收到 ${raw}`, `a mobile number is 11 digits, got ${raw}`);
    }
    s = BigInt(raw).toString();
  } else if (typeof raw === "string") {
    s = cleanText(raw);
  } else {
    return invalid(`手机号码应为 11 位数字，收到 ${typeof raw} 类型的值`, `a mobile number is 11 digits, got a ${typeof raw} value`);
  }

  const chars = Array.from(s);
  const fullWidth = chars.findIndex((c) => /[０-９]/u.test(c));
  if (fullWidth >= 0) {
    const fixed = chars.map((c) => (/[０-９]/u.test(c) ? halfWidth(c) : c)).join("");
    return invalid(
      `手机号码含全角数字（${position(chars, fullWidth)}），请改用半角数字：${clip(fixed)}`,
      `the mobile number has full-width digits (${positionEn(chars, fullWidth)}); use half-width digits: ${clip(fixed)}`,
    );
  }
  const compact = s.replace(/[\s-]/g, "");
  if (/^(?:\+86|0086|86)1\d{10}$/.test(compact)) {
    const local = compact.slice(-11);
    return invalid(`请去掉国家代码 +86，只填 11 位手机号码：${local}`, `drop the +86 country code and enter the 11 digits only: ${local}`);
  }
  const nonDigit = chars.findIndex((c) => !/[0-9]/.test(c));
  if (nonDigit >= 0) {
    if (/^\d+$/.test(compact)) {
      return invalid(
        `手机号码中不要有空格或连字符，请连续填写 ${compact.length} 位数字：${clip(compact)}`,
        `write the mobile number without spaces or hyphens: ${clip(compact)}`,
      );
    }
    return invalid(
      `手机号码只能由数字组成，${position(chars, nonDigit)}不是数字`,
      `a mobile number has digits only; ${positionEn(chars, nonDigit)} is not a digit`,
    );
  }
  if (s.length !== 11) {
    return invalid(`手机号码应为 11 位数字，收到 ${s.length} 位`, `a mobile number has 11 digits, this one has ${s.length}`);
  }
  if (!/^1[3-9]/.test(s)) {
    // 0 starts an area code: a landline was entered in a column that asks for a mobile.
    const landline = s.startsWith("0");
    return invalid(
      `手机号码应以 13–19 开头（1 后接 3–9），收到以 ${s.slice(0, 2)} 开头${landline ? "；固定电话不能代替手机号码" : ""}`,
      `a mainland mobile number starts with 13–19 (1 followed by 3–9), this one starts with ${s.slice(0, 2)}${landline ? "; a landline cannot stand in for a mobile number" : ""}`,
    );
  }
  return valid();
}

/** GB 32100-2015 §4: the code's character set, in value order (no I, O, Z, S, V). */
const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/** GB 32100-2015 §5: weight of position i is 3^i mod 31. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

function usccCheckChar(body: string[]): string {
  const sum = body.reduce((acc, c, i) => acc + USCC_CHARS.indexOf(c) * USCC_WEIGHTS[i], 0);
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}

/** 统一社会信用代码: 18 characters of the GB 32100-2015 set ending with its check character (ruling S3). */
export function checkUscc(raw: unknown): Check {
  if (typeof raw === "string" && raw.length > MAX_CHECKED_CHARS.uscc) {
    return invalid(`统一社会信用代码过长（${raw.length} 个字符），应为 18 位`, `the unified social credit code is ${raw.length} characters long; it has 18`);
  }
  if (isBlank(raw)) return invalid("统一社会信用代码为空", "the unified social credit code is blank");
  if (typeof raw === "number") {
    // An all-digit code typed into a General cell becomes a number with 15 significant digits.
    return invalid(
      "统一社会信用代码被 Excel 存成了数字，末几位已丢失：请把单元格设为“文本”格式后重新输入",
      "the unified social credit code was stored as a number, which keeps only 15 significant digits: format the cell as Text and type the code again",
    );
  }
  if (typeof raw !== "string") {
    return invalid(`统一社会信用代码应为 18 位字符，收到 ${typeof raw} 类型的值`, `a unified social credit code is 18 characters, got a ${typeof raw} value`);
  }
  const chars = Array.from(cleanText(raw));
  // Said first: a zero-width space makes 19 characters of 18 that look right, and the count alone would puzzle.
  const hidden = invisibleChars(chars.join(""));
  if (hidden.length > 0) {
    const { position, codePoint } = hidden[0];
    return invalid(
      `统一社会信用代码含不可见字符 ${codePointName(codePoint)}（第 ${position} 个字符），请删去后重新输入`,
      `the unified social credit code holds the invisible character ${codePointName(codePoint)} (character ${position}); delete it and type the code again`,
    );
  }
  if (chars.length !== 18) {
    return invalid(`统一社会信用代码应为 18 位，收到 ${chars.length} 位`, `a unified social credit code has 18 characters, this one has ${chars.length}`);
  }
  let lowerCase = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (USCC_CHARS.includes(c)) continue;
    if (/[a-z]/.test(c) && USCC_CHARS.includes(c.toUpperCase())) {
      lowerCase = true;
      continue;
    }
    let hintZh = "；只能使用数字 0–9 和除 I、O、Z、S、V 以外的大写字母";
    let hintEn = "; only digits 0–9 and capital letters other than I, O, Z, S, V are allowed";
    if (FULL_WIDTH.test(c)) {
      hintZh = `：全角字符，请改为半角“${halfWidth(c)}”`;
      hintEn = `: it is full-width, use the half-width "${halfWidth(c)}"`;
    } else if ("IOZSV".includes(c.toUpperCase())) {
      hintZh = "：代码不使用字母 I、O、Z、S、V，请核对是否应为数字 1、0、2、5 或字母 U";
      hintEn = ": the code never uses the letters I, O, Z, S, V; check for the digits 1, 0, 2, 5 or the letter U";
    }
    return invalid(
      `统一社会信用代码含非法字符：${position(chars, i)}${hintZh}`,
      `the unified social credit code has an illegal ${positionEn(chars, i)}${hintEn}`,
    );
  }
  if (lowerCase) {
    const upper = chars.join("").toUpperCase();
    return invalid(`统一社会信用代码中的字母应为大写：${upper}`, `write the letters of the unified social credit code in upper case: ${upper}`);
  }
  const expected = usccCheckChar(chars.slice(0, 17));
  if (chars[17] !== expected) {
    return invalid(
      `校验位错误：按前 17 位计算，第 18 位应为“${expected}”，收到“${chars[17]}”；可能有字符输错`,
      `wrong check character: from the first 17 characters the 18th should be "${expected}", not "${chars[17]}"; a character is probably mistyped`,
    );
  }
  return valid();
}

/**
 * The 申报书's 组织机构代码 (seed 001 附件1): an 18-character answer is a 统一社会信用代码, checked
 * as ruling S3 says (checkUscc); any other answer, the 9-character pre-2015 code among them, is
 * accepted as written. Characters are counted as checkUscc counts them (cleanText).
 */
export function checkOrgCode(raw: unknown): Check {
  if (typeof raw === "string" && Array.from(cleanText(raw)).length === 18) return checkUscc(raw);
  return valid();
}

/** Chinese punctuation an IME leaves at the end of a pasted address. */
const TRAILING_CN_PUNCTUATION = /[。，、；：！？）》」』】．“”‘’]$/u;

/**
 * A pragmatic e-mail check: the mistakes people make in 邮箱 cells (full-width ＠ and dots from a
 * Chinese IME, trailing 。, two addresses in one cell, a missing domain), not full RFC 5322.
 */
export function checkEmail(raw: unknown): Check {
  if (typeof raw === "string" && raw.length > MAX_CHECKED_CHARS.email) {
    return invalid(`邮箱过长（${raw.length} 个字符），一个邮箱地址最多 254 个字符`, `the e-mail address is ${raw.length} characters long; an address has at most 254`);
  }
  if (isBlank(raw)) return invalid("邮箱为空", "the e-mail address is blank");
  if (typeof raw !== "string") {
    return invalid(`邮箱应为文本，收到 ${typeof raw} 类型的值`, `an e-mail address is text, got a ${typeof raw} value`);
  }
  const s = cleanText(raw);
  const chars = Array.from(s);
  if (TRAILING_CN_PUNCTUATION.test(s)) {
    const last = chars[chars.length - 1];
    return invalid(`邮箱末尾多了中文标点“${last}”，请删除`, `remove the Chinese punctuation "${last}" at the end of the e-mail address`);
  }
  const ats = chars.filter((c) => c === "@" || c === "＠").length;
  if (ats > 1) {
    return invalid(`邮箱中有 ${ats} 个“@”：每个单元格只填一个邮箱地址`, `the cell has ${ats} "@" signs: enter one e-mail address per cell`);
  }
  if (s.includes("＠")) {
    return invalid("邮箱中的“＠”是全角字符，请改为半角“@”", 'the "＠" in the e-mail address is full-width: use the half-width "@"');
  }
  const fullWidth = chars.findIndex((c) => FULL_WIDTH.test(c));
  if (fullWidth >= 0) {
    const half = halfWidth(chars[fullWidth]);
    return invalid(
      `邮箱含全角字符：${position(chars, fullWidth)}，请改为半角“${half}”`,
      `the e-mail address has a full-width ${positionEn(chars, fullWidth)}: use the half-width "${half}"`,
    );
  }
  const space = chars.findIndex((c) => /\s/u.test(c));
  if (space >= 0) {
    return invalid(`邮箱中不能有空格（第 ${space + 1} 个字符）`, `an e-mail address has no spaces (character ${space + 1} is one)`);
  }
  const nonAscii = chars.findIndex((c) => !/[\x21-\x7e]/.test(c));
  if (nonAscii >= 0) {
    return invalid(
      `邮箱只能使用英文字母、数字和 . _ - 等符号，${position(chars, nonAscii)}不行`,
      `an e-mail address uses Latin letters, digits and symbols such as . _ -; ${positionEn(chars, nonAscii)} is not allowed`,
    );
  }
  if (ats === 0) return invalid("邮箱缺少“@”", 'the e-mail address has no "@"');
  const [local, domain] = s.split("@");
  return checkLocalPart(local) ?? checkDomain(domain) ?? (s.length > 254 ? invalid("邮箱过长（超过 254 个字符）", "the e-mail address is longer than 254 characters") : valid());
}

function checkLocalPart(local: string): Check | undefined {
  if (local === "") return invalid("“@”前缺少用户名", 'the e-mail address has nothing before the "@"');
  const bad = /[^A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]/.exec(local);
  if (bad) return invalid(`“@”前的用户名中不能有“${bad[0]}”`, `the part before the "@" cannot contain "${bad[0]}"`);
  if (local.startsWith(".") || local.endsWith(".") || local.includes("..")) {
    return invalid("“@”前的用户名不能以“.”开头或结尾，也不能有连续的“..”", 'the part before the "@" cannot start or end with "." or contain ".."');
  }
  if (local.length > 64) return invalid("“@”前的用户名过长（超过 64 个字符）", 'the part before the "@" is longer than 64 characters');
  return undefined;
}

function checkDomain(domain: string): Check | undefined {
  if (domain === "") return invalid("“@”后缺少域名，如 example.com", 'the e-mail address has no domain after the "@", such as example.com');
  if (!domain.includes(".")) {
    return invalid(`域名“${clip(domain)}”缺少“.”，应如 163.com、example.com.cn`, `the domain "${clip(domain)}" has no ".": it should look like 163.com or example.com.cn`);
  }
  const labels = domain.split(".");
  if (labels.some((l) => l === "")) {
    return invalid(`域名“${clip(domain)}”不能以“.”开头或结尾，也不能有连续的“..”`, `the domain "${clip(domain)}" cannot start or end with "." or contain ".."`);
  }
  for (const label of labels) {
    const bad = /[^A-Za-z0-9-]/.exec(label);
    if (bad) return invalid(`域名中不能有“${bad[0]}”`, `the domain cannot contain "${bad[0]}"`);
    if (label.startsWith("-") || label.endsWith("-")) {
      return invalid(`域名中的“${clip(label)}”不能以“-”开头或结尾`, `the domain part "${clip(label)}" cannot start or end with "-"`);
    }
    if (label.length > 63) return invalid("域名中有一段超过 63 个字符", "a part of the domain is longer than 63 characters");
  }
  const tld = labels[labels.length - 1];
  if (!/^(?:[A-Za-z]{2,}|xn--[A-Za-z0-9-]+)$/.test(tld)) {
    return invalid(`域名的最后一段“${clip(tld)}”不是有效的顶级域名（如 com、cn）`, `the last part of the domain, "${clip(tld)}", is not a top-level domain such as com or cn`);
  }
  return undefined;
}
