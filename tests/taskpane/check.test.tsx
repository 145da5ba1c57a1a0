/**
 * @jest-environment jsdom
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { STRINGS, type Lang } from "../../taskpane/strings";
import * as actions from "../../taskpane/excel-actions";
import { ActionError } from "../../taskpane/action-error";
import { renderApp } from "./render";

jest.mock("../../taskpane/excel-actions", () => ({
  checkRequirements: jest.fn(() => ({ ok: true, missing: [] })),
  insertPlans: jest.fn(),
  openWorkbook: jest.fn(),
  checkActiveSheet: jest.fn(),
  selectCell: jest.fn(async () => undefined),
  insertFormula: jest.fn(async () => "Sheet1!C3"),
}));

const mocked = actions as jest.Mocked<typeof actions>;

const PROBLEMS = [
  { address: "E9", message: { zh: "3.1: 比率不能超过 100%", en: "3.1: a rate cannot exceed 100%" } },
  { address: "AB12", message: { zh: "总分公式被改写", en: "the total's formula was changed" } },
  { message: { zh: "推荐数量超过上限", en: "more rows than the recommender may recommend" } },
];
const SUMMARY = { zh: "发现 3 处问题", en: "3 issues found" };

beforeEach(() => jest.clearAllMocks());

describe.each<Lang>(["zh", "en"])("the check tab in Excel (%s)", (lang) => {
  const t = STRINGS[lang];

  it("lists each problem with its cell address; choosing one selects that cell", async () => {
    mocked.checkActiveSheet.mockResolvedValueOnce({ sheet: "表1 评分", summary: SUMMARY, clean: false, problems: PROBLEMS });
    renderApp({ host: "excel", language: lang, initialTab: "check" });
    // The check tab is a lazy chunk: wait for it.
    fireEvent.click(await screen.findByRole("button", { name: t.check.run }));
    const list = await screen.findByRole("list", { name: t.check.found(3) });
    expect(within(list).getAllByRole("listitem").map((b) => b.textContent)).toEqual(PROBLEMS.map((p) => `${p.address ?? ""}${p.message[lang]}`));
    // A problem with a cell is a button that goes there; one without a cell is text.
    expect(within(list).getAllByRole("button")).toHaveLength(2);
    expect(screen.getByRole("status").textContent).toContain(SUMMARY[lang]);
    fireEvent.click(within(list).getByRole("button", { name: t.check.select("AB12", PROBLEMS[1].message[lang]) }));
    await waitFor(() => expect(mocked.selectCell).toHaveBeenCalledWith("表1 评分", "AB12"));
  });

  it("says what the check found when there is nothing to list: all well, or not an Assessbook sheet", async () => {
    const clean = { zh: "全部填写，结果与计算核心一致", en: "everything answered; every result agrees with the engine" };
    const other = { zh: "当前工作表不是 Assessbook 生成的（第 1 行没有标记）", en: "the active sheet was not built by Assessbook (no marker in row 1)" };
    mocked.checkActiveSheet.mockResolvedValueOnce({ sheet: "表1 评分", summary: clean, clean: true, problems: [] }).mockResolvedValueOnce({ sheet: "Sheet1", summary: other, clean: false, problems: [] });
    renderApp({ host: "excel", language: lang, initialTab: "check" });
    // The check tab is a lazy chunk: wait for it.
    fireEvent.click(await screen.findByRole("button", { name: t.check.run }));
    expect((await screen.findByRole("status")).textContent).toContain(clean[lang]);
    fireEvent.click(screen.getByRole("button", { name: t.check.run }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toContain(other[lang]));
    expect(screen.queryByRole("list")).toBeNull();
  });

  it("shows the cause when the check fails", async () => {
    const cause = { zh: "无法读取当前工作表（GeneralException: 读取失败）", en: "could not read the active sheet (GeneralException: read failed)" };
    mocked.checkActiveSheet.mockRejectedValueOnce(new ActionError(cause));
    renderApp({ host: "excel", language: lang, initialTab: "check" });
    // The check tab is a lazy chunk: wait for it.
    fireEvent.click(await screen.findByRole("button", { name: t.check.run }));
    expect((await screen.findByRole("alert")).textContent).toContain(cause[lang]);
  });
});

describe("the functions tab in Excel", () => {
  it("puts the example formula into the selected cell", async () => {
    renderApp({ host: "excel", language: "zh", initialTab: "functions" });
    // The functions tab is a lazy chunk: wait for it.
    const button = (await screen.findByRole("button", { name: STRINGS.zh.functions.insertName("CHECK_USCC") })) as HTMLButtonElement;
    expect(button.disabled).toBe(false);
    fireEvent.click(button);
    await waitFor(() => expect(mocked.insertFormula).toHaveBeenCalledWith('=ASSESS.CHECK_USCC("91330600MA2BDXQ01G")'));
    expect((await screen.findByRole("status")).textContent).toContain("Sheet1!C3");
  });
});
