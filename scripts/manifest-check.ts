import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseStringPromise } from "xml2js";
import { pngSize } from "./png";

/**
 * The offline check of a production build (npm run validate:offline): what Microsoft's online
 * validator would reject or what would break the add-in silently, checked without a network.
 * - dist/manifest.xml parses, every resid it uses is defined (by a resource of the right kind),
 *   and no resource id is defined twice;
 * - strings are within Office's limits: ShortStrings and DisplayName ≤ 125 characters,
 *   LongStrings and Description ≤ 250;
 * - every URL is https, under ADDIN_BASE_URL, and names a file the build put in dist/;
 * - every icon is a PNG of the size the manifest declares for it;
 * - the shared runtime is wired as Office requires (SharedRuntime and CustomFunctionsRuntime
 *   required, one long-lived Runtime whose resid the custom functions Page and FunctionFile share);
 * - the functions metadata files of every locale parse and list the same functions;
 * - each page loads only files of dist/ and carries a Content-Security-Policy of 'self'.
 */
export const SHORT_STRING_MAX = 125;
export const LONG_STRING_MAX = 250;
/** Office's icon sizes for the add-in list: IconUrl 32 × 32, HighResolutionIconUrl 64 × 64. */
const ADDIN_ICON_SIZES: Record<string, number> = { IconUrl: 32, HighResolutionIconUrl: 64 };

export interface BuildReport {
  /** Each problem found, as a sentence naming the element, resource or file; empty when the build is sound. */
  problems: string[];
  /** What was checked, for the console. */
  checked: string[];
}

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlElement[];
  parent: XmlElement | null;
}

type ResourceKind = "image" | "url" | "short string" | "long string";

const RESOURCE_LISTS: Record<string, ResourceKind> = {
  "bt:Images": "image",
  "bt:Urls": "url",
  "bt:ShortStrings": "short string",
  "bt:LongStrings": "long string",
};

/** The kind of resource an element's resid must name. */
function expectedKind(element: string): ResourceKind[] {
  if (element === "bt:Image") return ["image"];
  if (["SourceLocation", "Runtime", "FunctionFile", "LearnMoreUrl"].includes(element)) return ["url"];
  return ["short string", "long string"];
}

