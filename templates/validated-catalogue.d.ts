/**
 * The catalogue the add-in's build validated (templates/built-in.addin.ts): a JSON file written
 * by webpack.config.js, which also resolves this name to it. Declared here so the add-in
 * typechecks from source, before any build wrote the file.
 */
declare module "@assessbook/validated-catalogue" {
  const catalogue: import("./catalogue").Catalogue;
  export default catalogue;
}
