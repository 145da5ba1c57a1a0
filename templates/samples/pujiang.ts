/**
 * The sample of pujiang: answers as `assessbook tier` takes them. It reaches some tiers and
 * misses others, so a built sample shows both verdicts and a gap list.
 */

/** A 浦江 crystal-ware maker investing 860 万元, 310 of it digital, over 18 months: 数字工厂 met; 智能工厂 lacks 智能化生产. */
export const pujiangSample = {
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