#!/usr/bin/env node
// The compiled command line (npm ci runs `prepare`, which compiles it into build/).
const { run } = require("../build/src/cli/main.js");

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`assessbook: internal error: ${error && error.message ? error.message : error}\n`);
    process.exitCode = 70;
  },
);
