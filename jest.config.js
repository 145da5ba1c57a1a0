/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  // One configuration for every file: the project's compiler options with the DOM and JSX added for the
  // task pane's component tests (.tsx, which choose jsdom in their docblock).
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tests/taskpane/tsconfig.json" }] },
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
};
