/**
 * The one setting that says where the add-in is served: ADDIN_BASE_URL (default
 * https://localhost:3000/, the dev server). manifest.xml is written against the default; the
 * build copies it with every URL rebased, and the offline check resolves URLs against the same
 * setting, so a deployment changes one variable and nothing else.
 */
export const DEFAULT_BASE_URL = "https://localhost:3000/";

/** The base URL from the environment, checked: https (Office loads add-ins only over https), ending in /. */
export function addinBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.ADDIN_BASE_URL?.trim() || DEFAULT_BASE_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_BASE_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== "https:") throw new Error(`ADDIN_BASE_URL must be https (Office loads add-ins only over https): ${raw}`);
  if (url.search || url.hash) throw new Error(`ADDIN_BASE_URL cannot carry a query or fragment: ${raw}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** The manifest with every URL moved from the default base to `base`. */
export function rebaseManifest(xml: string, base: string): string {
  return xml.split(DEFAULT_BASE_URL).join(base);
}
