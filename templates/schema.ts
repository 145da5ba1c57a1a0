/**
 * The shape of every official rule the product knows, as zod schemas.
 *
 * Each template under templates/ is plain typed data checked against these schemas when the
 * catalogue loads (templates/index.ts), so a malformed template fails loudly, naming the
 * template and the field, before anything scores with it. Cross-field checks (section sums,
 * bracket contiguity, inputs used exactly once) live here too, next to the shapes they guard.
 */
import { z } from "zod";
import { RUBRIC_SHEET_NAME_MAX, SHEET_NAME_FORBIDDEN, SHEET_NAME_MAX } from "./sheet-name";
import { INPUT_TYPES, testInputs } from "./constants";

export const textSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
export type Text = z.infer<typeof textSchema>;

/**
 * The file name or link of an issuing document. A built-in template cites one of the seed files
 * (../shared/seeds/, listed once in documents.ts; templates/catalogue.ts checks); a template a
 * user loads cites its own document and never a seed (templates/user.ts checks).
 */
const documentFileSchema = z.string().min(1).max(2000);

/** Where a rule comes from: the document's file, annex (附件/表), item number, and the ruling that settles it. */
export const sourceSchema = z
  .object({
    doc: documentFileSchema,
    annex: z.string().min(1).optional(),
    item: z.string().min(1),
    ruling: z.string().regex(/^[A-Z]\d+$/, "a ruling id such as D3 or T2").optional(),
  })
  .strict();
export type Source = z.infer<typeof sourceSchema>;

const codeSchema = z.string().regex(/^[0-9A-Za-z_.-]+$/, "letters, digits, '.', '_' or '-'");

const levelSchema = z
  .object({
    /** The official wording (zh) is what users type and what sheets offer in dropdowns. */
    name: textSchema,
    aliases: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type LevelDef = z.infer<typeof levelSchema>;

/**
 * An input a user answers. The type decides which answers are accepted (src/core/answers.ts):
 * - tick: a checkbox (TRUE/FALSE, 1/0, 是/否, 有/无, ☑/□, √);
 * - rate: a fraction in [0, 1] that cannot exceed 100% (数控化率, 联网率, shares; ruling G2);
 * - reduction: a change named …降低/下降/减少/缩短, at most 1 (nothing falls by more than
 *   all of it) and below 0 when the measure rose (ruling G2);
 * - improvement: a change named …提高/提升/增长, which may exceed 1 (read with a warning
 *   saying so) or fall below 0 (ruling G2);
 * - tick-or-rate: a tick, or the actual rate compared with the rule's threshold;
 * - level: one of the ordered level names, lowest first;
 * - number / integer: an amount within optional bounds, with a unit.
 */
// INPUT_TYPES, RATE_TYPES and testInputs live in templates/constants.ts, without zod: code that
// uses them as values (the engine, the task pane) does not load zod by importing them.
export { INPUT_TYPES, RATE_TYPES, testInputs } from "./constants";

export const inputSchema = z
  .object({
    code: codeSchema,
    label: textSchema,
    type: z.enum(INPUT_TYPES),
    unit: textSchema.optional(),
    /** What the document says the answer covers, shown beside the input (seed 004 备注: what counts as 数字化改造软件/硬件). */
    note: z.object({ text: textSchema, source: sourceSchema }).strict().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    levels: z.array(levelSchema).min(2).optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if ((input.type === "level") !== (input.levels !== undefined)) {
      ctx.addIssue({ code: "custom", path: ["levels"], message: "levels are given exactly when type is 'level'" });
    }
    if (input.min !== undefined && input.max !== undefined && input.min > input.max) {
      ctx.addIssue({ code: "custom", path: ["min"], message: "min is greater than max" });
    }
  });
export type InputDef = z.infer<typeof inputSchema>;

/**
 * One bracket of a rate rule: min inclusive, max exclusive (rulings G1, G4); null means
 * unbounded: the lowest bracket extends downward (D3, D6) and the top bracket upward (G4).
 */
const bracketSchema = z
  .object({ min: z.number().nullable(), max: z.number().nullable(), points: z.number().min(0) })
  .strict();
export type Bracket = z.infer<typeof bracketSchema>;

export const scoringRuleSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("tick"), input: codeSchema, points: z.number().positive() }).strict(),
  z
    .object({
      kind: z.literal("tick-or-rate"),
      input: codeSchema,
      points: z.number().positive(),
      /** A rate at or above this scores the points (以上 includes the number, ruling G1). */
      min: z.number().gt(0).lte(1),
    })
    .strict(),
  z
    .object({
      kind: z.literal("count"),
      inputs: z.array(codeSchema).min(2),
      atLeast: z.number().int().positive(),
      points: z.number().positive(),
      /** Below atLeast: round(n × points / atLeast, decimals), which an expert may replace (D4). */
      partialDecimals: z.number().int().min(0).max(3),
    })
    .strict(),
  z
    .object({
      kind: z.literal("brackets"),
      input: codeSchema,
      brackets: z.array(bracketSchema).min(2),
    })
    .strict()
    .superRefine((rule, ctx) => checkBrackets(rule.brackets, ctx)),
  z
    .object({
      kind: z.literal("level"),
      input: codeSchema,
      /** Points keyed by the level's zh name. */
      points: z.record(z.string(), z.number().min(0)),
    })
    .strict(),
]);
export type ScoringRule = z.infer<typeof scoringRuleSchema>;

