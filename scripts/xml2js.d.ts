/**
 * The part of xml2js (a dependency of office-addin-manifest, which has no type declarations of
 * its own) that the offline manifest check uses. With the default options every element becomes
 * an object whose attributes are under "$", whose text is under "_" and whose child elements are
 * arrays keyed by their prefixed name; an element with only text becomes that string.
 */
declare module "xml2js" {
  export function parseStringPromise(xml: string): Promise<Record<string, unknown>>;
}
