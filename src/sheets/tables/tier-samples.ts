/**
 * Realistic answers for `assessbook build --all`, in the form `assessbook tier` takes. Each one
 * reaches some tiers and misses others, so a built sample shows both verdicts and a gap list.
 */

/** A mode of seed 003 附件 answered: its practice tick and its numbered key elements, all alike. */
function mode(code: string, elements: number, answer: string): Record<string, string> {
  return Object.fromEntries([code, ...Array.from({ length: elements }, (_, i) => `${code}.${i + 1}`)].map((c) => [c, answer]));
}

/**
 * A 绍兴 textile-machinery maker: meets 示范车间 (数控化率 66% ≥ 65%), not yet 智能工厂. It practises
 * the 离散型 mode with all seven key elements (第八条(二) met), none of the other modes.
 */
export const SHAOXING_SAMPLE = {
  "basic.1": "是",
  "basic.2": "是",
  "basic.3": "是",
  "basic.4": "是",
  "line.equipment": "是",
  "cnc-rate": "66%",
  "line.data": "是",
  "network-rate": "55%",
  "workshop.1": "是",
  "workshop.2": "是",
  "workshop.3": "是",
  "workshop.4": "是",
  "factory.1": "是",
  ...mode("mode.discrete", 7, "是"),
  ...mode("mode.process", 7, "否"),
  "mode.process.data-rate": "70%",
  "mode.process.control-rate": "40%",
  ...mode("mode.networked", 6, "否"),
  ...mode("mode.customization", 4, "否"),
  ...mode("mode.remote-service", 5, "否"),
  "factory.3": "是",
  "smart-equipment-share": "60%",
  "factory.4": "是",
  "design-tool-rate": "80%",
  "mes-erp": "是",
  "factory.5": "否",
};

/** A 山西 auto-parts plant at maturity level 3: 先进级 met; 卓越级 lacks national leadership and two effects. */
export const NATIONAL_SAMPLE = {
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

/** A 太原 machining enterprise applying as 离散型智能制造 (the default mode): 数控化率 72% > 70%. */
export const SHANXI_DISCRETE_SAMPLE = {
  "basic.1": "是",
  "basic.2": "是",
  "basic.4": "是",
  "basic.5": "是",
  "discrete.1": "是",
  "discrete.2": "是",
  "discrete.3": "是",
  "discrete.cnc-rate": "72%",
  "discrete.4": "是",
  "discrete.5": "是",
  "discrete.6": "是",
  "discrete.7": "是",
};

/** A 浦江 crystal-ware maker investing 860 万元, 310 of it digital, over 18 months: 数字工厂 met; 智能工厂 lacks 智能化生产. */
export const PUJIANG_SAMPLE = {
  registered: "是",
  "total-investment": 860,
  "digital-investment": 310,
  "design-tool-rate": "100%",
  period: 1.5,
  "digital-factory.2": "是",
  "digital-factory.3": "是",
  "smart-factory.2": "是",
  "smart-factory.3": "是",
  "smart-factory.4": "否",
  "smart-factory.5": "是",
  "smart-factory.6": "是",
  "future-factory.2": "否",
  "future-factory.3": "否",
  "future-factory.4": "否",
  "future-factory.5": "否",
  "future-factory.6": "是",
  "future-factory.7": "是",
  "future-factory.8": "否",
  "future-factory.9": "否",
  "future-factory.10": "否",
  "sme.2-1": "是",
  "sme.2-2": "是",
  "sme.3": "否",
};