function checkBrackets(brackets: Bracket[], ctx: z.RefinementCtx): void {
  brackets.forEach((b, i) => {
    const path = ["brackets", i];
    // Rulings D3 and D6 give the lowest bracket every value below the next one's bound ("< 40% → 5
    // (even 0%)", "below 8% → 0"), a fall in an improvement (a negative answer, G2) included. A
    // lowest bracket "from 0" would leave a negative answer in no bracket, so it is unbounded.
    if (i === 0 && b.min !== null) {
      ctx.addIssue({ code: "custom", path: [...path, "min"], message: "the lowest bracket takes every value below the next one, negative ones included (rulings D3, D6): min must be null" });
    }
    if (i > 0 && b.min !== brackets[i - 1].max) {
      ctx.addIssue({ code: "custom", path: [...path, "min"], message: `bracket ${i} starts at ${b.min} but the previous one ends at ${brackets[i - 1].max}: a gap or an overlap` });
    }
    if (i === brackets.length - 1 && b.max !== null) {
      ctx.addIssue({ code: "custom", path: [...path, "max"], message: "the top bracket extends upward: max must be null (ruling G4)" });
    }
    if (i < brackets.length - 1 && b.max === null) {
      ctx.addIssue({ code: "custom", path: [...path, "max"], message: "only the top bracket may be unbounded" });
    }
    if (b.min !== null && b.max !== null && !(b.min < b.max)) {
      ctx.addIssue({ code: "custom", path, message: `bracket [${b.min}, ${b.max}) does not ascend` });
    }
  });
}

const itemSchema = z
  .object({
    code: codeSchema,
    /** The item's wording in the table (评价内容). */
    name: textSchema,
    /** A short name for rule explanations, e.g. 数控化率. */
    short: textSchema,
    max: z.number().positive(),
    source: sourceSchema,
    rule: scoringRuleSchema,
  })
  .strict();
export type RubricItem = z.infer<typeof itemSchema>;

const sectionSchema = z
  .object({
    code: codeSchema,
    name: textSchema,
    max: z.number().positive(),
    source: sourceSchema,
    items: z.array(itemSchema).min(1),
  })
  .strict();
export type RubricSection = z.infer<typeof sectionSchema>;

/** D7: an answer that presupposes others is scored as written but warned about. */
const consistencySchema = z
  .object({
    when: codeSchema,
    requires: z.array(codeSchema).min(1),
    message: textSchema,
    source: sourceSchema,
  })
  .strict();
export type ConsistencyRule = z.infer<typeof consistencySchema>;

const documentSchema = z
  .object({
    /** 文号 or the document's title as issued. */
    reference: z.string().min(1),
    issuer: textSchema,
    year: z.number().int().min(2000).max(2100),
    /** The issued document's file name or link; a loaded template gives it (templates/user.ts), the built-in ones cite their seeds. */
    file: documentFileSchema.optional(),
  })
  .strict();

/**
 * Fixed wording an official document prints (ruling F2), in the seed's words: it is data, not an
 * answer, so the sheets, the Word/PDF export and any other renderer print the same text.
 */

/** A 注 / 备注 block: the label, then its items ("注：1、…；2、…"; a single item has no number). */
export const noteSchema = z
  .object({
    /** The printed lead-in without its colon: 注, 备注. */
    label: textSchema,
    items: z.array(textSchema).min(1),
    source: sourceSchema,
  })
  .strict();
