#!/usr/bin/env node
// Runs the compiled CLI; `npm run build` (or `npm start`) produces dist/.
require("reflect-metadata");
const { runCli } = require("../dist/src/cli/run-cli.js");
runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