export async function checkBuild(dist: string, base: string): Promise<BuildReport> {
  const problems: string[] = [];
  const checked: string[] = [];
  const manifestFile = join(dist, "manifest.xml");
  if (!existsSync(manifestFile)) return { problems: [`${manifestFile} does not exist: run npm run build first`], checked };
  let root: XmlElement;
  try {
    const parsed = await parseStringPromise(readFileSync(manifestFile, "utf8"));
    const [name] = Object.keys(parsed);
    root = toElement(name, parsed[name], null);
  } catch (e) {
    return { problems: [`manifest.xml does not parse as XML: ${e instanceof Error ? e.message : String(e)}`], checked };
  }
  if (root.name !== "OfficeApp") problems.push(`manifest.xml's root element is ${root.name}, not OfficeApp`);
  const all = [...descendants(root)];

  // Resources and the resids that use them.
  const resources = new Map<string, { kind: ResourceKind; element: XmlElement }>();
  for (const el of all) {
    const kind = el.parent ? RESOURCE_LISTS[el.parent.name] : undefined;
    const id = el.attributes.id;
    if (!kind || id === undefined) continue;
    if (resources.has(id)) problems.push(`resource id "${id}" is defined twice`);
    resources.set(id, { kind, element: el });
  }
  const references = all.filter((el) => el.attributes.resid !== undefined);
  for (const el of references) {
    const resid = el.attributes.resid;
    const resource = resources.get(resid);
    if (!resource) problems.push(`<${el.name} resid="${resid}"> names no resource: nothing in <Resources> has id "${resid}"`);
    else if (!expectedKind(el.name).includes(resource.kind)) problems.push(`<${el.name} resid="${resid}"> needs ${expectedKind(el.name).join(" or ")}, but "${resid}" is a ${resource.kind}`);
  }
  checked.push(`${resources.size} resources, ${references.length} resid references, all defined`);

  // String lengths.
  const lengthChecks: [XmlElement, number][] = [];
  for (const { kind, element } of resources.values()) {
    if (kind === "short string") lengthChecks.push([element, SHORT_STRING_MAX]);
    if (kind === "long string") lengthChecks.push([element, LONG_STRING_MAX]);
  }
  for (const el of root.children) {
    if (el.name === "DisplayName") lengthChecks.push([el, SHORT_STRING_MAX]);
    if (el.name === "Description") lengthChecks.push([el, LONG_STRING_MAX]);
  }
  let strings = 0;
  for (const [el, max] of lengthChecks) {
    for (const { locale, value } of localizedValues(el)) {
      strings++;
      const length = Array.from(value).length;
      const what = `${el.attributes.id ? `string "${el.attributes.id}"` : `<${el.name}>`} (${locale})`;
      if (length === 0) problems.push(`${what} is empty`);
      if (length > max) problems.push(`${what} has ${length} characters; Office allows at most ${max}`);
    }
  }
  checked.push(`${strings} strings (every locale) within ${SHORT_STRING_MAX} (short, display name) and ${LONG_STRING_MAX} (long, description) characters`);

  // URLs: https, under the base URL, naming a file of the build.
  const urls: { where: string; url: string }[] = [];
  for (const [id, { kind, element }] of resources) {
    if (kind === "url" || kind === "image") for (const { locale, value } of localizedValues(element)) urls.push({ where: `resource "${id}" (${locale})`, url: value });
  }
  for (const el of all.filter((e) => ["IconUrl", "HighResolutionIconUrl", "SupportUrl"].includes(e.name) || (e.name === "SourceLocation" && e.attributes.DefaultValue !== undefined))) {
    for (const { locale, value } of localizedValues(el)) urls.push({ where: `<${el.name}> (${locale})`, url: value });
  }
  const files = new Map<string, string>();
  for (const { where, url } of urls) {
    const file = fileOf(url, base, dist);
    if (typeof file === "string") files.set(url, file);
    else problems.push(`${where}: ${file.problem}`);
  }
  checked.push(`${urls.length} URLs, all https under ${base} and built into dist/`);

  // Icons.
  const icons: { where: string; resid?: string; url?: string; size: number }[] = [];
  for (const el of all) {
    if (el.name === "bt:Image" && el.attributes.size !== undefined && el.attributes.resid !== undefined) icons.push({ where: `<bt:Image size="${el.attributes.size}" resid="${el.attributes.resid}">`, resid: el.attributes.resid, size: Number(el.attributes.size) });
    if (ADDIN_ICON_SIZES[el.name] && el.parent === root) icons.push({ where: `<${el.name}>`, url: el.attributes.DefaultValue, size: ADDIN_ICON_SIZES[el.name] });
  }
  for (const icon of icons) {
    const url = icon.url ?? (icon.resid ? resources.get(icon.resid)?.element.attributes.DefaultValue : undefined);
    const file = url === undefined ? undefined : files.get(url);
    if (file === undefined) continue; // already reported as a missing resource or a bad URL
    const size = pngSize(readFileSync(file));
    if (!size) problems.push(`${icon.where}: ${url} is not a PNG file`);
    else if (size.width !== icon.size || size.height !== icon.size) problems.push(`${icon.where}: ${url} is ${size.width} × ${size.height} pixels, not ${icon.size} × ${icon.size}`);
  }
  checked.push(`${icons.length} icon references, each a PNG of its declared size (${[...new Set(icons.map((i) => i.size))].sort((a, b) => a - b).join(", ")} px)`);

  checkSharedRuntime(all, problems);
  checked.push("shared runtime: SharedRuntime and CustomFunctionsRuntime required, one long-lived Runtime shared with the functions Page and FunctionFile");

  const metadata = checkMetadata(all, resources, files, problems);
  if (metadata) checked.push(metadata);

  const pages = [...new Set([...files.values()].filter((f) => f.endsWith(".html")))];
  for (const page of pages) checkPage(page, dist, base, problems);
  checked.push(`${pages.length} page${pages.length === 1 ? "" : "s"}: local files only, Content-Security-Policy default-src 'self'`);
  return { problems, checked };
}

function toElement(name: string, raw: unknown, parent: XmlElement | null): XmlElement {
  const el: XmlElement = { name, attributes: {}, text: "", children: [], parent };
  if (typeof raw === "string") {
    el.text = raw;
    return el;
  }
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === "$") el.attributes = value as Record<string, string>;
    else if (key === "_") el.text = String(value);
    else for (const child of value as unknown[]) el.children.push(toElement(key, child, el));
  }
  return el;
}

function* descendants(el: XmlElement): Generator<XmlElement> {
  for (const child of el.children) {
    yield child;
    yield* descendants(child);
  }
}

/** An element's DefaultValue and each of its locale Overrides' Value. */
function localizedValues(el: XmlElement): { locale: string; value: string }[] {
  const values = el.attributes.DefaultValue === undefined ? [] : [{ locale: "default", value: el.attributes.DefaultValue }];
  for (const o of el.children) {
    if ((o.name === "Override" || o.name === "bt:Override") && o.attributes.Value !== undefined) values.push({ locale: o.attributes.Locale ?? "?", value: o.attributes.Value });
  }
  return values;
}

