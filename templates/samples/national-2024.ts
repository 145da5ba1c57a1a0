/**
 * The sample of national-2024: answers as `assessbook tier` takes them. It reaches some tiers and
 * misses others, so a built sample shows both verdicts and a gap list.
 */

/** A 山西 auto-parts plant at maturity level 3: 先进级 met; 卓越级 lacks national leadership and two effects. */
export const national2024Sample = {
  "application.registered": "是",
  "application.cooperation": "是",
  "requirement.1": "是",
  "requirement.2": "是",
  "requirement.3": "是",
  "requirement.4": "是",
  maturity: "三级",
  "stage.factory-construction": "是",
  "stage.infrastructure": "是",
  "stage.product-design": "否",
  "stage.process-design": "否",
  "stage.production": "是",
  "stage.quality": "是",
  "stage.equipment": "是",
  "stage.planning": "是",
  "stage.logistics": "是",
  "stage.safety": "否",
  "stage.energy-carbon": "是",
  "stage.environment": "否",
  "stage.marketing": "否",
  "stage.supply-chain": "是",
  "stage.multi-stage-innovation": "否",
  performance: "省内同行业领先",
  "advanced.effect-2": "是",
  "excellent.effect-2": "否",
  "excellent.effect-3": "是",
  "excellent.effect-4": "否",
  "leading.effect-2": "否",
  "leading.effect-3": "否",
  "leading.effect-4": "否",
};