export type PrintedNote = z.infer<typeof noteSchema>;

/**
 * A pledge (承诺) printed as a row of the form: its title in the label cell, the text beside it,
 * then the signature, seal and date lines, right-aligned under the text as on the paper form.
 */
export const pledgeSchema = z
  .object({
    title: textSchema,
    text: textSchema,
    /** Each a line to sign, seal or date by hand, e.g. 法定代表人签章：, 公  章：, 年  月  日. */
    signatures: z.array(textSchema).min(1),
    source: sourceSchema,
  })
  .strict();
export type Pledge = z.infer<typeof pledgeSchema>;

/** The 附件N label an annexed document prints at its top left, e.g. 附件1 (no space, GB/T 9704). */
const annexLabelSchema = z.string().regex(/^附件\d+$/, "a label such as 附件1");

/** A template's public id; a function so that schemas above templateBase can use it. */
function templateBaseId() {
  return z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "a lower-case id such as shaoxing-discrete");
}

/**
 * Who fills a sheet in, which decides where the task pane lists it: 经办人 (clerk), 评审专家
 * (expert), 企业 (enterprise).
 */
export const SHEET_ROLES = ["clerk", "expert", "enterprise"] as const;

/**
 * The worksheet a template is built as (src/sheets). A template may leave `sheet` out, or any of
 * its fields: the sheet is then named after title.zh (templates/sheet-name.ts) and the other
 * fields take the defaults below.
 */
function sheetNameSchema(max = SHEET_NAME_MAX) {
  return z
    .string()
    .min(1)
    .max(max, `at most ${max} characters (an Excel sheet name has at most ${SHEET_NAME_MAX})`)
    .refine((name) => !SHEET_NAME_FORBIDDEN.test(name), "an Excel sheet name cannot contain [ ] : * ? / or \\")
    .refine((name) => !name.startsWith("'") && !name.endsWith("'"), "an Excel sheet name cannot start or end with an apostrophe");
}
const sheetName = sheetNameSchema().optional();
const plainSheetSchema = z.object({ name: sheetName }).strict();

/**
 * A template's sample answers, as its sheet's data takes them (`assessbook build --all`, the
 * task pane's 示例). Any JSON data here: the sheet's own reading checks it when a sheet is built
 * from it, naming the field. Left out, a sample is generated from the template's inputs.
 */
const sampleSchema = z.json().optional();

const rubricSheetSchema = z
  .object({
    /** What the names of the rubric's three sheets start with: 表1 → 表1 评分, 表1 批量评分, 表1 专家组评分. */
    name: sheetNameSchema(RUBRIC_SHEET_NAME_MAX).optional(),
  })
  .strict();

const schemeSheetSchema = z
  .object({
    name: sheetName,
    role: z.enum(SHEET_ROLES).default("enterprise"),
    /** Show one tier at a time, chosen by the sheet's `mode` parameter (shanxi-2018's 要素条件, one mode per enterprise). */
    byMode: z.boolean().default(false),
    /** The document's own heading of the conditions every tier needs, e.g. 一、基础要求; 基本条件 when left out. */
    commonTitle: z.string().min(1).max(100).optional(),
  })
  .strict();

const templateBase = {
  id: templateBaseId(),
  version: z.number().int().positive(),
  title: textSchema,
  document: documentSchema,
  source: sourceSchema,
};

const rubricShape = z
  .object({
    ...templateBase,
    kind: z.literal("rubric"),
    max: z.number().positive(),
    /** In the rulings' order: the order of positional input arrays and sheet columns. */
    inputs: z.array(inputSchema).min(1),
    sections: z.array(sectionSchema).min(1),
    consistency: z.array(consistencySchema).default([]),
    /** The 注 printed under the official table (seed 003: 亩均产值的平均水平…). */
    notes: noteSchema.optional(),
    sheet: rubricSheetSchema.optional(),
    /** The data of each of its three sheets: one enterprise's answers, batch rows, an expert panel (src/sheets/scoring). */
    sample: z.object({ single: z.json(), batch: z.json(), panel: z.json() }).strict().optional(),
  })
  .strict();
export type Rubric = z.infer<typeof rubricShape>;
export const rubricSchema = rubricShape.superRefine(checkRubric);

