/**
 * The published JSON Schema of a template file (templates/template.schema.json, issue 13 item 3):
 * the committed file is exactly what scripts/template-json-schema.ts generates from the zod
 * schema, so it cannot drift; and a real JSON Schema validator (ajv, already in node_modules
 * through eslint) accepts every built-in template as written and the fictional one under
 * tests/fixtures, and refuses a broken one, as an editor would while the file is typed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BUILT_IN_SOURCES } from "../../templates/catalogue";
import { templateJsonSchema, templateJsonSchemaText } from "../../scripts/template-json-schema";

const ROOT = join(__dirname, "..", "..");
const COMMITTED = readFileSync(join(ROOT, "templates", "template.schema.json"), "utf8");
const SCHEMA = JSON.parse(COMMITTED) as { $schema: string; $id: string; description: string; oneOf: Record<string, any>[]; definitions: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
const FIXTURE = JSON.parse(readFileSync(join(ROOT, "tests", "fixtures", "templates", "check-good-rubric.json"), "utf8")) as Record<string, unknown>;
const KINDS = ["rubric", "scheme", "kpi-set", "summary", "form"];

test("the committed schema is what npm run schema:templates writes from the zod schema (run it after changing templates/schema.ts)", () => {
  expect(COMMITTED).toBe(templateJsonSchemaText());
});

describe("its shape", () => {
  test("draft-07, with an id, a title and a description that says how an editor uses it", () => {
    expect(SCHEMA.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(SCHEMA.$id).toBe("urn:assessbook:template.schema.json");
    expect(SCHEMA.description).toContain('"$schema": "./template.schema.json"');
  });

  test("one of the five kinds, or a non-empty array of them; each kind allows the $schema pointer", () => {
    const resolve = (s: Record<string, unknown>) => (typeof s.$ref === "string" ? SCHEMA.definitions[s.$ref.replace("#/definitions/", "")] : s);
    const kinds = SCHEMA.oneOf.slice(0, 5).map((k) => resolve(k.properties.kind).const);
    expect(kinds).toEqual(KINDS);
    for (const k of SCHEMA.oneOf.slice(0, 5)) expect(k.properties.$schema).toMatchObject({ type: "string" });
    expect(SCHEMA.oneOf[5]).toEqual({ type: "array", minItems: 1, items: { oneOf: KINDS.map((_, i) => ({ $ref: `#/oneOf/${i}` })) } });
  });

  test("defaults may be left out: a rubric requires no consistency rules, a condition no severity", () => {
    const rubric = SCHEMA.oneOf[0];
    expect(rubric.required).not.toContain("consistency");
    expect(rubric.required).toEqual(expect.arrayContaining(["id", "kind", "version", "title", "document", "source", "max", "inputs", "sections"]));
  });

  test("generating it twice gives the same object (nothing in it depends on the run)", () => {
    expect(templateJsonSchema()).toEqual(templateJsonSchema());
  });
});

/** ajv as the package exports it, when node_modules has it; no dependency is added for this test. */
function ajv(): { compile(schema: unknown): ((data: unknown) => boolean) & { errors?: unknown[] | null } } | undefined {
  let Ajv: new (options: object) => ReturnType<typeof ajv>;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional: only if already installed
    Ajv = require("ajv");
  } catch {
    return undefined;
  }
  return new Ajv({ allErrors: true });
}

const validator = ajv();
if (!validator) {
  const message = "ajv is not in node_modules: the built-in templates are not checked against the JSON Schema by a validator";
  if (process.env.CI === "true") throw new Error(message);
  console.warn(`SKIPPED: ${message}`);
}

(validator ? describe : describe.skip)("a JSON Schema validator (ajv) reads template files as the zod schema does", () => {
  const validate = (validator as NonNullable<typeof validator>).compile(SCHEMA);
  const asJson = (t: unknown) => JSON.parse(JSON.stringify(t)) as Record<string, unknown>;

  test.each(Object.values(BUILT_IN_SOURCES).flat().map((t) => [t.id, t] as const))("built-in %s, as written, is valid", (_id, source) => {
    const ok = validate(asJson(source));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  test("the fictional rubric with its $schema pointer, alone and in an array", () => {
    expect(validate(FIXTURE)).toBe(true);
    expect(validate([FIXTURE, { ...FIXTURE, id: "baishi-check-two" }])).toBe(true);
  });

  test.each([
    ["a version given as text", (t: Record<string, any>) => (t.version = "2")], // eslint-disable-line @typescript-eslint/no-explicit-any
    ["an unknown kind", (t: Record<string, any>) => (t.kind = "rubrik")], // eslint-disable-line @typescript-eslint/no-explicit-any
    ["a misspelt field", (t: Record<string, any>) => (t.sections[0].items[0].rule.pionts = 8)], // eslint-disable-line @typescript-eslint/no-explicit-any
    ["an id with capitals", (t: Record<string, any>) => (t.id = "Baishi")], // eslint-disable-line @typescript-eslint/no-explicit-any
    ["an empty title", (t: Record<string, any>) => (t.title.zh = "")], // eslint-disable-line @typescript-eslint/no-explicit-any
  ])("refused: %s", (_what, edit) => {
    const t = structuredClone(FIXTURE);
    edit(t);
    expect(validate(t)).toBe(false);
  });

  test("an empty array is no template file", () => {
    expect(validate([])).toBe(false);
  });
});
