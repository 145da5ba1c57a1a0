/**
 * The built-in catalogue in Node: the command line reads the copy the build validated
 * (templates/shipped.ts); the tests, running from source, have none and validate the sources
 * here. The add-in's bundle takes templates/built-in.addin.ts in place of this module
 * (webpack.config.js), with no file system and no lazy loading.
 */
import type { Catalogue } from "./catalogue";
import { readShipped } from "./shipped";

export function builtInCatalogue(): Catalogue {
  return readShipped() ?? validated();
}

/**
 * zod and the template sources are loaded only on this path: loading and running them was most
 * of the command line's start-up, and the shipped catalogue already is their output.
 */
function validated(): Catalogue {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when there is no shipped catalogue
  const { validateCatalogue } = require("./catalogue") as typeof import("./catalogue");
  return validateCatalogue();
}