function ruleInputs(rule: ScoringRule): string[] {
  return rule.kind === "count" ? rule.inputs : [rule.input];
}

/** The most an item's rule can award, which must equal the item's stated maximum. */
export function ruleMaximum(rule: ScoringRule): number {
  switch (rule.kind) {
    case "tick":
    case "tick-or-rate":
    case "count":
      return rule.points;
    case "brackets":
      return Math.max(...rule.brackets.map((b) => b.points));
    case "level":
      return Math.max(...Object.values(rule.points));
  }
}

const TYPES_FOR_RULE: Record<ScoringRule["kind"], InputDef["type"][]> = {
  tick: ["tick"],
  "tick-or-rate": ["tick-or-rate"],
  count: ["tick"],
  brackets: ["rate", "reduction", "improvement"],
  level: ["level"],
};

function checkRubric(r: Rubric, ctx: z.RefinementCtx): void {
  const inputs = new Map(r.inputs.map((i) => [i.code, i]));
  if (inputs.size !== r.inputs.length) ctx.addIssue({ code: "custom", path: ["inputs"], message: "input codes must be unique" });
  const used = new Map<string, string>();
  const itemCodes = new Set<string>();
  let total = 0;
  r.sections.forEach((section, s) => {
    let sum = 0;
    section.items.forEach((item, i) => {
      const path = ["sections", s, "items", i];
      if (itemCodes.has(item.code)) ctx.addIssue({ code: "custom", path: [...path, "code"], message: `item code ${item.code} appears twice` });
      itemCodes.add(item.code);
      sum += item.max;
      if (ruleMaximum(item.rule) !== item.max) {
        ctx.addIssue({ code: "custom", path: [...path, "max"], message: `item ${item.code} states max ${item.max} but its rule awards at most ${ruleMaximum(item.rule)}` });
      }
      for (const code of ruleInputs(item.rule)) {
        const input = inputs.get(code);
        if (!input) {
          ctx.addIssue({ code: "custom", path: [...path, "rule"], message: `item ${item.code} reads input ${code}, which is not declared` });
          continue;
        }
        if (used.has(code)) ctx.addIssue({ code: "custom", path: [...path, "rule"], message: `input ${code} is read by items ${used.get(code)} and ${item.code}` });
        used.set(code, item.code);
        if (!TYPES_FOR_RULE[item.rule.kind].includes(input.type)) {
          ctx.addIssue({ code: "custom", path: [...path, "rule"], message: `a ${item.rule.kind} rule cannot read input ${code} of type ${input.type}` });
        }
        if (item.rule.kind === "level") {
          const names = (input.levels ?? []).map((l) => l.name.zh).sort();
          const keys = Object.keys(item.rule.points).sort();
          if (names.join("|") !== keys.join("|")) {
            ctx.addIssue({ code: "custom", path: [...path, "rule", "points"], message: `points must be keyed by the levels of input ${code}: ${names.join(", ")}` });
          }
        }
      }
    });
    if (Math.abs(sum - section.max) > 1e-9) {
      ctx.addIssue({ code: "custom", path: ["sections", s, "max"], message: `section ${section.code} states ${section.max} points but its items add up to ${sum}` });
    }
    total += section.max;
  });
  if (Math.abs(total - r.max) > 1e-9) ctx.addIssue({ code: "custom", path: ["max"], message: `the rubric states ${r.max} points but its sections add up to ${total}` });
  for (const input of r.inputs) {
    if (!used.has(input.code)) ctx.addIssue({ code: "custom", path: ["inputs"], message: `input ${input.code} is declared but no item reads it` });
  }
  r.consistency.forEach((c, i) => {
    for (const code of [c.when, ...c.requires]) {
      if (!inputs.has(code)) ctx.addIssue({ code: "custom", path: ["consistency", i], message: `consistency rule names undeclared input ${code}` });
    }
  });
}

const tickTestSchema = z.object({ kind: z.literal("tick"), input: codeSchema }).strict();
const compareTestSchema = z
  .object({
    kind: z.literal("compare"),
    input: codeSchema,
    /** Ruling G1: 以上/不低于/达到 → '>=', 超过 → '>', 不超过/以内 → '<=', 低于/不满 → '<'. */
    op: z.enum([">=", ">", "<=", "<"]),
    value: z.number(),
  })
  .strict();

