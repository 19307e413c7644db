#!/usr/bin/env node
// Bundles the CLI with esbuild into dist/bundle/: ES modules for Node 20, split into
// chunks that each command loads only when it runs (the command modules are
// imported dynamically in src/cli/command-definitions.ts). bin/bulletin.js prefers
// it to tsc's dist/cli/ when it is at least as new. Why: loading a few files
// instead of several hundred (date-fns alone is 250 files) is most of
// `bulletin validate`'s start-up; see BENCHMARKS.md for what each step saved.
//
// Pure-ESM libraries made of many files are bundled (tree-shaken where they
// allow it); the rest stay in node_modules as installed: exceljs (its SAX
// helper is replaced through require.cache, src/ingest/exceljs.ts),
// puppeteer-core, @resvg/resvg-js (native), subset-font (loads its .wasm),
// handlebars, commander and iconv-lite (CommonJS, small). The licences of what
// is bundled are collected into dist/bundle/THIRD-PARTY-LICENSES.txt. docx is also inlined
// into tsc's dist/ (below), so the package does not depend on it.
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeIdentity, IDENTITY_FILE } from './code-identity.mjs';
import { precompiledTemplatesModule } from './precompile-templates.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');
const BUNDLED = [
  'date-fns',
  'zod',
  'yaml',
  'csv-parse',
  'marked',
  'echarts',
  'zrender',
  'tslib',
  'pdf-lib',
  '@pdf-lib',
  'pako',
  'docx',
];
const packageOf = (spec) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');

/** Bare imports outside BUNDLED are left for Node to load from node_modules. */
const keepExternal = {
  name: 'keep-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { external: true };
      const pkg = packageOf(args.path);
      return BUNDLED.includes(pkg) || BUNDLED.includes(pkg.split('/')[0]) ? undefined : { external: true };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { 'run-cli': 'src/cli/run-cli.ts', 'checker-worker': 'src/inputs/checker-worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  // pdf-lib's CommonJS build loses its named exports through import(); its ES build keeps them.
  mainFields: ['module', 'main'],
  plugins: [keepExternal],
  // yaml's Node build is CommonJS: its require() of Node's own modules needs one per chunk.
  banner: {
    js: "import { createRequire as __bulletinCreateRequire } from 'node:module';\nconst require = __bulletinCreateRequire(import.meta.url);",
  },
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});

// Every bundled package's licence, as its MIT/ISC/BSD/Apache terms ask of copies.
const packages = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (m) packages.set(m[1], input.slice(0, m.index + m[0].length));
}
const notices = [...packages]
  .sort(([a], [b]) => (a < b ? -1 : 1))
  .map(([name, dir]) => {
    const full = join(root, dir);
    const pkg = JSON.parse(readFileSync(join(full, 'package.json'), 'utf8'));
    const files = readdirSync(full);
    const licence = files.find((f) => /^(licen[cs]e|copying)/i.test(f));
    // Apache-2.0 (echarts) asks that its NOTICE travel with copies too.
    const notice = files.find((f) => /^notice/i.test(f));
    const text = [licence ? readFileSync(join(full, licence), 'utf8').trim() : `License: ${pkg.license}`];
    if (notice) text.push(readFileSync(join(full, notice), 'utf8').trim());
    return `${name}@${pkg.version} (${pkg.license ?? 'see text'})\n\n${text.join('\n\n')}\n`;
  });
if (!existsSync(join(outdir, 'run-cli.js'))) throw new Error('bundle: run-cli.js was not written');
writeFileSync(
  join(outdir, 'THIRD-PARTY-LICENSES.txt'),
  `Third-party code bundled into this folder by esbuild (scripts/bundle.mjs).\n\n${notices.join('\n' + '-'.repeat(72) + '\n\n')}`,
);
// docx is inlined where tsc's dist/ loads it too (dist/render/docx-lib.js, replaced here by a
// bundle of it), and is no dependency of the package: its package.json declares nanoid 6, which
// supports no Node 20 (^22 || ^24 || >=26), although its build already contains nanoid and fflate.
// Installed, it made npm warn (EBADENGINE) on Node 20, and refuse to install with engine-strict.
const docxLib = join(root, 'dist', 'render', 'docx-lib.js');
const docxVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'docx', 'package.json'), 'utf8')).version;
await build({
  absWorkingDir: root,
  entryPoints: ['src/render/docx-lib.ts'],
  outfile: docxLib,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  banner: {
    js: `// docx@${docxVersion} (MIT) inlined by scripts/bundle.mjs; its licence: dist/bundle/THIRD-PARTY-LICENSES.txt`,
  },
  logLevel: 'warning',
});
// tsc's source map described the file this replaced.
rmSync(`${docxLib}.map`, { force: true });
// The default templates, compiled now rather than in every build (src/render/template-engine.ts).
writeFileSync(join(outdir, 'precompiled-templates.js'), precompiledTemplatesModule(join(root, 'templates')));
// Finished PDFs are cached only by code that knows what it is (src/pipeline/pdf-cache.ts).
writeFileSync(join(outdir, IDENTITY_FILE), `${codeIdentity(outdir)}\n`);
