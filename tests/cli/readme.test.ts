/**
 * The README shows real output of `assessbook`: every "$ npx assessbook …" example is run here
 * and must print exactly what the README says, so the documentation cannot drift from the tool.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "../../src/cli/main";

const ROOT = join(__dirname, "..", "..");

interface Example {
  args: string[];
  stdin?: string;
  expected: string;
}

function examples(): Example[] {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/```text\n\$ (.+)\n([\s\S]*?)```/g)];
  return blocks.map(([, command, output]) => {
    const piped = /^echo '(.*)' \| npx assessbook (.+)$/.exec(command);
    const plain = /^npx assessbook (.+)$/.exec(command);
    const [stdin, args] = piped ? [piped[1], piped[2]] : [undefined, (plain as RegExpExecArray)[1]];
    return { args: args.split(" "), stdin, expected: output.trimEnd() };
  });
}

test("the README has examples of list, score, tier and an invalid input", () => {
  expect(examples().map((e) => e.args[0])).toEqual(["list", "score", "score", "tier"]);
});

test.each(examples().map((e) => [e.args.join(" "), e] as const))("README example: assessbook %s", async (_name, example) => {
  const printed: string[] = [];
  await run(example.args, {
    out: (t) => printed.push(t),
    err: (t) => printed.push(t),
    read: async (path) => (path === "-" ? (example.stdin as string) : readFileSync(join(ROOT, path), "utf8")),
  });
  expect(printed.join("\n").trimEnd()).toBe(example.expected);
});
