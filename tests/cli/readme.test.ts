/**
 * The README shows real output of `assessbook`: every "$ npx assessbook …" example in a ```text
 * block is run here and must print exactly what the README says, so the documentation cannot
 * drift from the tool. A block may hold several commands, each starting with "$ ". Each command
 * runs in a fresh temporary directory (what `build` and `export` write goes there); the files it
 * reads (examples/…) are read from the repository.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { ALL_TEMPLATES } from "../../templates/index";

const ROOT = join(__dirname, "..", "..");

interface Example {
  args: string[];
  stdin?: string;
  expected: string;
}

function examples(): Example[] {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/```text\n(\$ [\s\S]*?)```/g)];
  return blocks.flatMap(([, body]) =>
    body.split(/^(?=\$ )/m).map((piece) => {
      const [first, ...output] = piece.split("\n");
      const command = first.slice(2);
      const piped = /^echo '(.*)' \| npx assessbook (.+)$/.exec(command);
      const plain = /^npx assessbook (.+)$/.exec(command);
      if (!piped && !plain) throw new Error(`not an assessbook example: ${first}`);
      const [stdin, args] = piped ? [piped[1], piped[2]] : [undefined, (plain as RegExpExecArray)[1]];
      return { args: args.split(" "), stdin, expected: output.join("\n").trimEnd() };
    }),
  );
}

/** The example file of a template: a scheme's answers are `<id>-tier.json` (as `assessbook tier` takes them), others `<id>.json`. */
const exampleFile = (t: { id: string; kind: string }) => `examples/${t.id}${t.kind === "scheme" ? "-tier" : ""}.json`;

test("examples/ has one file per template, and the README runs each of them", () => {
  const used = new Set(examples().flatMap((e) => e.args.filter((a) => a.startsWith("examples/"))));
  const files = ALL_TEMPLATES.map(exampleFile);
  for (const file of files) expect([file, existsSync(join(ROOT, file))]).toEqual([file, true]);
  expect(files.filter((f) => !used.has(f))).toEqual([]);
  // No example file is left over, unused by any template.
  expect(readdirSync(join(ROOT, "examples")).map((f) => `examples/${f}`).sort()).toEqual([...files].sort());
});

test("the README has examples of list, score, tier and an invalid input", () => {
  const commands = examples().map((e) => e.args[0]);
  for (const command of ["list", "score", "tier", "build", "export"]) expect(commands).toContain(command);
  expect(examples().some((e) => e.stdin !== undefined)).toBe(true);
});

test.each(examples().map((e) => [e.args.join(" "), e] as const))("README example: assessbook %s", async (_name, example) => {
  const printed: string[] = [];
  const home = process.cwd();
  const dir = mkdtempSync(join(tmpdir(), "assessbook-readme-"));
  let code: number;
  try {
    process.chdir(dir);
    code = await run(example.args, {
      out: (t) => printed.push(t),
      err: (t) => printed.push(t),
      read: async (path) => (path === "-" ? (example.stdin as string) : readFileSync(join(ROOT, path), "utf8")),
    });
  } finally {
    process.chdir(home);
    rmSync(dir, { recursive: true, force: true });
  }
  expect(printed.join("\n").trimEnd()).toBe(example.expected);
  // The example files are valid answers: only the invalid-input example fails.
  if (example.args.some((a) => a.startsWith("examples/"))) expect(code).toBe(0);
});