/** One key element of a group: a tick, or a rate or amount compared with a bound. */
const elementTestSchema = z.discriminatedUnion("kind", [tickTestSchema, compareTestSchema]);
export type ElementTest = z.infer<typeof elementTestSchema>;

/** A tier condition's test on the answers; derived values (ratios) may be compared too. */
export const testSchema = z.discriminatedUnion("kind", [
  tickTestSchema,
  compareTestSchema,
  z.object({ kind: z.literal("any"), inputs: z.array(codeSchema).min(1), atLeast: z.number().int().positive() }).strict(),
  /** The input's level is at least the named one (levels are ordered lowest first). */
  z.object({ kind: z.literal("level"), input: codeSchema, atLeast: z.string().min(1) }).strict(),
  /**
   * At least `atLeast` groups with every element met: seed 003 第八条(二) asks for one of the
   * five new modes with its key elements (附件) in place, each element an input of its own.
   */
  z
    .object({
      kind: z.literal("groups"),
      groups: z.array(z.object({ name: textSchema, elements: z.array(elementTestSchema).min(1) }).strict()).min(1),
      atLeast: z.number().int().positive(),
    })
    .strict(),
]);
export type ConditionTest = z.infer<typeof testSchema>;

const conditionSchema = z
  .object({
    id: codeSchema,
    text: textSchema,
    source: sourceSchema,
    /** advisory: unmet is a warning that needs a written justification, not a fail (ruling T2). */
    severity: z.enum(["required", "advisory"]).default("required"),
    test: testSchema,
  })
  .strict();
export type Condition = z.infer<typeof conditionSchema>;

const tierSchema = z
  .object({
    id: codeSchema,
    name: textSchema,
    source: sourceSchema,
    conditions: z.array(conditionSchema).min(1),
  })
  .strict();
export type Tier = z.infer<typeof tierSchema>;

const derivedSchema = z
  .object({
    code: codeSchema,
    label: textSchema,
    /** numerator / denominator, both declared inputs. */
    ratio: z.tuple([codeSchema, codeSchema]),
    source: sourceSchema,
  })
  .strict();
export type DerivedValue = z.infer<typeof derivedSchema>;

const schemeShape = z
  .object({
    ...templateBase,
    kind: z.literal("scheme"),
    /**
     * ladder: tiers ascend and the result is the highest one met (and the gap to the next);
     * alternatives: independent modes or project types, each met or not.
     */
    structure: z.enum(["ladder", "alternatives"]),
    /**
     * A ladder whose tiers build on each other (ruling T5, the 2024 gradient): a tier is met only
     * when every lower tier's required conditions are met too. Without it each tier is judged on
     * its own article (Shaoxing's three project types, T1), and the highest one met is reported.
     */
    cumulative: z.boolean().default(false),
    inputs: z.array(inputSchema).min(1),
    derived: z.array(derivedSchema).default([]),
    /** Conditions every tier needs (基本条件 / 基础要求). */
    common: z.array(conditionSchema).default([]),
    tiers: z.array(tierSchema).min(1),
    sheet: schemeSheetSchema.optional(),
    /** Answers by input code, as `assessbook tier` takes them. */
    sample: sampleSchema,
  })
  .strict();
export type Scheme = z.infer<typeof schemeShape>;
export const schemeSchema = schemeShape.superRefine(checkScheme);

/** The tests a condition applies to single inputs: a group's elements, or the test itself. */
function unitTests(test: ConditionTest): Exclude<ConditionTest, { kind: "groups" }>[] {
  return test.kind === "groups" ? test.groups.flatMap((g) => g.elements) : [test];
}

