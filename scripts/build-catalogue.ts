/**
 * Part of `npm run build:cli` (after tsc): validates every built-in template with its zod schema
 * and writes what zod returned (defaults applied) beside the compiled templates, where
 * templates/index.ts reads it instead of validating at every start of the command line.
 * The old file goes first, so a catalogue that no longer validates leaves none behind.
 */
import { rmSync, writeFileSync } from "node:fs";
import { validateCatalogue } from "../templates/catalogue";
import { shippedPath } from "../templates/shipped";
import { catalogueJson } from "./catalogue-json";

const path = shippedPath();
rmSync(path, { force: true });
const catalogue = validateCatalogue();
writeFileSync(path, catalogueJson(catalogue));
const count = Object.values(catalogue).reduce((n, list) => n + list.length, 0);
console.log(`${path}: ${count} templates validated`);
