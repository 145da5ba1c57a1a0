/**
 * The built-in catalogue in the add-in (webpack.config.js puts this module in place of
 * templates/built-in.ts): the JSON the build validated with zod (webpack.config.js writes it
 * before bundling, as scripts/build-catalogue.ts does for the command line), so the task pane's
 * first load carries neither zod nor the template sources, and checks nothing as it starts.
 * zod is loaded only when a user imports a template (templates/load.ts, imported on demand).
 */
// The declaration of the build's JSON, named here as neither tsconfig.addin.json nor ts-loader includes templates/.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- a declaration file has nothing to import
/// <reference path="./validated-catalogue.d.ts" />
import validated from "@assessbook/validated-catalogue";
import type { Catalogue } from "./catalogue";

export function builtInCatalogue(): Catalogue {
  return validated;
}