function checkScheme(s: Scheme, ctx: z.RefinementCtx): void {
  const inputs = new Map(s.inputs.map((i) => [i.code, i]));
  if (inputs.size !== s.inputs.length) ctx.addIssue({ code: "custom", path: ["inputs"], message: "input codes must be unique" });
  const derived = new Map(s.derived.map((d) => [d.code, d]));
  s.derived.forEach((d, i) => {
    for (const code of d.ratio) {
      if (inputs.get(code)?.type !== "number") ctx.addIssue({ code: "custom", path: ["derived", i, "ratio"], message: `ratio ${d.code} needs declared number inputs, not ${code}` });
    }
  });
  const used = new Set<string>();
  const check = (c: Condition, path: (string | number)[]) => {
    const count = c.test.kind === "any" ? c.test.inputs.length : c.test.kind === "groups" ? c.test.groups.length : Infinity;
    if ((c.test.kind === "any" || c.test.kind === "groups") && c.test.atLeast > count) {
      ctx.addIssue({ code: "custom", path: [...path, "test", "atLeast"], message: `condition ${c.id} asks for ${c.test.atLeast} of only ${count}` });
    }
    for (const test of unitTests(c.test)) {
      for (const code of testInputs(test)) {
        used.add(code);
        const input = inputs.get(code);
        if (!input && !derived.has(code)) {
          ctx.addIssue({ code: "custom", path: [...path, "test"], message: `condition ${c.id} reads ${code}, which is neither an input nor a derived value` });
          continue;
        }
        const type = input?.type ?? "rate";
        const ok =
          (test.kind === "tick" && type === "tick") ||
          (test.kind === "any" && type === "tick") ||
          (test.kind === "compare" && ["rate", "reduction", "improvement", "number", "integer"].includes(type)) ||
          (test.kind === "level" && type === "level");
        if (!ok) ctx.addIssue({ code: "custom", path: [...path, "test"], message: `a ${test.kind} test cannot read ${code} of type ${type}` });
        if (test.kind === "level" && input?.levels && !input.levels.some((l) => l.name.zh === test.atLeast)) {
          ctx.addIssue({ code: "custom", path: [...path, "test", "atLeast"], message: `${test.atLeast} is not a level of ${code}` });
        }
      }
    }
  };
  if (s.cumulative && s.structure !== "ladder") ctx.addIssue({ code: "custom", path: ["cumulative"], message: "only a ladder's tiers can build on each other" });
  s.common.forEach((c, i) => check(c, ["common", i]));
  const ids = new Set<string>();
  s.tiers.forEach((t, ti) => {
    if (ids.has(t.id)) ctx.addIssue({ code: "custom", path: ["tiers", ti, "id"], message: `tier id ${t.id} appears twice` });
    ids.add(t.id);
    t.conditions.forEach((c, ci) => check(c, ["tiers", ti, "conditions", ci]));
  });
  for (const d of s.derived) d.ratio.forEach((code) => used.add(code));
  for (const input of s.inputs) {
    if (!used.has(input.code)) ctx.addIssue({ code: "custom", path: ["inputs"], message: `input ${input.code} is declared but no condition reads it` });
  }
}

export const kpiSetSchema = z
  .object({
    ...templateBase,
    kind: z.literal("kpi-set"),
    categories: z
      .array(
        z
          .object({
            /** The official category number, e.g. (一). */
            code: z.string().min(1),
            name: textSchema,
            indicators: z
              .array(
                z
                  .object({
                    no: z.number().int().positive(),
                    name: textSchema,
                    unit: textSchema,
                    /**
                     * change: computed from a baseline and a current value of `measure`;
                     * level: the value itself (ruling K1).
                     */
                    kind: z.enum(["level", "change"]),
                    /** Which way the underlying measure improves: 缩短/下降/降低 → lower. */
                    better: z.enum(["higher", "lower"]),
                    measure: textSchema,
                    source: sourceSchema,
                  })
                  .strict(),
              )
              .min(1),
          })
          .strict(),
      )
      .min(1),
    sheet: plainSheetSchema.optional(),
    /** The tracker's data: period labels and each indicator's baseline, values and target (src/sheets/tables/kpi-data.ts). */
    sample: sampleSchema,
  })
  .strict()
  .superRefine((set, ctx) => {
    const numbers = set.categories.flatMap((c) => c.indicators.map((i) => i.no));
    numbers.forEach((n, i) => {
      if (n !== i + 1) ctx.addIssue({ code: "custom", path: ["categories"], message: `indicators must be numbered 1, 2, 3… in order; found ${n} at position ${i + 1}` });
    });
  });
export type KpiSet = z.infer<typeof kpiSetSchema>;
export type KpiIndicator = KpiSet["categories"][number]["indicators"][number];

/**
 * What a summary column holds, for the code that reads rows without knowing the table: merge
 * finds duplicates by the enterprise (and its 统一社会信用代码), 第十三条 by the project, and so on.
 */
export const COLUMN_ROLES = ["enterprise", "project", "uscc", "contact", "mobile", "email", "scenarios"] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** The column type a role needs, when it needs one (the cell check follows the type). */
const ROLE_TYPES: Partial<Record<ColumnRole, SummaryColumnType>> = { mobile: "mobile", email: "email", scenarios: "scenarios" };

