// Build: copy the tree-sitter wasm files into grammars/, generate the knowledge files' validators
// and the result's schema (docs/), type-check and compile the tests (out/), and bundle the
// extension, the CLI and the worker with esbuild (dist/).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { generateValidators } from './scripts/generate-validators.mjs';
import { writeResultSchema } from './scripts/generate-result-schema.mjs';

const production = process.argv.includes('--production');
const require = createRequire(import.meta.url);
const here = dirname(new URL(import.meta.url).pathname);

const GRAMMARS = [
  ['web-tree-sitter', 'web-tree-sitter.wasm'],
  ['tree-sitter-python', 'tree-sitter-python.wasm'],
  ['tree-sitter-typescript', 'tree-sitter-typescript.wasm'],
  ['tree-sitter-typescript', 'tree-sitter-tsx.wasm'],
  ['tree-sitter-javascript', 'tree-sitter-javascript.wasm'],
  ['tree-sitter-java', 'tree-sitter-java.wasm'],
  ['tree-sitter-go', 'tree-sitter-go.wasm'],
];

// The packages' own folders, not require.resolve: some export no package.json.
const packageDir = (pkg) => join(here, 'node_modules', pkg);
mkdirSync(join(here, 'grammars'), { recursive: true });
for (const [pkg, file] of GRAMMARS) copyFileSync(join(packageDir(pkg), file), join(here, 'grammars', file));
const versions = GRAMMARS.map(([pkg]) => `${pkg}@${JSON.parse(readFileSync(join(packageDir(pkg), 'package.json'), 'utf8')).version}`);
const documented = readFileSync(join(here, 'grammars', 'README.md'), 'utf8');
const undocumented = [...new Set(versions)].filter((version) => !documented.includes(version));
if (undocumented.length) {
  console.error(`grammars/README.md does not record ${undocumented.join(', ')}: check the ABI and update it.`);
  process.exit(1);
}

generateValidators();
if (writeResultSchema()) console.log('build: docs/analysis-result.schema.json written from src/core/result.ts: review it and commit it with the types');
rmSync(join(here, 'out'), { recursive: true, force: true });
try {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', here], { stdio: 'inherit' });
} catch {
  console.error('build: the TypeScript compiler reported errors (above)');
  process.exit(1);
}

rmSync(join(here, 'dist'), { recursive: true, force: true });
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
  // web-tree-sitter's ES build reads import.meta.url, which a CommonJS bundle lacks.
  // jsonc-parser's UMD build loads its parts with requires esbuild cannot follow; its ES build bundles.
  alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs', 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
};
await Promise.all([
  build({ ...common, entryPoints: { extension: 'src/extension/extension.ts' }, outdir: 'dist' }),
  // The extension's LanguageClient, loaded at the server's first start, not at activation.
  build({ ...common, entryPoints: { languageClient: 'src/extension/languageClient.ts' }, outdir: 'dist' }),
  build({ ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: { fileWorker: 'src/node/fileWorker.ts' }, outdir: 'dist' }),
  build({ ...common, entryPoints: { typeWorker: 'src/node/typeWorker.ts' }, outdir: 'dist' }),
  // The servers (archtrace serve, lsp, mcp), loaded by the CLI only for those commands.
  build({ ...common, entryPoints: { server: 'src/server/main.ts' }, outdir: 'dist' }),
]);