/** The file of dist/ a URL names, or why it names none. */
function fileOf(url: string, base: string, dist: string): string | { problem: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { problem: `"${url}" is not a URL` };
  }
  if (parsed.protocol !== "https:") return { problem: `${url} is not https` };
  if (!parsed.href.startsWith(base)) return { problem: `${url} is not under the add-in's base URL ${base}` };
  const relative = decodeURIComponent(parsed.pathname.slice(new URL(base).pathname.length));
  const file = join(dist, relative);
  if (relative === "" || !existsSync(file) || !statSync(file).isFile()) return { problem: `${url} names ${relative || "no file"}, which the build did not produce in dist/` };
  return file;
}

function checkSharedRuntime(all: XmlElement[], problems: string[]): void {
  const sets = all.filter((el) => el.name === "Set").map((el) => el.attributes.Name);
  for (const required of ["SharedRuntime", "CustomFunctionsRuntime"]) {
    if (!sets.includes(required)) problems.push(`<Requirements> does not require ${required}`);
  }
  const runtimes = all.filter((el) => el.name === "Runtime");
  if (runtimes.length !== 1) {
    problems.push(`expected one <Runtime> (the shared runtime), found ${runtimes.length}`);
    return;
  }
  const [runtime] = runtimes;
  if (runtime.attributes.lifetime !== "long") problems.push(`<Runtime resid="${runtime.attributes.resid}"> has lifetime "${runtime.attributes.lifetime}": custom functions need "long"`);
  const page = all.find((el) => el.name === "SourceLocation" && el.parent?.name === "Page");
  if (page?.attributes.resid !== runtime.attributes.resid) problems.push(`the custom functions <Page> uses resid "${page?.attributes.resid}", the <Runtime> "${runtime.attributes.resid}": the shared runtime loads only when they are the same`);
  for (const el of all.filter((e) => e.name === "FunctionFile")) {
    if (el.attributes.resid !== runtime.attributes.resid) problems.push(`<FunctionFile> uses resid "${el.attributes.resid}", the <Runtime> "${runtime.attributes.resid}": the shared runtime loads only when they are the same`);
  }
}

/** Every locale's functions metadata file lists the same functions with the same parameters. */
function checkMetadata(all: XmlElement[], resources: Map<string, { kind: ResourceKind; element: XmlElement }>, files: Map<string, string>, problems: string[]): string | null {
  const source = all.find((el) => el.name === "SourceLocation" && el.parent?.name === "Metadata");
  const resource = source ? resources.get(source.attributes.resid) : undefined;
  if (!resource) {
    problems.push("the custom functions <Metadata> names no URL resource");
    return null;
  }
  const shapes = new Map<string, string>();
  for (const { locale, value } of localizedValues(resource.element)) {
    const file = files.get(value);
    if (!file) continue; // reported with the URLs
    try {
      const metadata = JSON.parse(readFileSync(file, "utf8")) as { functions: { id: string; parameters: { type?: string; dimensionality?: string; optional?: boolean }[]; result: unknown }[] };
      shapes.set(locale, JSON.stringify(metadata.functions.map((f) => [f.id, f.parameters.map((p) => [p.type, p.dimensionality, p.optional]), f.result])));
    } catch (e) {
      problems.push(`${value} is not functions metadata JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const [first, ...others] = [...shapes.entries()];
  for (const [locale, shape] of others) {
    if (first && shape !== first[1]) problems.push(`the ${locale} functions metadata does not list the same functions, parameters and results as the ${first[0]} one`);
  }
  const count = first ? (JSON.parse(first[1]) as unknown[]).length : 0;
  return `functions metadata for ${[...shapes.keys()].join(" and ")}: the same ${count} functions`;
}

const CSP = /<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content=(?:"([^"]*)"|'([^']*)')/i;
const LINKS = /\b(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

/** A page loads only files of the build, under a Content-Security-Policy that allows only 'self'. */
function checkPage(file: string, dist: string, base: string, problems: string[]): void {
  const html = readFileSync(file, "utf8");
  const name = file.slice(dist.length + 1);
  const csp = CSP.exec(html);
  const policy = csp ? (csp[1] ?? csp[2]) : "";
  if (!csp) problems.push(`${name} has no Content-Security-Policy meta element`);
  else if (!/(^|;)\s*default-src 'self'\s*(;|$)/.test(policy)) problems.push(`${name}'s Content-Security-Policy does not set default-src 'self' alone: "${policy}"`);
  else if (/https?:|\*|'unsafe-/.test(policy)) problems.push(`${name}'s Content-Security-Policy allows more than 'self': "${policy}"`);
  const pageUrl = new URL(name, base);
  for (const match of html.matchAll(LINKS)) {
    const link = match[1] ?? match[2] ?? match[3];
    const target = fileOf(new URL(link, pageUrl).href, base, dist);
    if (typeof target !== "string") problems.push(`${name} loads ${link}: ${target.problem}`);
  }
}
