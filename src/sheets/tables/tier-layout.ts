/**
 * Where everything of a tier self-check goes, decided before any cell is written, because the
 * results block at the top refers to condition rows further down.
 *
 * An input read by exactly one shown condition (a tick, a single rate) is answered on that
 * condition's row; an input several conditions read (数控化率 for two tiers, the GB/T 39116
 * level for four, the guide 环节 of the coverage tests) or that feeds a ratio is answered once
 * in the 基本数据 block, and its conditions refer to it.
 */
import type { Condition, DerivedValue, InputDef, Scheme, Tier } from "../../../templates/schema";
import { testInputs } from "../../../templates/constants";

export interface PlacedCondition {
  condition: Condition;
  /** The number shown in column A and quoted in the lists of unmet conditions. */
  no: number;
  row: number;
  /** The input answered on this row, if any. */
  inline?: InputDef;
  /**
   * A groups test (seed 003 第八条(二): one of the five modes with its key elements): per group,
   * its elements, each on a row of its own right under the condition, numbered 15.1.1 …
   */
  elements?: PlacedElement[][];
}

/** One element of a groups test on its own row: a condition of its own that no tier counts directly. */
export interface PlacedElement {
  condition: Condition;
  /** Shown in column A: condition.group.element, e.g. 15.2.3. */
  label: string;
  row: number;
  inline?: InputDef;
}

export interface TierLayout {
  tiers: { tier: Tier; statusRow: number; listRow: number; header: number; conditions: PlacedCondition[] }[];
  common: { header: number; conditions: PlacedCondition[] };
  shared: { def: InputDef; row: number; usedBy: number[] }[];
  derived: { value: DerivedValue; row: number; usedBy: number[] }[];
  /** Rows of the blocks' own headings and column headers. */
  headings: { results: number; tierHeader: number; data?: number; dataHeader?: number; conditions: number; conditionHeader: number };
  /** The met tier (ladder) or met types (alternatives). */
  resultRow: number;
  /** Ladder only: what the next tier lacks. */
  nextRow?: number;
  /** Input code or derived code → the cell row holding it (column D). */
  cellRow: ReadonlyMap<string, number>;
}

function testCodes(c: Condition): string[] {
  return testInputs(c.test);
}

/** The results block starts at row 4, under the title, the basis line and the instructions. */
const FIRST_ROW = 4;

export function layoutTiers(scheme: Scheme, shown: Tier[]): TierLayout {
  const conditions = [...scheme.common, ...shown.flatMap((t) => t.conditions)];
  const uses = new Map<string, number>();
  const count = (code: string) => uses.set(code, (uses.get(code) ?? 0) + 1);
  conditions.forEach((c) => testCodes(c).forEach(count));
  scheme.derived.forEach((d) => d.ratio.forEach(count));
  const defs = new Map(scheme.inputs.map((i) => [i.code, i]));
  const inlineOf = (c: Condition): InputDef | undefined => {
    if (c.test.kind === "any" || c.test.kind === "groups") return undefined;
    const def = defs.get(c.test.input);
    return def && uses.get(def.code) === 1 ? def : undefined;
  };

  // `last` is the last row used; a blank row separates the blocks.
  let last = FIRST_ROW - 1;
  const results = ++last;
  const resultRow = ++last;
  const nextRow = scheme.structure === "ladder" ? ++last : undefined;
  const tierHeader = ++last;
  const tierRows = shown.map(() => ({ statusRow: ++last, listRow: ++last }));

  // A groups test's elements are asked on rows of their own (place below), each reading one input.
  const elementInputs = new Set(conditions.flatMap((c) => (c.test.kind === "groups" ? testInputs(c.test) : [])).filter((code) => uses.get(code) === 1));
  const sharedDefs = scheme.inputs.filter((i) => uses.has(i.code) && !elementInputs.has(i.code) && !conditions.some((c) => inlineOf(c) === i));
  const derivedShown = scheme.derived.filter((d) => uses.has(d.code));
  let data: number | undefined;
  let dataHeader: number | undefined;
  let sharedRows: { def: InputDef; row: number }[] = [];
  let derivedRows: { value: DerivedValue; row: number }[] = [];
  if (sharedDefs.length + derivedShown.length > 0) {
    last++;
    data = ++last;
    dataHeader = ++last;
    sharedRows = sharedDefs.map((def) => ({ def, row: ++last }));
    derivedRows = derivedShown.map((value) => ({ value, row: ++last }));
  }

  last++;
  const conditionsHeading = ++last;
  const conditionHeader = ++last;
  let no = 0;
  const place = (c: Condition): PlacedCondition => {
    const placed: PlacedCondition = { condition: c, no: ++no, row: ++last, inline: inlineOf(c) };
    if (c.test.kind === "groups") {
      // Each element is asked on its own row, so its answer cell and state sit beside its wording.
      placed.elements = c.test.groups.map((g, gi) =>
        g.elements.map((e, ei) => {
          const condition: Condition = {
            id: `${c.id}.${gi + 1}.${ei + 1}`,
            text: { zh: `${g.name.zh}：${defs.get(e.input)?.label.zh ?? e.input}`, en: `${g.name.en}: ${defs.get(e.input)?.label.en ?? e.input}` },
            source: c.source,
            severity: "required",
            test: e,
          };
          return { condition, label: `${placed.no}.${gi + 1}.${ei + 1}`, row: ++last, inline: inlineOf(condition) };
        }),
      );
    }
    return placed;
  };
  const commonHeader = ++last;
  const common = { header: commonHeader, conditions: scheme.common.map(place) };
  const tiers = shown.map((tier, i) => {
    const header = ++last;
    return { tier, header, ...tierRows[i], conditions: tier.conditions.map(place) };
  });

  const placed = [...common.conditions, ...tiers.flatMap((t) => t.conditions)];
  const cellRow = new Map<string, number>([...sharedRows.map((s) => [s.def.code, s.row] as const), ...derivedRows.map((d) => [d.value.code, d.row] as const)]);
  for (const p of [...placed, ...placed.flatMap((p) => p.elements?.flat() ?? [])]) if (p.inline) cellRow.set(p.inline.code, p.row);
  // The conditions reading a code directly, or through a ratio it feeds.
  const usedBy = (code: string) =>
    placed
      .filter((p) => testCodes(p.condition).some((read) => read === code || scheme.derived.some((d) => d.code === read && d.ratio.includes(code))))
      .map((p) => p.no);

  return {
    tiers,
    common,
    shared: sharedRows.map((s) => ({ ...s, usedBy: usedBy(s.def.code) })),
    derived: derivedRows.map((d) => ({ ...d, usedBy: usedBy(d.value.code) })),
    headings: { results, tierHeader, data, dataHeader, conditions: conditionsHeading, conditionHeader },
    resultRow,
    nextRow,
    cellRow,
  };
}
