/**
 * The traps issue 13 item 6 closes: a lowest bracket "from 0" with a negative improvement, the
 * seed list kept twice, a rubric without samples taking down every sheet at load, and the
 * type-only import circles through src/cli/main.ts and src/sheets/registry.ts.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { findRubric } from "../../templates/index";
import { SEEDS } from "../../templates/documents";
import { loadBuiltIn } from "../../templates/catalogue";
import { rubricSchema, type Rubric, type RubricSource } from "../../templates/schema";
import { shaoxingDiscrete } from "../../templates/rubrics/shaoxing-discrete";
import { score } from "../../src/core/score";
import { scoreTotals } from "../../src/core/score-fast";
import { scoringSheets } from "../../src/sheets/scoring/index";

jest.setTimeout(60_000);

const ROOT = join(__dirname, "..", "..");
const DISCRETE = findRubric("shaoxing-discrete") as Rubric;

type Editable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function edited(edit: (c: Editable) => void): unknown {
  const c = structuredClone(shaoxingDiscrete) as Editable;
  edit(c);
  return c;
}

/** The path of an item in the rubric source, by its code. */
function itemPath(code: string): [number, number] {
  for (const [s, section] of DISCRETE.sections.entries()) {
    const i = section.items.findIndex((item) => item.code === code);
    if (i >= 0) return [s, i];
  }
  throw new Error(`no item ${code}`);
}

describe("D3, D6: the lowest bracket takes every value below the next one, a negative improvement included", () => {
  test("the schema refuses a lowest bracket that starts at 0, which would leave a fall (−5%) in no bracket", () => {
    const [s, i] = itemPath("6.4");
    const result = rubricSchema.safeParse(edited((c) => (c.sections[s].items[i].rule.brackets[0].min = 0)));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((x) => `${x.path.join(".")}: ${x.message}`)).toEqual([
      `sections.${s}.items.${i}.rule.brackets.0.min: the lowest bracket takes every value below the next one, negative ones included (rulings D3, D6): min must be null`,
    ]);
  });

  test.each([
    ["6.4", -0.05, "< 8%"],
    ["6.5", -0.3, "< 5%"],
  ])("%s answered %s scores the lowest bracket (0) in score() and scoreTotals() alike", (code, value, words) => {
    const scored = score(DISCRETE, { [code]: value });
    if (!scored.ok) throw new Error(JSON.stringify(scored.problems));
    const item = scored.value.items.find((x) => x.code === code);
    expect(item?.score).toBe(0);
    expect(item?.rule.en).toContain(words);
    const row = DISCRETE.inputs.map((input) => (input.code === code ? value : ""));
    const fast = scoreTotals(DISCRETE, row);
    if (!fast.ok) throw new Error(JSON.stringify(fast.problems));
    expect(fast.value.total).toBe(scored.value.total);
    expect(fast.value.sections).toEqual(scored.value.sections.map((x) => x.score));
  });
});

describe("one seed list", () => {
  test("a built-in source cites exactly the seed files documents.ts lists", () => {
    const [s] = itemPath("1.1");
    expect(loadBuiltIn("rubric", edited((c) => (c.sections[s].source.doc = SEEDS.pujiang))).id).toBe("shaoxing-discrete");
    expect(() => loadBuiltIn("rubric", edited((c) => (c.sections[s].source.doc = "005_0000000000000000.txt")))).toThrow(/not 005_0000000000000000\.txt/);
  });

  test("templates/schema.ts names no seed file itself", () => {
    expect(readFileSync(join(ROOT, "templates", "schema.ts"), "utf8")).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
  });
});

describe("a rubric with no samples written for it", () => {
  // A JSON file may leave `sample` (and `sheet`) out: the county's rubric gives neither.
  const written: RubricSource = { ...structuredClone(shaoxingDiscrete), id: "county-discrete" };
  delete written.sample;
  delete written.sheet;
  const county = rubricSchema.parse(written);
  const sheets = scoringSheets(county);

  test("still has its three sheets, which render their generated samples and compute them", () => {
    expect(sheets.map((t) => t.id)).toEqual(["county-discrete", "county-discrete-batch", "county-discrete-panel"]);
    for (const t of sheets) {
      const params = Object.fromEntries(t.params.map((p) => [p.key, p.default]));
      const data = t.sample();
      expect([t.id, t.render(params, data).ok]).toEqual([t.id, true]);
      expect([t.id, t.expected(params, data).ok]).toEqual([t.id, true]);
    }
  });

  test("the generated single sample answers every input and scores as the engine says", () => {
    const data = sheets[0].sample() as Record<string, unknown>;
    expect(Object.keys(data)).toEqual(expect.arrayContaining(county.inputs.map((i) => i.code)));
    const answers = Object.fromEntries(Object.entries(data).filter(([key]) => key !== "enterprise"));
    const scored = score(county, answers);
    expect(scored.ok && scored.value.complete).toBe(true);
  });
});

describe("no import circle through the CLI's entry point or the sheet registry", () => {
  /** Relative imports and re-exports of every .ts file under src/, type-only ones included. */
  function graph(): Map<string, string[]> {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name)) files.push(normalize(path));
      }
    };
    walk(join(ROOT, "src"));
    const known = new Set(files);
    const resolve = (from: string, spec: string) =>
      [".ts", ".tsx", "/index.ts"].map((ext) => normalize(join(dirname(from), spec)) + ext).find((f) => known.has(f));
    return new Map(
      files.map((f) => {
        const specs = [...readFileSync(f, "utf8").matchAll(/^(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"/gms)].map((m) => m[1]);
        return [f, specs.map((s) => resolve(f, s)).filter((x): x is string => x !== undefined)];
      }),
    );
  }

  /** Whether `to` is reached from `from` by following imports. */
  function reaches(g: Map<string, string[]>, from: string, to: string): boolean {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const f = stack.pop() as string;
      for (const next of g.get(f) ?? []) {
        if (next === to) return true;
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    return false;
  }

  test.each(["src/cli/main.ts", "src/sheets/registry.ts"])("nothing %s imports imports it back", (file) => {
    const g = graph();
    const self = normalize(join(ROOT, file));
    const back = (g.get(self) ?? []).filter((dep) => reaches(g, dep, self) || dep === self);
    expect(back.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
