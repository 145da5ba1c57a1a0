/**
 * The catalogue the build ships (build/templates/catalogue.json, written by
 * scripts/build-catalogue.ts) is exactly what zod makes of the template sources, and the tests,
 * running from source, validate the sources themselves rather than read a shipped copy.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateCatalogue, type Catalogue } from "../../templates/catalogue";
import { ALL_TEMPLATES, FORMS, KPI_SETS, RUBRICS, SCHEMES, SUMMARIES } from "../../templates/index";
import { readShipped, shippedPath, SHIPPED_FILE } from "../../templates/shipped";
import { pujiang } from "../../templates/schemes/pujiang";
import { catalogueJson } from "../../scripts/catalogue-json";

const ROOT = join(__dirname, "..", "..");
const SHIPPED = join(ROOT, "build", "templates", SHIPPED_FILE);

describe("the shipped catalogue", () => {
  beforeAll(() => {
    if (!existsSync(SHIPPED)) execFileSync("npm", ["run", "build:cli"], { cwd: ROOT, stdio: "ignore" });
  });

  test("equals the zod-parsed template sources, byte for byte (npm run build:cli writes it again after a change)", () => {
    expect(readFileSync(SHIPPED, "utf8")).toBe(catalogueJson(validateCatalogue()));
  });

  test("reads back as the validated catalogue, defaults applied", () => {
    const shipped = readShipped(SHIPPED);
    expect(shipped).toStrictEqual(validateCatalogue());
    // A default zod fills in is in the shipped data, not left for run time: 浦江's scheme does not say
    // whether its tiers are cumulative, and the schema's default (false) is what ships.
    expect("cumulative" in pujiang).toBe(false);
    expect(shipped?.schemes.find((s) => s.id === pujiang.id)?.cumulative).toBe(false);
  });
});

describe("from source", () => {
  test("no shipped copy sits beside templates/: the catalogue the tests use is validated as it loads", () => {
    expect(shippedPath()).toBe(join(ROOT, "templates", SHIPPED_FILE));
    expect(readShipped()).toBeUndefined();
    const validated: Catalogue = validateCatalogue();
    expect({ rubrics: RUBRICS, schemes: SCHEMES, kpiSets: KPI_SETS, summaries: SUMMARIES, forms: FORMS }).toStrictEqual(validated);
    expect(ALL_TEMPLATES).toHaveLength(Object.values(validated).flat().length);
  });
});

describe("catalogueJson", () => {
  test("refuses a catalogue JSON would not carry unchanged", () => {
    const catalogue = validateCatalogue();
    const withUndefined = { ...catalogue, rubrics: [{ ...catalogue.rubrics[0], max: undefined as unknown as number }] };
    expect(() => catalogueJson(withUndefined)).toThrow("does not survive JSON unchanged");
    const withNaN = { ...catalogue, rubrics: [{ ...catalogue.rubrics[0], max: NaN }] };
    expect(() => catalogueJson(withNaN)).toThrow("does not survive JSON unchanged");
  });
});

describe("readShipped", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "assessbook-shipped-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("a missing file means there is none; a damaged one is an error naming the file and the fix", () => {
    expect(readShipped(join(dir, "absent.json"))).toBeUndefined();
    const damaged = join(dir, "damaged.json");
    writeFileSync(damaged, '{"rubrics": [');
    expect(() => readShipped(damaged)).toThrow(`${damaged} is damaged`);
    expect(() => readShipped(damaged)).toThrow("npm run build:cli");
  });
});
