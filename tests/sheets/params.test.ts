/** Sheet parameters checked against their definitions, from the command line or a marker. */
import { checkParams } from "../../src/sheets/params";
import type { ParamDef } from "../../src/sheets/registry";

const DEFS: ParamDef[] = [
  { key: "rows", label: { zh: "行数", en: "Rows" }, type: "integer", default: 20, min: 1, max: 200 },
  {
    key: "variant",
    label: { zh: "版式", en: "Variant" },
    type: "choice",
    default: "single",
    options: [
      { value: "single", label: { zh: "单企业", en: "One enterprise" } },
      { value: "panel", label: { zh: "专家组", en: "Panel" } },
    ],
  },
];

test("defaults fill what is not given; text from the command line and numbers from a marker are both read", () => {
  expect(checkParams(DEFS, {})).toEqual({ ok: true, value: { rows: 20, variant: "single" } });
  expect(checkParams(DEFS, { rows: "35", variant: "panel" })).toEqual({ ok: true, value: { rows: 35, variant: "panel" } });
  expect(checkParams(DEFS, { rows: 35 })).toEqual({ ok: true, value: { rows: 35, variant: "single" } });
});

test("a choice may be given by its Chinese or English label", () => {
  expect(checkParams(DEFS, { variant: "专家组" })).toMatchObject({ ok: true, value: { variant: "panel" } });
  expect(checkParams(DEFS, { variant: "one enterprise" })).toMatchObject({ ok: true, value: { variant: "single" } });
});

test("every problem is named by its key and says what is allowed", () => {
  const r = checkParams(DEFS, { rows: "0", variant: "batch", colour: "red" });
  expect(r.ok).toBe(false);
  if (r.ok) return;
  const byCode = Object.fromEntries(r.problems.map((p) => [p.code, p.message.zh]));
  expect(byCode.rows).toBe("行数应在 1–200 之间，收到 0");
  expect(byCode.variant).toBe("版式应为以下之一：single（单企业） / panel（专家组），收到“batch”");
  expect(byCode.colour).toBe("不是本工作表的参数；可用参数：rows, variant");
});

test("an integer parameter refuses fractions and words", () => {
  for (const rows of ["2.5", "twenty", "", 2.5]) {
    const r = checkParams(DEFS, { rows });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message.en).toMatch(/^Rows is a whole number \(1–200\)/);
  }
});
