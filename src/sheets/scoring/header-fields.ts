import type { Text } from "../../../templates/schema";

/**
 * Header fields a sheet may carry next to the answers; their keys are the data keys and binding codes.
 * A module of its own so `assessbook score`, which sets these keys aside, loads no sheet code.
 */
export const HEADER_FIELDS = {
  enterprise: { zh: "企业名称", en: "Enterprise" },
  date: { zh: "评审日期", en: "Review date" },
  expert: { zh: "评审专家", en: "Expert" },
} satisfies Record<string, Text>;
export type HeaderKey = keyof typeof HEADER_FIELDS;
