/**
 * The versioning rule (docs/template-versions.md, issue 13 item 5): a sheet's marker carries the
 * version of its layout, and a sheet of another version is refused by name rather than read from
 * cells that may have moved. So whenever a sheet's input cells or their codes change, its version
 * must change too. layout-fingerprints.json records, per sheet template, the version and a hash of
 * its input cells (code, row, column) as rendered blank with the default parameters; this test
 * fails when a layout changes under the same version, and says what to do.
 *
 * Recording a new fingerprint after a version bump (or for a new sheet):
 *   UPDATE_LAYOUT_FINGERPRINTS=1 npx jest tests/templates/layout-versions.test.ts
 * The update never records a changed layout under an unchanged version.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findTemplate } from "../../templates/index";
import { checkSheet } from "../../src/sheets/check-sheet";
import { SHEET_TEMPLATES, type SheetTemplate } from "../../src/sheets/registry";

jest.setTimeout(60_000);

const FILE = join(__dirname, "layout-fingerprints.json");
const UPDATE = process.env.UPDATE_LAYOUT_FINGERPRINTS === "1";

interface Fingerprint {
  version: number;
  /** sha256 of the input cells, "code@row,col" one a line, in the plan's order. */
  layout: string;
}

const defaults = (t: SheetTemplate) => Object.fromEntries(t.params.map((p) => [p.key, p.default]));

function current(t: SheetTemplate): Fingerprint {
  const plan = t.render(defaults(t), undefined);
  if (!plan.ok) throw new Error(`${t.id} does not render blank with its default parameters: ${JSON.stringify(plan.problems)}`);
  const cells = plan.value.inputs.map((b) => `${b.code}@${b.row},${b.col}`).join("\n");
  return { version: plan.value.marker.version, layout: createHash("sha256").update(cells).digest("hex") };
}

/** Where a sheet's version is set: its catalogue template's `version`; a scoring sheet's also has LAYOUT_REVISION. */
function whereToBump(t: SheetTemplate): string {
  return findTemplate(t.template)?.kind === "rubric"
    ? `\`version\` of template ${t.template} (templates/rubrics/), or LAYOUT_REVISION in src/sheets/scoring/sheet-layout.ts when only the sheet changed`
    : `\`version\` of template ${t.template} (templates/)`;
}

/** What is wrong with the recorded fingerprint, or null when it matches. */
function mismatch(t: SheetTemplate, recorded: Fingerprint | undefined, now: Fingerprint): string | null {
  if (recorded === undefined) return `${t.id} has no recorded layout: record it (UPDATE_LAYOUT_FINGERPRINTS=1 npx jest tests/templates/layout-versions.test.ts)`;
  if (recorded.version === now.version && recorded.layout !== now.layout) {
    return (
      `the input cells of ${t.id} moved or changed their codes, but its version is still ${now.version}: sheets built before cannot be told apart and would be read from the wrong cells. ` +
      `Bump the ${whereToBump(t)}, say why in a comment beside it, then record the new layout (UPDATE_LAYOUT_FINGERPRINTS=1 npx jest tests/templates/layout-versions.test.ts). See docs/template-versions.md.`
    );
  }
  if (recorded.version !== now.version || recorded.layout !== now.layout) {
    return `${t.id} is now version ${now.version} (recorded: ${recorded.version}): record its layout (UPDATE_LAYOUT_FINGERPRINTS=1 npx jest tests/templates/layout-versions.test.ts)`;
  }
  return null;
}

function readRecorded(): Record<string, Fingerprint> {
  return JSON.parse(readFileSync(FILE, "utf8")) as Record<string, Fingerprint>;
}

describe("a sheet's layout changes only with its version", () => {
  const recorded = readRecorded();
  const now = new Map(SHEET_TEMPLATES.map((t) => [t.id, current(t)]));

  if (UPDATE) {
    test("records the layouts of new or re-versioned sheets (never a changed layout under the same version)", () => {
      const refused = SHEET_TEMPLATES.flatMap((t) => {
        const r = recorded[t.id];
        const n = now.get(t.id) as Fingerprint;
        return r !== undefined && r.version === n.version && r.layout !== n.layout ? [mismatch(t, r, n)] : [];
      });
      expect(refused).toEqual([]);
      const next = Object.fromEntries(SHEET_TEMPLATES.map((t) => [t.id, now.get(t.id)]));
      writeFileSync(FILE, `${JSON.stringify(next, null, 2)}\n`);
    });
    return;
  }

  test.each(SHEET_TEMPLATES.map((t) => [t.id, t] as const))("%s", (_id, t) => {
    expect(mismatch(t, recorded[t.id], now.get(t.id) as Fingerprint)).toBeNull();
  });

  test("every recorded sheet still exists", () => {
    const gone = Object.keys(recorded).filter((id) => !now.has(id));
    expect(gone.map((id) => `${id} is recorded but no sheet has that id any more: remove it from layout-fingerprints.json`)).toEqual([]);
  });

  test("the check fails on a moved input cell under the same version, naming the sheet and what to do", () => {
    const t = SHEET_TEMPLATES[0];
    const n = now.get(t.id) as Fingerprint;
    const message = mismatch(t, { version: n.version, layout: "0".repeat(64) }, n);
    expect(message).toContain(`the input cells of ${t.id} moved or changed their codes, but its version is still ${n.version}`);
    expect(message).toContain("Bump the `version` of template");
    expect(message).toContain("docs/template-versions.md");
  });
});

describe("a sheet of an older version is refused by name, not read", () => {
  test.each(SHEET_TEMPLATES.map((t) => [t.id, t] as const))("%s", (_id, t) => {
    const version = current(t).version - 1;
    const report = checkSheet({ name: "旧表", marker: { template: t.id, version, params: defaults(t) }, cell: () => ({ kind: "blank" }) });
    expect(report.status).toBe("other-version");
    expect(report.inputs).toEqual({});
    expect(report.problems.map((p) => p.message.en)).toEqual([expect.stringContaining(`version ${version} of template "${t.id}"; the current version is ${version + 1}`)]);
    expect(report.problems[0].message.en).toContain(`assessbook build ${t.id}`);
  });
});
