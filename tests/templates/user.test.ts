/**
 * Template files users give (issue 13 item 3, templates/user.ts): every problem of a broken file
 * at once, each with its JSON path and what was expected; a loaded template citing its own
 * document; size, depth, key and character limits; and texts that reach a sheet as text.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { SEEDS } from "../../templates/documents";
import { addTemplates, removeTemplate } from "../../templates/index";
import type { Rubric } from "../../templates/schema";
import { parseTemplateText, TEMPLATE_FILE_MAX_BYTES, TemplateFileError, type TemplateProblem } from "../../templates/user";
import { readTemplateFile, readTemplateFiles } from "../../src/cli/template-files";
import { scoringSheets } from "../../src/sheets/scoring/index";
import { writeWorkbook } from "../../src/xlsx/writer";

jest.setTimeout(60_000);

const GOOD_FILE = join(__dirname, "..", "fixtures", "templates", "check-good-rubric.json");
const GOOD_TEXT = readFileSync(GOOD_FILE, "utf8");

type Editable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The good fixture as data, edited. */
function good(edit: (t: Editable) => void = () => undefined): Editable {
  const t = JSON.parse(GOOD_TEXT) as Editable;
  edit(t);
  return t;
}

/** The problems parseTemplateText reports for the text; fails the test if the text is accepted. */
function problems(text: string, file = "t.json"): TemplateProblem[] {
  try {
    parseTemplateText(text, file);
  } catch (e) {
    if (!(e instanceof TemplateFileError)) throw e;
    expect(e.file).toBe(file);
    expect(e.message).toContain(file);
    return e.problems;
  }
  throw new Error("the broken template file was accepted");
}

const paths = (ps: TemplateProblem[]) => ps.map((p) => p.path);
const at = (ps: TemplateProblem[], path: string) => ps.filter((p) => p.path === path).map((p) => p.message);

describe("a good template file", () => {
  test("the fictional rubric loads: its $schema pointer set aside, defaults applied", () => {
    const [t] = parseTemplateText(GOOD_TEXT, "check-good-rubric.json");
    expect(t).toMatchObject({ id: "baishi-check", kind: "rubric", version: 2, consistency: [] });
    expect(t).not.toHaveProperty("$schema");
    expect(t.document.file).toBe("https://example.org/baishi/2026-3.pdf");
  });

  test("an array of templates, with a byte-order mark before it", () => {
    const second = good((t) => (t.id = "baishi-check-two"));
    const ts = parseTemplateText(`\uFEFF${JSON.stringify([good(), second])}`, "two.json");
    expect(ts.map((t) => t.id)).toEqual(["baishi-check", "baishi-check-two"]);
  });
});

