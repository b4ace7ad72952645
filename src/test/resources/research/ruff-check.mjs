// Lints and format-checks Python files with Ruff's WebAssembly build, as `ruff check` and
// `ruff format --check` would with the given settings.
//   node ruff-check.mjs RUFF_WASM_DIR SETTINGS_JSON FILE...
// Prints one line per problem and exits 1 if there is any.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const [, , wasmDir, settingsJson, ...files] = process.argv;
const require = createRequire(import.meta.url);
const { Workspace, PositionEncoding } = require(wasmDir + "/ruff_wasm.js");
const workspace = new Workspace(JSON.parse(settingsJson), PositionEncoding.Utf8);
let problems = 0;
for (const file of files) {
  const text = readFileSync(file, "utf8");
  for (const d of workspace.check(text)) {
    problems++;
    console.log(`${file}:${d.start_location.row}:${d.start_location.column}: ${d.code} ${d.message}`);
  }
  if (workspace.format(text) !== text) {
    problems++;
    console.log(`${file}: would be reformatted`);
  }
}
console.log(`ruff ${Workspace.version()}: ${files.length} files, ${problems} problems`);
process.exit(problems === 0 ? 0 : 1);
