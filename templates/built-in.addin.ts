/**
 * The built-in catalogue in the add-in (webpack.config.js puts this module in place of
 * templates/built-in.ts): validated as the bundle loads, as it always was there. Imported
 * statically so webpack keeps tree-shaking zod.
 */
export { validateCatalogue as builtInCatalogue } from "./catalogue";
