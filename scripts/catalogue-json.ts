/**
 * The text of the shipped catalogue (build/templates/catalogue.json): the validated templates as
 * JSON, refused if JSON would not carry them exactly (a value such as undefined, NaN or -0 would
 * come back different, and the command line would then run on other data than the tests checked).
 */
import { isDeepStrictEqual } from "node:util";
import type { Catalogue } from "../templates/catalogue";

export function catalogueJson(catalogue: Catalogue): string {
  const text = JSON.stringify(catalogue);
  if (!isDeepStrictEqual(JSON.parse(text), catalogue)) throw new Error("the validated catalogue does not survive JSON unchanged: it cannot be shipped as catalogue.json");
  return text;
}
