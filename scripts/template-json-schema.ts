/**
 * `npm run schema:templates`: writes templates/template.schema.json, the JSON Schema of a
 * template file, generated from the zod schema the catalogue validates with (templates/schema.ts)
 * so the two cannot say different things. tests/templates/json-schema.test.ts fails when the
 * committed file is not what this writes.
 *
 * It is for editors: a template file that starts with "$schema": "./template.schema.json" (the
 * path from the file to this schema) is checked as it is typed, with completion and each field's
 * type. JSON Schema cannot say everything zod checks (section sums, contiguous brackets, inputs
 * read once…): `assessbook template check` is the final word. Draft-07, which editors know best.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { templateSchema } from "../templates/schema";

/** The pointer a template file may carry for its editor; templates/user.ts sets it aside before validating. */
const SCHEMA_POINTER = {
  type: "string",
  description: 'The JSON Schema an editor checks this file with, e.g. "./template.schema.json"; ignored by Assessbook.',
};

/**
 * The schema as an object: zod's own output for the input side (defaults may be left out) with a
 * title, a `$schema` key allowed in each kind of template, and an array of templates allowed as
 * the whole file, as templates/user.ts reads it.
 */
export function templateJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(templateSchema, { io: "input", target: "draft-7", reused: "ref" }) as Record<string, unknown> & { oneOf?: { properties?: Record<string, unknown> }[] };
  if (!Array.isArray(generated.oneOf)) throw new Error("zod no longer writes the template kinds as a top-level oneOf: this script and the test need to follow");
  for (const kind of generated.oneOf) {
    if (!kind.properties) throw new Error("a template kind without properties in the generated schema");
    kind.properties = { $schema: SCHEMA_POINTER, ...kind.properties };
  }
  // A file may also hold several templates: an array whose items are each one of the kinds above.
  const kinds = generated.oneOf.map((_, i) => ({ $ref: `#/oneOf/${i}` }));
  const { $schema, oneOf, ...rest } = generated;
  return {
    $schema,
    $id: "urn:assessbook:template.schema.json",
    title: "Assessbook template",
    description:
      "One template (a rubric, tier scheme, KPI set, summary table or form), or an array of them, as `assessbook --templates` and the task pane's 导入模板 load it. " +
      'Put "$schema": "./template.schema.json" (the path from your file to this one) first in a template object for checks and completion as you type. ' +
      "Generated from templates/schema.ts by `npm run schema:templates`; `assessbook template check <file>` also checks what JSON Schema cannot say (sums, brackets, inputs read once, citations).",
    oneOf: [...oneOf, { type: "array", minItems: 1, items: { oneOf: kinds } }],
    ...rest,
  };
}

/** The file's text: two-space indented, with a final newline, as the repository keeps it. */
export function templateJsonSchemaText(): string {
  return `${JSON.stringify(templateJsonSchema(), null, 2)}\n`;
}

if (require.main === module) {
  // Run compiled, from build/scripts/: the repository's templates/ is two levels up.
  const path = join(__dirname, "..", "..", "templates", "template.schema.json");
  writeFileSync(path, templateJsonSchemaText());
  console.log(`${path} written`);
}
