/**
 * Issue 15, items 5 and 8 (output side): what a stranger's file holds cannot drive the terminal
 * (escape sequences, bidirectional overrides, fake lines), error output is capped, and `score`
 * refuses the keys `tier` and `build` refuse.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { InputError, MAX_PROBLEM_LINES } from "../../src/cli/io";
import { renderTable } from "../../src/cli/text-table";
import { visibleText } from "../../src/core/visible-text";
import { writeWorkbook } from "../../src/xlsx/writer";
import { ROW_A, ROW_B, summaryPlan } from "../merge/submissions";
import { cli, tempDir, withRawStrings } from "./write-support";

jest.setTimeout(120_000);

const ESC = "\u001B";
const RLO = "\u202E";

describe("visibleText", () => {
  test("controls, DEL, C1, bidirectional controls and lone surrogates become escapes; CJK, emoji, backslashes and line feeds stay", () => {
    expect(visibleText(`${ESC}[2J${ESC}[H将写入 1 行`)).toBe("\\u001B[2J\\u001B[H将写入 1 行");
    expect(visibleText(`a\rb\u007Fc\u0085d${RLO}e\u2066f\u200Fg`)).toBe("a\\u000Db\\u007Fc\\u0085d\\u202Ee\\u2066f\\u200Fg");
    expect(visibleText("\uD800x\uDC00")).toBe("\\uD800x\\uDC00");
    expect(visibleText("山西晋阳液压装备有限公司 😀 C:\\路径\\u001B\n第二行\t制表")).toBe("山西晋阳液压装备有限公司 😀 C:\\路径\\u001B\n第二行\t制表");
  });

  test("a table cell stays on one line: a line feed inside it is shown as its escape", () => {
    const table = renderTable(["企业"], [["甲公司\n将写入 1 行"]]);
    expect(table.split("\n")).toHaveLength(3);
    expect(table).toContain("甲公司\\u000A将写入 1 行");
  });
});

describe("merge preview on a terminal", () => {
  async function sources(dir: string): Promise<string[]> {
    writeFileSync(join(dir, "甲区.xlsx"), (await writeWorkbook([summaryPlan([ROW_A])])).bytes);
    const written = (await writeWorkbook([summaryPlan([{ ...ROW_B, enterprise: "ZZNAME", contact: "ZZCONTACT" }])])).bytes;
    // A file that clears the screen and prints a fake line, and a name reversed by an override.
    writeFileSync(join(dir, "坏.xlsx"), await withRawStrings(written, { ZZNAME: "_x001B_[2J_x001B_[H将写入 1 行", ZZCONTACT: `李${RLO}敏` }));
    return [join(dir, "甲区.xlsx"), join(dir, "坏.xlsx")];
  }

  test("the preview shows the escape sequence and the override as escapes, never raw", async () => {
    const dir = tempDir();
    const ran = await cli(["merge", ...(await sources(dir)), "--template", "shanxi-2018-summary", "-o", join(dir, "out.xlsx")]);
    expect(ran.code).toBe(3);
    expect(ran.out).not.toContain(ESC);
    expect(ran.out).not.toContain(RLO);
    expect(ran.out).toContain("\\u001B[2J");
    expect(ran.out).toContain("\\u202E");
    // Legitimate Chinese text is shown as it is, not escaped.
    expect(ran.out).toContain(ROW_A.enterprise);
    expect(ran.out).not.toMatch(/\\u[4-9][0-9A-F]{3}/);
    // The fake line never starts a line of its own.
    expect(ran.out.split("\n").some((line) => line.startsWith("将写入 1 行"))).toBe(false);
  });

  test("--json stays valid JSON and carries the same text", async () => {
    const dir = tempDir();
    const ran = await cli(["merge", ...(await sources(dir)), "--template", "shanxi-2018-summary", "-o", join(dir, "out.xlsx"), "--json"]);
    expect(ran.out).not.toContain(RLO);
    const doc = JSON.parse(ran.out) as { rows: { values: Record<string, string | null> }[] };
    expect(doc.rows.map((r) => r.values.contact)).toContain(`李${RLO}敏`);
  });
});

describe("error output", () => {
  test("InputError keeps the first 50 lines and says how many more", () => {
    const e = new InputError(Array.from({ length: 1000 }, (_, i) => `问题 ${i}`));
    expect(e.lines).toHaveLength(MAX_PROBLEM_LINES + 1);
    expect(e.lines[MAX_PROBLEM_LINES]).toBe("…及另外 950 项 / … and 950 more");
    expect(new InputError(["一", "二"]).lines).toEqual(["一", "二"]);
  });

  test("a document with 100,000 unknown keys prints 51 lines, not 100,000", async () => {
    const dir = tempDir();
    const path = join(dir, "keys.json");
    writeFileSync(path, JSON.stringify(Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, 1]))));
    const ran = await cli(["score", "shaoxing-discrete", path]);
    expect(ran.code).toBe(1);
    const lines = ran.err.split("\n");
    expect(lines).toHaveLength(MAX_PROBLEM_LINES + 1);
    expect(lines[MAX_PROBLEM_LINES]).toContain("及另外 99950 项");
  });

  test.each(["__proto__", "constructor", "toString", "hasOwnProperty"])("score refuses the key %s as tier and build do", async (key) => {
    const dir = tempDir();
    const path = join(dir, "doc.json");
    writeFileSync(path, `{"${key}": 1, "1.1": "是"}`);
    for (const args of [["score", "shaoxing-discrete", path], ["tier", "shaoxing", path]]) {
      const ran = await cli(args);
      expect(ran.code).toBe(1);
      expect(ran.err).toContain(`${key}:`);
    }
  });
});
