/**
 * Issue 12 item 5, ruling S3: the 申报书's 组织机构代码 (seed 001 附件1) holding 18 characters is a
 * 统一社会信用代码 with the GB 32100-2015 check character — checked at build (--data), by the
 * sheet's own formula (a conditional format the writer's evaluator computes and LibreOffice
 * agrees with), and when a filled workbook is read back (extract and the task pane's check,
 * both src/sheets/check-sheet.ts). A 9-character 组织机构代码 stays accepted.
 */
import { checkOrgCode, checkUscc } from "../../../src/core/validators";
import { PlanBuilder } from "../../../src/sheets/builder";
import { checkParams } from "../../../src/sheets/params";
import { findSheetTemplate } from "../../../src/sheets/registry";
import { orgCodeOk } from "../../../src/sheets/tables/contact-formulas";
import { extractWorkbook } from "../../../src/xlsx/extract";
import { writeWorkbook } from "../../../src/xlsx/writer";
import { formPlan, FORM } from "../../merge/submissions";
import { differences, formulaCells } from "../calc/formula-cells";
import { IN_CI, findSoffice, recalculate } from "../libreoffice";

jest.setTimeout(300_000);

const VALID = "91140400MA0K3L7X27";
const WRONG_CHECK = "91140400MA0K3L7X2B";

function render(data: unknown) {
  const t = findSheetTemplate("shanxi-2018-application")!;
  const params = checkParams(t.params, {});
  if (!params.ok) throw new Error("params");
  return t.render(params.value, data);
}

test("the fixtures: one valid code, one with a wrong check character", () => {
  expect([checkUscc(VALID).valid, checkUscc(WRONG_CHECK).valid]).toEqual([true, false]);
});

describe("build --data: the engine checks 18 characters as a 统一社会信用代码", () => {
  test("a wrong check character is refused, naming the field and the character it should be", () => {
    const r = render({ "org-code": WRONG_CHECK });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.code)).toEqual(["org-code"]);
    expect(r.problems[0].message.zh).toContain("校验位错误");
  });

  test.each([VALID, "MA0K3L7X2", "11140400-1", ` ${VALID} `])("%p is accepted (a valid code, or a 组织机构代码 of another length)", (code) => {
    expect(render({ "org-code": code }).ok).toBe(true);
  });

  test.each(["91140400ma0k3l7x27", "91140400MA0K3L7XO7", "９1140400MA0K3L7X27"])("%p (18 characters) is refused", (code) => {
    expect(render({ "org-code": code }).ok).toBe(false);
  });
});

describe("the sheet's own check", () => {
  test("the 组织机构代码 cell is flagged by a conditional format built from orgCodeOk", () => {
    const r = render({});
    if (!r.ok) throw new Error("renders");
    const at = r.value.inputs.find((i) => i.code === "org-code")!;
    const cell = `${String.fromCharCode(64 + at.col)}${at.row}`;
    expect(r.value.conditionalFormats.map((h) => h.formula)).toContain(`AND(TRIM(${cell})<>"",NOT(${orgCodeOk(cell)}))`);
  });

  /** Codes around every way of getting one wrong, with the engine's verdict. */
  const CODES = [
    VALID,
    WRONG_CHECK,
    "91350100M000100Y43",
    "91350100M000100Y44",
    "91140400ma0k3l7x27",
    "91140400MA0K3L7X2b",
    "91140400MA0K3L7XO7",
    "911404００MA0K3L7X27",
    ` ${VALID}\u00A0`,
    "MA0K3L7X2",
    "1234567890",
    "9114040 0MA0K3L7X27",
    "*1140400MA0K3L7X27",
    "",
  ];

  const sheet = () => {
    const b = new PlanBuilder("码", { template: "uscc-probe", version: 1, params: {} });
    CODES.forEach((code, i) => {
      b.value(i + 1, 1, code);
      b.formula(i + 1, 2, orgCodeOk(`A${i + 1}`));
    });
    return b.build();
  };

  test("the writer's evaluator computes orgCodeOk as the engine's checkOrgCode decides", async () => {
    const written = await writeWorkbook([sheet()]);
    const [cells] = await formulaCells(written.bytes);
    const cached = cells.formulas.map((f) => (f.stored.type === "boolean" ? f.stored.value : f.stored));
    expect(cached).toEqual(CODES.map((code) => checkOrgCode(code).valid));
  });

  const soffice = findSoffice();
  (soffice || IN_CI ? test : test.skip)("LibreOffice computes the same values", async () => {
    if (!soffice) throw new Error("LibreOffice (soffice) is needed in CI");
    const written = await writeWorkbook([sheet()]);
    expect(await differences(written.bytes, await recalculate(soffice, written.bytes))).toEqual([]);
  });
  if (!soffice && !IN_CI) console.warn("tests/sheets/tables/credit-code.test.ts: the LibreOffice comparison is skipped, soffice is not installed.");
});

describe("extract and the task pane's check (src/sheets/check-sheet.ts)", () => {
  test("a filled 申报书 with a wrong check character is reported as an invalid answer in its cell", async () => {
    const written = await writeWorkbook([formPlan({ ...FORM, "org-code": WRONG_CHECK })]);
    const [report] = await extractWorkbook(new Uint8Array(written.bytes));
    expect(report.status).toBe("invalid-answers");
    expect(report.problems.map((p) => p.code)).toEqual(["org-code"]);
    expect(report.problems[0].cell).toMatch(/^[A-Z]+\d+$/);
  });

  test("a 9-character 组织机构代码 is read back without a problem", async () => {
    const written = await writeWorkbook([formPlan({ ...FORM, "org-code": "MA0K3L7X2" })]);
    const [report] = await extractWorkbook(new Uint8Array(written.bytes));
    expect(report.problems).toEqual([]);
  });
});

describe("issue 12 item 4: a workbook of a scheme's previous version", () => {
  test("is refused with a message naming both versions and how to rebuild (extract and the task pane read the same report)", async () => {
    const t = findSheetTemplate("shaoxing")!;
    const params = checkParams(t.params, {});
    if (!params.ok) throw new Error("params");
    const current = t.render(params.value, t.sample());
    if (!current.ok) throw new Error("renders");
    expect(current.value.marker.version).toBe(2);
    // A version-1 sheet: the same marker with the version it was built with before issue 12.
    const old = { ...current.value, marker: { ...current.value.marker, version: 1 } };
    const [report] = await extractWorkbook(new Uint8Array((await writeWorkbook([old])).bytes));
    expect(report.status).toBe("other-version");
    expect(report.problems.map((p) => p.message.zh)).toEqual([expect.stringContaining("本表由模板“shaoxing”第 1 版生成，当前为第 2 版")]);
    expect(report.problems[0].message.en).toContain("assessbook build shaoxing");
  });
});
