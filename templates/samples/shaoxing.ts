/**
 * The sample of shaoxing: answers as `assessbook tier` takes them. It reaches some tiers and
 * misses others, so a built sample shows both verdicts and a gap list.
 */

/** A mode of seed 003 附件 answered: its practice tick and its numbered key elements, all alike. */
function mode(code: string, elements: number, answer: string): Record<string, string> {
  return Object.fromEntries([code, ...Array.from({ length: elements }, (_, i) => `${code}.${i + 1}`)].map((c) => [c, answer]));
}

/**
 * A 绍兴 textile-machinery maker: meets 示范车间 (数控化率 66% ≥ 65%), not yet 智能工厂. It practises
 * the 离散型 mode with all seven key elements (第八条(二) met), none of the other modes.
 */
export const shaoxingSample = {
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