/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  // One configuration for every file: the project's compiler options with the DOM and JSX added for the
  // task pane's component tests (.tsx, which choose jsdom in their docblock).
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tests/taskpane/tsconfig.json" }] },
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // CI may share this 2-core machine with other work: a test doing real work (rendering a
  // component, parsing a workbook) can take several times its idle time there, so no test relies
  // on jest's 5 s default. Suites that drive LibreOffice, Gnumeric or Chromium set longer ones.
  testTimeout: 60_000,
};
