/**
 * The issued documents behind the seeds, so each template states its 文号, issuer and year
 * once (../shared/seeds/README.md) instead of retyping them.
 */
export const DOCUMENTS = {
  shanxiFundGuide: {
    reference: "山西省专项资金项目申报指南（智能制造示范）",
    issuer: { zh: "山西省", en: "Shanxi Province" },
    year: 2019,
  },
  shanxi2018: {
    reference: "晋经信技术函〔2018〕91号",
    issuer: { zh: "山西省经济和信息化委员会", en: "Shanxi Economic and Information Technology Commission" },
    year: 2018,
  },
  shanxi2024: {
    reference: "山西省工业和信息化厅关于申报2024年度卓越级智能工厂的通知",
    issuer: { zh: "山西省工业和信息化厅", en: "Shanxi Department of Industry and Information Technology" },
    year: 2024,
  },
  shaoxing2019: {
    reference: "绍市工转升〔2019〕6号",
    issuer: { zh: "绍兴市工业转型升级工作领导小组", en: "Shaoxing Industrial Transformation and Upgrading Leading Group" },
    year: 2019,
  },
  pujiang: {
    reference: "浦江县制造业数字化转型试点示范实施方案（征求意见稿）",
    issuer: { zh: "浦江县", en: "Pujiang County" },
    year: 2021,
  },
} as const;

/** Seed file names, by document, for `source.doc`. */
export const SEEDS = {
  shanxiFundGuide: "000_895f6aeed786a7d3.txt",
  shanxi2018: "001_85a055208385c3cf.txt",
  shanxi2024: "002_e505e16489392b35.txt",
  shaoxing2019: "003_aa3605fc89ed960c.txt",
  pujiang: "004_ace3b6be19f1f47c.txt",
} as const;