const COLUMN_TYPES = ["serial", "text", "mobile", "email", "scenarios"] as const;
type SummaryColumnType = (typeof COLUMN_TYPES)[number];

const columnSchema = z
  .object({
    key: codeSchema,
    header: textSchema,
    /** serial: 序号, numbered automatically; scenarios: 环节名—场景名—实例名 entries (ruling S2). */
    type: z.enum(COLUMN_TYPES),
    required: z.boolean(),
    /** What the column holds (COLUMN_ROLES); each role names at most one column of a table. */
    role: z.enum(COLUMN_ROLES).optional(),
    /** A worked example from the official table, shown as a hint. */
    example: textSchema.optional(),
  })
  .strict();
export type SummaryColumn = z.infer<typeof columnSchema>;

/**
 * A form whose answers make one row of the table (merge reads each such form as a row): column
 * key → the form's field keys that fill it, the first one answered winning. A field of the form
 * checked as a credit code (`check: "credit-code"`) is read as the row's 统一社会信用代码.
 */
const feedSchema = z
  .object({
    form: templateBaseId(),
    columns: z.record(codeSchema, z.array(codeSchema).min(1)),
    source: sourceSchema,
  })
  .strict();
export type SummaryFeed = z.infer<typeof feedSchema>;

export const summarySchema = z
  .object({
    ...templateBase,
    kind: z.literal("summary"),
    /** The 附件N label printed above the title. */
    annex: annexLabelSchema,
    /** The 推荐单位（盖章） line above the table, as printed. */
    stampLine: textSchema,
    columns: z.array(columnSchema).min(2),
    /** The official 注 under the table. */
    notes: z.array(textSchema).min(1),
    recommenders: z
      .array(z.object({ id: codeSchema, name: textSchema, limit: z.number().int().positive(), source: sourceSchema }).strict())
      .min(1),
    /** Rows printed on the blank official table. */
    blankRows: z.number().int().positive(),
    /** The forms whose answers fill rows of this table (merge). */
    feeds: z.array(feedSchema).default([]),
    sheet: plainSheetSchema.optional(),
    /** The recommender's name and the table's rows by column key (src/sheets/tables/summary-data.ts). */
    sample: sampleSchema,
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.columns[0]?.type !== "serial") ctx.addIssue({ code: "custom", path: ["columns", 0, "type"], message: "the first column of a summary table is 序号 (serial)" });
    const roles = new Map<ColumnRole, string>();
    t.columns.forEach((c, i) => {
      if (c.role === undefined) return;
      const path = ["columns", i, "role"];
      if (c.type === "serial") ctx.addIssue({ code: "custom", path, message: "序号 (serial) has no role" });
      if (roles.has(c.role)) ctx.addIssue({ code: "custom", path, message: `columns ${roles.get(c.role)} and ${c.key} both have the role ${c.role}` });
      roles.set(c.role, c.key);
      const type = ROLE_TYPES[c.role];
      if (type !== undefined && c.type !== type) ctx.addIssue({ code: "custom", path, message: `a ${c.role} column has the type ${type}, not ${c.type}` });
    });
    // Merge tells rows of one enterprise apart by it (duplicates, 第十三条): a table cannot do without it.
    if (!roles.has("enterprise")) ctx.addIssue({ code: "custom", path: ["columns"], message: "one column has the role enterprise (the enterprise's name)" });
    const keys = new Set(t.columns.filter((c) => c.type !== "serial").map((c) => c.key));
    t.feeds.forEach((f, i) => {
      for (const key of Object.keys(f.columns)) {
        if (!keys.has(key)) ctx.addIssue({ code: "custom", path: ["feeds", i, "columns", key], message: `${key} is not a data column of this table; the columns are ${[...keys].join(", ")}` });
      }
    });
  });
export type SummaryTable = z.infer<typeof summarySchema>;

