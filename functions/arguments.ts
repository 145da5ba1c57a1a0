import { findRubric, findScheme, rubrics, schemes } from "../templates/index";
import type { Rubric, Scheme } from "../templates/schema";
import { BLANK, isBlank, isProblem, readTick, show } from "../src/core/answers";
import { argumentError, cellError, problemsError } from "./errors";
import { basicValue, errorCode } from "./cells";
import type { Lang } from "./language";

/**
 * Reading the scalar arguments the functions share: rubric and scheme ids (the public ids of
 * templates/index.ts), an output language and a TRUE/FALSE switch. Each reader returns the value
 * or throws the CustomFunctions.Error that names the argument and what it accepts.
 */

/** The ids a message offers: read when the message is made, so templates loaded since are named too. */
const rubricIds = (): string => rubrics().map((r) => r.id).join(", ");
const schemeIds = (): string => schemes().map((s) => s.id).join(", ");

/** The cell's text, trimmed and lower-cased as ids are written; throws for a cell holding an error. */
function idText(raw: unknown, argument: string): string {
  const code = errorCode(raw);
  if (code !== null) throw cellError(code, { argument });
  const value = basicValue(raw);
  return isBlank(value) ? "" : String(value).trim().toLowerCase();
}

export function readRubric(raw: unknown, argument = "rubric"): Rubric {
  const id = idText(raw, argument);
  const rubric = findRubric(id);
  if (rubric) return rubric;
  if (id === "") throw notFound(argument, { zh: `未指定评分表；评分表有：${rubricIds()}`, en: `no rubric given; the rubrics are ${rubricIds()}` });
  if (findScheme(id)) {
    throw notFound(argument, {
      zh: `“${id}”是认定方案，不是评分表（认定请用 TIER）；评分表有：${rubricIds()}`,
      en: `"${id}" is a recognition scheme, not a rubric (use TIER for it); the rubrics are ${rubricIds()}`,
    });
  }
  throw notFound(argument, { zh: `没有编号为“${show(raw)}”的评分表；评分表有：${rubricIds()}`, en: `there is no rubric "${show(raw)}"; the rubrics are ${rubricIds()}` });
}

export function readScheme(raw: unknown, argument = "scheme"): Scheme {
  const id = idText(raw, argument);
  const scheme = findScheme(id);
  if (scheme) return scheme;
  if (id === "") throw notFound(argument, { zh: `未指定认定方案；认定方案有：${schemeIds()}`, en: `no scheme given; the schemes are ${schemeIds()}` });
  if (findRubric(id)) {
    throw notFound(argument, {
      zh: `“${id}”是评分表，不是认定方案（计分请用 SCORE）；认定方案有：${schemeIds()}`,
      en: `"${id}" is a rubric, not a recognition scheme (score it with SCORE); the schemes are ${schemeIds()}`,
    });
  }
  throw notFound(argument, { zh: `没有编号为“${show(raw)}”的认定方案；认定方案有：${schemeIds()}`, en: `there is no scheme "${show(raw)}"; the schemes are ${schemeIds()}` });
}

/** A rubric or a scheme: the templates whose answers are laid out in input-code order. */
export function readAnswerTemplate(raw: unknown, argument = "template"): Rubric | Scheme {
  const id = idText(raw, argument);
  const template = findRubric(id) ?? findScheme(id);
  if (template) return template;
  const all = `${rubricIds()}, ${schemeIds()}`;
  if (id === "") throw notFound(argument, { zh: `未指定评分表或认定方案；可用：${all}`, en: `no rubric or scheme given; they are ${all}` });
  throw notFound(argument, { zh: `没有编号为“${show(raw)}”的评分表或认定方案；可用：${all}`, en: `there is no rubric or scheme "${show(raw)}"; they are ${all}` });
}

function notFound(argument: string, message: { zh: string; en: string }): CustomFunctions.Error {
  return argumentError(argument, message, CustomFunctions.ErrorCode.notAvailable);
}

const LANGUAGES = new Map<string, Lang>([
  ["zh", "zh"],
  ["zh-cn", "zh"],
  ["中文", "zh"],
  ["en", "en"],
  ["en-us", "en"],
  ["english", "en"],
  ["英文", "en"],
]);

/** The language of a text result: zh unless asked for en (values must not depend on the machine). */
export function readLanguage(raw: unknown, argument = "language"): Lang {
  const text = idText(raw, argument);
  if (text === "") return "zh";
  const lang = LANGUAGES.get(text);
  if (lang) return lang;
  throw argumentError(argument, { zh: `语言应为 zh（中文）或 en（英文），收到“${show(raw)}”`, en: `the language is zh (Chinese) or en (English), got "${show(raw)}"` });
}

/** An optional TRUE/FALSE argument: blank is FALSE; 1/0, 是/否 and the other tick words are accepted. */
export function readSwitch(raw: unknown, argument: string): boolean {
  const code = errorCode(raw);
  if (code !== null) throw cellError(code, { argument });
  const tick = readTick(argument, basicValue(raw));
  if (isProblem(tick)) throw problemsError([tick], { argument });
  return tick !== BLANK && tick;
}
