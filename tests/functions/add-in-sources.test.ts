import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ICON_SIZES, drawIcon, iconPath } from "../../scripts/icons";
import { encodePng, pngSize } from "../../scripts/png";
import { DEFAULT_BASE_URL, addinBaseUrl, rebaseManifest } from "../../scripts/addin-url";
import { FUNCTION_STRINGS } from "../../functions/strings";

/** The add-in's sources that need no build: icons, the base URL setting, the strings. */

const ROOT = join(__dirname, "..", "..");

describe("icons", () => {
  it.each(ICON_SIZES.map((s) => [s]))("assets/icon-%i.png is exactly what scripts/icons.ts draws (npm run icons)", (size) => {
    const committed = readFileSync(join(ROOT, iconPath(size)));
    expect(pngSize(committed)).toEqual({ width: size, height: size });
    expect(committed.equals(drawIcon(size))).toBe(true);
  });

  it("pngSize reads the IHDR of a PNG and refuses anything else", () => {
    expect(pngSize(encodePng(3, 2, new Uint8Array(24)))).toEqual({ width: 3, height: 2 });
    expect(pngSize(Buffer.from("GIF89a and more bytes to be long enough"))).toBeNull();
    expect(pngSize(Buffer.alloc(0))).toBeNull();
  });
});

describe("ADDIN_BASE_URL", () => {
  it.each<[string | undefined, string]>([
    [undefined, DEFAULT_BASE_URL],
    ["", DEFAULT_BASE_URL],
    ["https://assess.example.gov.cn", "https://assess.example.gov.cn/"],
    ["https://assess.example.gov.cn/addin", "https://assess.example.gov.cn/addin/"],
    [" https://10.1.2.3:8443/addin/ ", "https://10.1.2.3:8443/addin/"],
  ])("%j → %s", (value, expected) => {
    expect(addinBaseUrl({ ADDIN_BASE_URL: value })).toBe(expected);
  });

  it.each([
    ["http://intranet/addin/", "must be https"],
    ["intranet/addin", "is not a URL"],
    ["https://intranet/addin/?v=2", "cannot carry a query"],
  ])("%s is refused (%s)", (value, reason) => {
    expect(() => addinBaseUrl({ ADDIN_BASE_URL: value })).toThrow(reason);
  });

  it("rebases every URL of manifest.xml and nothing else", () => {
    const source = readFileSync(join(ROOT, "manifest.xml"), "utf8");
    const rebased = rebaseManifest(source, "https://assess.example.gov.cn/addin/");
    expect(rebased.replaceAll("https://assess.example.gov.cn/addin/", DEFAULT_BASE_URL)).toBe(source);
    expect(rebased).not.toContain("localhost");
  });
});

describe("functions/strings.ts", () => {
  it("every description fits Excel's 255-character limit for function and argument descriptions", () => {
    const texts = FUNCTION_STRINGS.flatMap((f) => [f.description, ...f.parameters.map((p) => p.description)]).flatMap((t) => [t.zh, t.en]);
    expect(texts.filter((t) => Array.from(t).length > 255)).toEqual([]);
  });

  it("every id is a valid custom function id and name: a letter, then A–Z, 0–9, _ or .", () => {
    for (const f of FUNCTION_STRINGS) expect(f.id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
  });
});