describe("a broken template file: every problem, with its JSON path and what was expected", () => {
  test("bad JSON: line and column, and the full-width colon named", () => {
    const [p, ...rest] = problems('{\n  "id": "baishi-check",\n  "kind"： "rubric"\n}');
    expect(rest).toEqual([]);
    expect(p.path).toBe("$");
    expect(p.message).toMatch(/^不是有效的 JSON，第 3 行第 9 列：「：」是全角冒号，JSON 须用半角 : \/ not valid JSON at line 3, column 9/);
  });

  test("a file that ends too early, and an empty one", () => {
    expect(problems('{"id": "x"')[0].message).toMatch(/内容在结尾处不完整/);
    expect(problems("  \n")[0].message).toMatch(/^文件为空 \/ the file is empty/);
  });

  test("wrong types, each at its path with what was expected and what was found", () => {
    const ps = problems(
      JSON.stringify(
        good((t) => {
          t.version = "2";
          t.sections[0].items[1].rule.brackets[1].points = "six";
          t.inputs[0].label = "设备台账";
        }),
      ),
    );
    expect(at(ps, "$.version")).toEqual(['应为数字，实为文本 "2" / expected a number, found the text "2"']);
    expect(at(ps, "$.sections[0].items[1].rule.brackets[1].points")).toEqual(['应为数字，实为文本 "six" / expected a number, found the text "six"']);
    expect(at(ps, "$.inputs[0].label")).toEqual(['应为对象 {…}，实为文本 "设备台账" / expected an object {…}, found the text "设备台账"']);
    expect(ps).toHaveLength(3);
  });

  test("several kinds of problem at once, none hiding another, in the file's order where they come from one walk", () => {
    const ps = problems(
      JSON.stringify(
        good((t) => {
          t.kind = "rubrik";
          t.colour = "red";
          delete t.document.file;
          t.sections[0].source.doc = SEEDS.shaoxing2019;
          t.inputs[1].label.en = "Networked\u0007";
        }),
      ),
    );
    expect(paths(ps)).toEqual(["$.inputs[1].label.en", "$.kind", "$.document.file", "$.sections[0].source.doc"]);
    expect(at(ps, "$.kind")[0]).toMatch(/^应为 "rubric" \| "scheme" \| "kpi-set" \| "summary" \| "form" 之一，实为文本 "rubrik" \/ expected one of/);
  });

  test("a field the schema does not know is named at its own path", () => {
    const ps = problems(JSON.stringify(good((t) => (t.sections[0].items[0].rule.pionts = 8))));
    expect(at(ps, "$.sections[0].items[0].rule.pionts")).toEqual([expect.stringMatching(/^不是此处的字段（拼写有误？）\/ not a field here/)]);
  });

  test("a missing field says what it should have been", () => {
    const ps = problems(JSON.stringify(good((t) => delete t.sections[0].items[0].short)));
    expect(at(ps, "$.sections[0].items[0].short")).toEqual(["缺少此项，应为对象 {…} / missing: expected an object {…}"]);
  });

  test("a cross-field rule (the rubric's sum) comes in its own words", () => {
    const ps = problems(JSON.stringify(good((t) => (t.max = 25))));
    expect(at(ps, "$.max")).toEqual(["与模板的规则不符 / the rubric states 25 points but its sections add up to 20"]);
  });

  test("a record key that is not a plain name is quoted in the path", () => {
    const ps = problems(
      JSON.stringify(
        good((t) => {
          t.inputs[0] = { code: "A1", type: "level", label: t.inputs[0].label, levels: [{ name: { zh: "无", en: "None" } }, { name: { zh: "有", en: "Kept" } }] };
          t.sections[0].items[0].rule = { kind: "level", input: "A1", points: { 无: 0, 有: "8" } };
        }),
      ),
    );
    expect(paths(ps)).toContain('$.sections[0].items[0].rule.points["有"]');
  });

  test("too large: refused by its size before anything else", () => {
    const text = JSON.stringify({ ...good(), padding: "x".repeat(TEMPLATE_FILE_MAX_BYTES) });
    const ps = problems(text);
    expect(ps).toEqual([{ path: "$", message: expect.stringMatching(/^文件有 \d+ 字节，超过模板文件上限 1048576 字节（1 MiB）\/ the file is \d+ bytes, over the limit/) }]);
  });

  test("a file of multi-byte text is measured in bytes, not characters", () => {
    const chars = Math.floor(TEMPLATE_FILE_MAX_BYTES / 3) + 10;
    expect(problems(JSON.stringify({ t: "设".repeat(chars) }))[0].message).toMatch(/^文件有 \d+ 字节/);
  });

  test.each(["__proto__", "constructor", "prototype"])("the key %s is refused wherever it is, and reported once", (key) => {
    const text = JSON.stringify(good()).replace('"max":8,', `"${key}":{"polluted":true},"max":8,`);
    const ps = problems(text);
    expect(ps).toEqual([{ path: `$.sections[0].items[0].${key}`, message: expect.stringMatching(new RegExp(`^不允许使用键名 ${key} / the key ${key} is not allowed`)) }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test("a source citing a built-in seed file, and a document without its own file: the loaded template cites its own document", () => {
    const ps = problems(
      JSON.stringify(
        good((t) => {
          t.source.doc = SEEDS.pujiang;
          t.sections[0].items[1].source.doc = SEEDS.shanxi2024;
          delete t.document.file;
        }),
      ),
    );
    expect(paths(ps)).toEqual(["$.document.file", "$.source.doc", "$.sections[0].items[1].source.doc"]);
    expect(at(ps, "$.source.doc")).toEqual([`${SEEDS.pujiang} 是内置模板的依据文件 / ${SEEDS.pujiang} is the seed file of a built-in template: expected the file name or link of this template's own issuing document`]);
  });

  test("a built-in id, and an id whose sheets a built-in template already makes", () => {
    expect(at(problems(JSON.stringify(good((t) => (t.id = "shaoxing-discrete")))), "$.id")).toEqual([expect.stringMatching(/^shaoxing-discrete 是内置模板的编号 \//)]);
    // A rubric named like a built-in rubric's batch sheet: its single sheet would take that sheet's id.
    expect(at(problems(JSON.stringify(good((t) => (t.id = "shaoxing-process-batch")))), "$.id")).toEqual([
      expect.stringMatching(/^工作表 shaoxing-process-batch 已属于内置模板 shaoxing-process \//),
    ]);
  });

  test("one id twice in a file of several templates, and two templates of a file that would make one sheet", () => {
    expect(at(problems(JSON.stringify([good(), good()])), "$[1].id")).toEqual([expect.stringMatching(/^模板 baishi-check 在本文件中出现两次（另见 \$\[0\]）/)]);
    const clash = good((t) => (t.id = "baishi-check-panel"));
    expect(at(problems(JSON.stringify([good(), clash])), "$[1].id")).toEqual([expect.stringMatching(/^工作表 baishi-check-panel 已属于本文件中的模板 baishi-check \//)]);
  });

  test("control and XML-forbidden characters, in texts and in keys, and a text longer than a cell holds", () => {
    const ps = problems(
      JSON.stringify(
        good((t) => {
          t.title.zh = "白石镇\u0000自查表";
          t.sections[0].name.en = "Digital\uFFFEequipment";
          t.sections[0].items[0].name.zh = "x".repeat(32768);
          t.sections[0].items[0].rule = { kind: "level", input: "A1", points: { "有\u001B": 8 } };
        }),
      ),
    );
    expect(at(ps, "$.title.zh")).toEqual([expect.stringMatching(/^文本含不可见的控制字符 U\+0000（第 4 个字符）.* \/ the text holds the invisible control character U\+0000/)]);
    expect(at(ps, "$.sections[0].name.en")).toEqual([expect.stringMatching(/U\+FFFE/)]);
    expect(at(ps, "$.sections[0].items[0].name.zh")).toEqual([expect.stringMatching(/有 32768 个字符，超过 Excel 单元格上限 32767/)]);
    // The key is spelt as JSON spells it in the path: the control character shows as an escape.
    expect(at(ps, '$.sections[0].items[0].rule.points["有\\u001b"]')).toEqual([expect.stringMatching(/^键名含不可见的控制字符 U\+001B/)]);
  });

  test("nesting deeper than a template's shape is refused without walking (or recursing) further", () => {
    // Spelt out as text: JSON.parse nests 100,000 arrays without trouble, JSON.stringify not 5,000.
    const ps = problems(JSON.stringify(good()).replace(/}$/, `,"sample":${"[".repeat(100_000)}${"]".repeat(100_000)}}`));
    expect(ps).toEqual([{ path: expect.stringMatching(/^\$\.sample(\[0\])+$/), message: expect.stringMatching(/^嵌套超过 32 层/) }]);
  });

  test("a file that is no template at all", () => {
    expect(problems("42")).toEqual([{ path: "$", message: "应为模板对象或模板对象的数组，实为数字 42 / expected a template object or an array of them, found the number 42" }]);
    expect(problems("[]")[0].message).toMatch(/^空数组 \/ an empty array/);
  });
});

describe("a loaded template is data only: its texts reach a sheet as text, never as a formula", () => {
  const HOSTILE = { item: '=HYPERLINK("http://example.org","x")', input: "+ROUND(7.77,1)", section: '-LEN("qq")', title: "@SUM(Z9)" };
  const rubric = parseTemplateText(
    JSON.stringify(
      good((t) => {
        t.title.zh = HOSTILE.title;
        t.sections[0].name.zh = HOSTILE.section;
        t.sections[0].items[0].name.zh = HOSTILE.item;
        t.inputs[1].label.zh = HOSTILE.input;
      }),
    ),
    "hostile.json",
  )[0] as Rubric;

  test("in every scoring sheet's plan, each such text is a cell value (the plan's text type), never a formula", () => {
    for (const sheet of scoringSheets(rubric)) {
      const params = Object.fromEntries(sheet.params.map((p) => [p.key, p.default]));
      const plan = sheet.render(params, sheet.sample());
      if (!plan.ok) throw new Error(`${sheet.id}: ${JSON.stringify(plan.problems)}`);
      const texts = plan.value.cells.filter((c) => typeof c.value === "string" && Object.values(HOSTILE).some((h) => (c.value as string).includes(h)));
      expect([sheet.id, texts.length > 0]).toEqual([sheet.id, true]);
      // Written as a formula, "=HYPERLINK(…)" would be the formula HYPERLINK(…): no formula is any of the texts.
      const asFormulas = plan.value.cells.filter((c) => c.formula !== undefined && Object.values(HOSTILE).some((h) => c.formula?.startsWith(h.slice(1))));
      expect([sheet.id, asFormulas]).toEqual([sheet.id, []]);
    }
  });

  test("in the written .xlsx the item's name is a text cell, not a formula", async () => {
    // The writer marks the sheet with its template, which must then be in the catalogue.
    addTemplates([rubric]);
    const sheet = scoringSheets(rubric)[0];
    const plan = sheet.render({}, sheet.sample());
    if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
    const { bytes } = await writeWorkbook([plan.value]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const found: { type: ExcelJS.ValueType; value: unknown }[] = [];
    book.worksheets[0].eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.String && String(cell.value).includes("HYPERLINK")) found.push({ type: cell.type, value: cell.value });
        if (cell.type === ExcelJS.ValueType.Formula) expect(cell.formula).not.toMatch(/^(HYPERLINK|SUM\(Z9\)|ROUND\(7\.77|LEN\("qq"\))/);
      }),
    );
    expect(found).toContainEqual({ type: ExcelJS.ValueType.String, value: HOSTILE.item });
  });

  afterAll(() => removeTemplate(rubric.id));
});

describe("template files from disk (src/cli/template-files.ts)", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "assessbook-user-templates-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("a directory: its *.json files in name order, not its subdirectories or other files", async () => {
    const set = join(dir, "set");
    mkdirSync(join(set, "deeper"), { recursive: true });
    writeFileSync(join(set, "b.json"), JSON.stringify(good((t) => (t.id = "baishi-b"))));
    writeFileSync(join(set, "a.json"), JSON.stringify(good((t) => (t.id = "baishi-a"))));
    writeFileSync(join(set, "notes.txt"), "not a template");
    writeFileSync(join(set, "deeper", "c.json"), "not even JSON");
    const ts = await readTemplateFiles([set, GOOD_FILE]);
    expect(ts.map((t) => t.id)).toEqual(["baishi-a", "baishi-b", "baishi-check"]);
  });

  test("a file over the limit is refused by its size before it is read", async () => {
    const big = join(dir, "big.json");
    writeFileSync(big, Buffer.alloc(TEMPLATE_FILE_MAX_BYTES + 1, 0x20));
    await expect(readTemplateFile(big)).rejects.toMatchObject({ file: big, problems: [{ path: "$", message: expect.stringMatching(/^文件有 1048577 字节/) }] });
  });

  test("a missing file, a file not in UTF-8, and a directory without template files", async () => {
    await expect(readTemplateFiles([join(dir, "missing.json")])).rejects.toMatchObject({ problems: [{ path: "$", message: "文件不存在 / no such file or directory" }] });
    const latin1 = join(dir, "latin1.json");
    writeFileSync(latin1, Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]));
    await expect(readTemplateFile(latin1)).rejects.toMatchObject({ problems: [{ path: "$", message: expect.stringMatching(/^不是 UTF-8 编码的文本/) }] });
    const empty = join(dir, "empty");
    mkdirSync(empty);
    await expect(readTemplateFiles([empty])).rejects.toMatchObject({ file: empty, problems: [{ path: "$", message: expect.stringMatching(/^目录中没有 \.json 文件/) }] });
  });
});
