/**
 * The sample of shanxi-2018: answers as `assessbook tier` takes them. It reaches some tiers and
 * misses others, so a built sample shows both verdicts and a gap list.
 */

/** A 太原 machining enterprise applying as 离散型智能制造 (the default mode): 数控化率 72% > 70%. */
export const shanxi2018Sample = {
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