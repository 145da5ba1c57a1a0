/**
 * The catalogue as the build ships it: validated once by scripts/build-catalogue.ts and written
 * beside the compiled templates (build/templates/catalogue.json), so the command line starts
 * without loading zod and checking every template again. Node only (templates/built-in.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Catalogue } from "./catalogue";

export const SHIPPED_FILE = "catalogue.json";

/** Where the shipped catalogue sits: beside this module once compiled (build/templates/). From source (the tests) there is none. */
export function shippedPath(): string {
  return join(__dirname, SHIPPED_FILE);
}

/** The shipped catalogue, or undefined when none was built beside this module. A file that is there but unreadable is an error. */
export function readShipped(path = shippedPath()): Catalogue | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    if ((e as { code?: unknown }).code === "ENOENT") return undefined;
    throw e;
  }
  try {
    return JSON.parse(text) as Catalogue;
  } catch (e) {
    throw new Error(`${path} is damaged (${(e as Error).message}): run npm run build:cli to write it again`, { cause: e });
  }
}
