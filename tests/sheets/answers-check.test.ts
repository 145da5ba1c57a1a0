/**
 * What `checkedByExpected` promises (src/sheets/sheet-template.ts), held for every sheet that
 * says so: rendering with data refuses only what `expected` refuses, with the same problems, and
 * binds the result cells of the blank plan whatever the answers. The check of a filled sheet
 * (src/sheets/check-sheet.ts) relies on it to ask `expected` alone instead of laying the sheet
 * out again; a sheet whose render starts checking something more, or binds a result only for
 * some answers, fails here.
 *
 * The data: none, the sample, an empty document, documents of the wrong kind, and the sample
 * with each answer in turn replaced by values of every kind (and an unknown key beside it),
 * under each parameter value the sheet offers at its bounds.
 */
import { findTemplate } from "../../templates/index";
import { checkSheet } from "../../src/sheets/check-sheet";
import { checkParams } from "../../src/sheets/params";
import type { Params, SheetTemplate } from "../../src/sheets/registry";
import { SHEET_TEMPLATES } from "../../src/sheets/registry";
import { readWorkbook } from "../../src/xlsx/reader";
import { writeWorkbook } from "../../src/xlsx/writer";

jest.setTimeout(120_000);

const CHECKED = SHEET_TEMPLATES.filter((t) => t.checkedByExpected);

/** Values of every kind an answer may be replaced by: wrong types, blanks, out-of-range numbers, malformed text. */
const REPLACEMENTS: unknown[] = ["", "  ", "abc", "13800000000", "a@b.c", "2024-13-45", "1,5%", -1, 0, 1.5, 1e9, true, null, [], {}, ["x"], [[1, "y"]], { 其他: "z" }];

/** Every path to an answer in a document: object keys and array indices, down to the leaves. */
function leaves(doc: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(doc)) return doc.flatMap((v, i) => leaves(v, [...path, i]));
  if (typeof doc === "object" && doc !== null) return Object.entries(doc).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [path];
}

function replaced(doc: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(doc);
  if (path.length === 0) return value;
  let node = copy as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return copy;
}

function documents(template: SheetTemplate): unknown[] {
  const sample = template.sample();
  const docs: unknown[] = [undefined, null, {}, sample, 42, "text", [], [sample], { unknown: 1 }];
  if (typeof sample === "object" && sample !== null && !Array.isArray(sample)) docs.push({ ...sample, unknown: "x" });
  for (const path of leaves(sample)) for (const value of REPLACEMENTS) docs.push(replaced(sample, path, value));
  // Whole branches of the wrong kind: a rows array as an object, an indicator as a number …
  for (const path of leaves(sample)) if (path.length > 1) for (const value of [7, "x", {}, []]) docs.push(replaced(sample, path.slice(0, -1), value));
  return docs;
}

/** Each parameter at its default, and an integer at its bounds, a choice at each option. */
function paramSets(template: SheetTemplate): Params[] {
  const sets: Params[] = [{}];
  for (const p of template.params) {
    if (p.type === "choice") for (const o of p.options ?? []) sets.push({ [p.key]: o.value });
    else for (const v of [p.min, p.max]) if (v !== undefined) sets.push({ [p.key]: v });
  }
  return sets.map((raw) => {
    const checked = checkParams(template.params, raw);
    if (!checked.ok) throw new Error(`${template.id}: ${JSON.stringify(raw)} refused`);
    return checked.value;
  });
}

describe("checkedByExpected: the check asks expected alone", () => {
  it("is said by every table sheet, not by the scoring sheets (a batch row's results are bound once it answers anything)", () => {
    const tables = SHEET_TEMPLATES.filter((t) => findTemplate(t.template)?.kind !== "rubric");
    expect(new Set(tables.map((t) => findTemplate(t.template)?.kind))).toEqual(new Set(["scheme", "summary", "kpi-set", "form"]));
    expect(CHECKED).toEqual(tables);
  });

  it.each(CHECKED.map((t) => [t.id, t] as const))("%s: render refuses what expected refuses, alike, and binds the blank plan's results", (_id, template) => {
    let refused = 0;
    let accepted = 0;
    for (const params of paramSets(template)) {
      const blank = template.render(params, undefined);
      if (!blank.ok) throw new Error(`${template.id} does not render blank`);
      for (const data of documents(template)) {
        const rendered = template.render(params, data);
        const expected = template.expected(params, data);
        if (rendered.ok) {
          accepted++;
          expect(rendered.value.results).toEqual(blank.value.results);
        } else {
          refused++;
          expect(expected.ok ? [] : expected.problems).toEqual(rendered.problems);
        }
      }
    }
    // Both sides ran: the data above is refused and accepted alike.
    expect(refused).toBeGreaterThan(0);
    expect(accepted).toBeGreaterThan(0);
  });
});

describe("checkSheet on a filled table sheet", () => {
  it.each(CHECKED.map((t) => [t.id, t] as const))("%s: written with its sample and read back, every result cell of the filled plan is compared", async (_id, template) => {
    const params = paramSets(template)[0];
    const filled = template.render(params, template.sample());
    if (!filled.ok) throw new Error(`${template.id} refuses its sample`);
    const [sheet] = await readWorkbook(new Uint8Array((await writeWorkbook([filled.value])).bytes));
    const report = checkSheet(sheet);
    // As Assessbook wrote it, no spreadsheet has calculated the results yet.
    expect(report.status).toBe(filled.value.results.length > 0 ? "not-calculated" : "checked");
    expect(report.problems).toEqual([]);
    expect(report.checks.map((c) => [c.key, c.verdict])).toEqual(filled.value.results.map((r) => [r.key, "not-calculated"]));
  });
});
