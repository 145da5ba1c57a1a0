/**
 * The 量化考核 wording of each item, generated from its rule so the options printed on a sheet
 * are the ones its formulas score: "<40%（5分）；40%–50%（6分）…". The top bracket is written
 * "≥60%" where the table prints "60%-70%", because it extends upward (ruling G4).
 */
import type { Bracket, InputDef, RubricItem, ScoringRule } from "../../../templates/schema";
import { percent, points } from "../../core/format";
import { TICK_CHOICES } from "./answer-cells";

const [YES, NO] = TICK_CHOICES;
/** An ideographic space between options on one line, as Chinese forms set them. */
const GAP = "\u3000";

function pts(n: number): string {
  return `（${points(n)}分）`;
}

function bracketText(b: Bracket): string {
  if (b.min === null) return `<${percent(b.max as number)}`;
  if (b.max === null) return `≥${percent(b.min)}`;
  return `${percent(b.min)}–${percent(b.max)}`;
}

/** The options of an item as one line, in the table's order (lowest first). */
export function optionsText(item: RubricItem, inputs: ReadonlyMap<string, InputDef>): string {
  const rule = item.rule;
  switch (rule.kind) {
    case "tick":
      return `□${NO}${pts(0)}${GAP}□${YES}${pts(rule.points)}`;
    case "tick-or-rate":
      return `□${NO}${pts(0)}${GAP}□${YES}：达到 ${percent(rule.min)} 以上${pts(rule.points)}；也可填实际比率`;
    case "brackets":
      return rule.brackets.map((b) => `${bracketText(b)}${pts(b.points)}`).join("；");
    case "level": {
      const levels = (inputs.get(rule.input) as InputDef).levels ?? [];
      return levels.map((l) => `${l.name.zh}${pts(rule.points[l.name.zh])}`).join("；");
    }
    case "count":
      return countText(rule);
  }
}

/** A count rule's scoring (ruling D4): 满足 3 条及以上得 10 分, fewer a suggested score the expert may replace. */
export function countText(rule: Extract<ScoringRule, { kind: "count" }>): string {
  const { atLeast, points: p, partialDecimals } = rule;
  return `满足 ${atLeast} 条及以上得 ${points(p)} 分；不足 ${atLeast} 条建议得分 = 条数 × ${points(p)} ÷ ${atLeast}（保留 ${partialDecimals} 位小数），专家可酌情调整`;
}