const fieldSchema = z
  .object({
    key: codeSchema,
    label: textSchema,
    type: z.enum(["text", "longtext", "number", "percent", "date", "period", "choice", "multichoice", "yesno", "mobile", "phone", "email", "grid"]),
    unit: textSchema.optional(),
    /** choice / multichoice options in the form's order. */
    options: z.array(textSchema).optional(),
    /** The form offers an 其他____ blank after the options. */
    other: z.boolean().optional(),
    /** A word limit printed on the form, e.g. 限 400 字. */
    maxLength: z.number().int().positive().optional(),
    /** The form's own hint under the field. */
    hint: textSchema.optional(),
    /**
     * credit-code: a text field of the pre-2015 organisation-code era (申报书 组织机构代码) where
     * enterprises now write their 统一社会信用代码; an 18-character answer is checked as one
     * (ruling S3, GB 32100-2015 check character), a 9-character 组织机构代码 is accepted as written.
     */
    check: z.literal("credit-code").optional(),
    /** grid fields: a small table (years × figures, signatories). */
    grid: z.object({ rows: z.array(textSchema).min(1), columns: z.array(textSchema).min(1) }).strict().optional(),
    /**
     * A merged row header the form prints left of consecutive fields that share it (浦江申报表's
     * 项目内容概述 over 主要目标 … 技术路线). Consecutive fields with an equal group form one block.
     */
    group: textSchema.optional(),
    /** A line printed at the foot of the answer's box to sign by hand (验收表 综合意见: 专家签字：). */
    signature: textSchema.optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    const needsOptions = f.type === "choice" || f.type === "multichoice";
    if (needsOptions !== (f.options !== undefined)) ctx.addIssue({ code: "custom", path: ["options"], message: "options are given exactly for choice and multichoice fields" });
    if ((f.type === "grid") !== (f.grid !== undefined)) ctx.addIssue({ code: "custom", path: ["grid"], message: "grid is given exactly for grid fields" });
  });
export type FormField = z.infer<typeof fieldSchema>;

export const formSchema = z
  .object({
    ...templateBase,
    kind: z.literal("form"),
    /** The 附件N label printed above the title. */
    annex: annexLabelSchema,
    sections: z
      .array(
        z
          .object({
            title: textSchema,
            /**
             * The printed form gives this block no title of its own (the 申报书's cover page): `title`
             * names it in messages and on screen lists, and is not printed.
             */
            untitled: z.boolean().default(false),
            /** A level-1 heading printed above this section's title (申报书: 一、企业和试点示范基本信息). */
            heading: textSchema.optional(),
            /** The section starts a new printed page (the 申报书's table follows its cover page). */
            newPage: z.boolean().default(false),
            source: sourceSchema,
            fields: z.array(fieldSchema).min(1),
          })
          .strict(),
      )
      .min(1),
    /** The pledge printed as the form's last row (申报书 真实性承诺). */
    pledge: pledgeSchema.optional(),
    /** The 备注 / 注 printed under the form's table. */
    notes: noteSchema.optional(),
    sheet: plainSheetSchema.optional(),
    /** Answers by field key (src/sheets/tables/form-data.ts). */
    sample: sampleSchema,
  })
  .strict()
  .superRefine((f, ctx) => {
    const keys = f.sections.flatMap((s) => s.fields.map((x) => x.key));
    const dup = keys.find((k, i) => keys.indexOf(k) !== i);
    if (dup) ctx.addIssue({ code: "custom", path: ["sections"], message: `field key ${dup} appears twice` });
    // A group is one merged row header: its fields must follow each other within a section.
    f.sections.forEach((s, si) => {
      const seen = new Set<string>();
      s.fields.forEach((x, i) => {
        const group = x.group?.zh;
        if (group === undefined || group === s.fields[i - 1]?.group?.zh) return;
        if (seen.has(group)) ctx.addIssue({ code: "custom", path: ["sections", si, "fields", i, "group"], message: `the fields of group ${group} must follow each other` });
        seen.add(group);
      });
    });
  });
export type Form = z.infer<typeof formSchema>;
export type FormSection = Form["sections"][number];

export const templateSchema = z.discriminatedUnion("kind", [rubricSchema, schemeSchema, kpiSetSchema, summarySchema, formSchema]);
export type Template = z.infer<typeof templateSchema>;
export type TemplateKind = Template["kind"];

/** What a template file is written as: defaults (aliases, severity …) may be left out. */
export type RubricSource = z.input<typeof rubricSchema>;
export type SchemeSource = z.input<typeof schemeSchema>;
export type KpiSetSource = z.input<typeof kpiSetSchema>;
export type SummarySource = z.input<typeof summarySchema>;
export type FormSource = z.input<typeof formSchema>;
export type TemplateSource = z.input<typeof templateSchema>;
