/**
 * The data of a tier self-check is what `assessbook tier` takes: an object keyed by input code
 * (or the positional array), read by the engine's own reader so the sheet accepts exactly the
 * answers the engine accepts. A sheet showing one Shanxi mode refuses answers for the modes it
 * does not show rather than dropping them silently.
 */
import type { Scheme, Tier } from "../../../templates/schema";
import { testInputs } from "../../../templates/constants";
import { BLANK } from "../../core/answers";
import { readInputs, type Answers } from "../../core/inputs";
import { problem, type Problem, fail, ok, type Result } from "../../core/problems";
import { partsLargerThanWholes, tier } from "../../core/tier";
import type { CellValue } from "../plan";

/** The words the tier cells show; `expected` maps the engine's verdicts onto them. */
export const VERDICT = {
  reached: "达到",
  notReached: "未达到",
  noneLadder: "未达到任何一级",
  noneAlternatives: "均未达到",
} as const;

export function readTierData(scheme: Scheme, onSheet: ReadonlySet<string>, shown: Tier[], data: unknown): Result<Answers> {
  const { answers, problems } = readInputs(scheme.inputs, data ?? {});
  const elsewhere: Problem[] = scheme.inputs
    .filter((i) => !onSheet.has(i.code) && answers.get(i.code) !== BLANK)
    .map((i) => {
      const owner = scheme.tiers.find((t) => t.conditions.some((c) => testInputs(c.test).includes(i.code)));
      const where = owner ? `“${owner.name.zh}”` : "其他类型";
      const shownNames = shown.map((t) => t.name.zh).join("、");
      return problem(
        i.code,
        `属于${where}的条件，本表只列“${shownNames}”；请用 --param mode=${owner?.id ?? ""} 生成该类型的表`,
        `belongs to ${owner ? `"${owner.name.en}"` : "another type"}, and this sheet shows only ${shown.map((t) => t.name.en).join(", ")}; build the sheet with --param mode=${owner?.id ?? ""}`,
      );
    });
  // A part larger than its whole (G2) is refused here as the engine refuses it, so build --data
  // never writes a sheet that extract would then call invalid.
  const all = [...problems, ...elsewhere, ...(problems.length ? [] : partsLargerThanWholes(scheme, answers))];
  return all.length ? fail(all) : ok(answers);
}

/** What the engine says the result cells hold: the met tier(s) and each shown tier's verdict. */
export function expectedTiers(scheme: Scheme, shown: Tier[], data: unknown): Result<Record<string, CellValue>> {
  const r = tier(scheme, data ?? {});
  if (!r.ok) return r;
  const ids = new Set(shown.map((t) => t.id));
  const out: Record<string, CellValue> = {};
  if (scheme.structure === "ladder") {
    out.tier = r.value.metNames[0]?.zh ?? VERDICT.noneLadder;
  } else {
    // Only the shown types count; the sheet joins their names with spaces (see tier-sheet.ts).
    const met = r.value.tiers.filter((t) => ids.has(t.tier) && t.met);
    out.tier = met.length ? met.map((t) => t.name.zh).join(" ") : VERDICT.noneAlternatives;
  }
  for (const t of r.value.tiers) if (ids.has(t.tier)) out[`tier:${t.tier}:met`] = t.met ? VERDICT.reached : VERDICT.notReached;
  return ok(out);
}
