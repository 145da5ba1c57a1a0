import type { Text } from "./schema";
import { SEEDS } from "./documents";

/**
 * The 《智能制造典型场景参考指引（2024年版）》 环节 and the five 环节 of the 2024 gradient they
 * belong to (seed 002 附件2, footnotes [1]–[5]; ruling T2). The national scheme's coverage
 * conditions and the 2024 summary table's scenario column both read this one list.
 */
export interface GuideStage {
  /** Stable input code, e.g. stage.production. */
  code: string;
  name: Text;
}

export interface GradientStage {
  code: string;
  name: Text;
  footnote: string;
  guideStages: GuideStage[];
}

export const GRADIENT_STAGES: GradientStage[] = [
  {
    code: "factory-construction",
    name: { zh: "工厂建设", en: "Factory construction" },
    footnote: "[1]",
    guideStages: [
      { code: "stage.factory-construction", name: { zh: "工厂建设", en: "Factory construction" } },
      { code: "stage.infrastructure", name: { zh: "信息基础设施", en: "Information infrastructure" } },
    ],
  },
  {
    code: "rd-design",
    name: { zh: "研发设计", en: "R&D and design" },
    footnote: "[2]",
    guideStages: [
      { code: "stage.product-design", name: { zh: "产品设计", en: "Product design" } },
      { code: "stage.process-design", name: { zh: "工艺设计", en: "Process design" } },
    ],
  },
  {
    code: "production",
    name: { zh: "生产作业", en: "Production operations" },
    footnote: "[3]",
    guideStages: [
      { code: "stage.production", name: { zh: "生产作业", en: "Production operations" } },
      { code: "stage.quality", name: { zh: "质量管控", en: "Quality control" } },
      { code: "stage.equipment", name: { zh: "设备管理", en: "Equipment management" } },
    ],
  },
  {
    code: "production-management",
    name: { zh: "生产管理", en: "Production management" },
    footnote: "[4]",
    guideStages: [
      { code: "stage.planning", name: { zh: "计划调度", en: "Planning and scheduling" } },
      { code: "stage.logistics", name: { zh: "仓储物流", en: "Warehousing and logistics" } },
      { code: "stage.safety", name: { zh: "安全管控", en: "Safety control" } },
      { code: "stage.energy-carbon", name: { zh: "能碳管理", en: "Energy and carbon management" } },
      { code: "stage.environment", name: { zh: "环保管理", en: "Environmental management" } },
    ],
  },
  {
    code: "operations",
    name: { zh: "运营管理", en: "Operations management" },
    footnote: "[5]",
    guideStages: [
      { code: "stage.marketing", name: { zh: "营销与售后", en: "Marketing and after-sales" } },
      { code: "stage.supply-chain", name: { zh: "供应链管理", en: "Supply chain management" } },
    ],
  },
];

/** The fourteen guide 环节, in the footnotes' order: the S2 scenario column's choices. */
export const GUIDE_STAGES: GuideStage[] = GRADIENT_STAGES.flatMap((s) => s.guideStages);

export const GUIDE_STAGES_SOURCE = { doc: SEEDS.shanxi2024, annex: "附件2", item: "注[1]–[5]", ruling: "T2" } as const;
