// The architecture as rules, checked on every `npm test` (README, Layout):
//   cli -> {preview, doctor, init} -> pipeline -> {inputs, outputs, render}
//   inputs -> {ingest, validate, aggregate, config}; everything -> {files, model}
// Only src/cli/ touches argv, stdout/stderr, the environment and exit codes;
// each third-party library is imported by one module.
import tseslint from 'typescript-eslint';

const LAYERS = [
  'cli',
  'preview',
  'doctor',
  'init',
  'pipeline',
  'inputs',
  'outputs',
  'config',
  'ingest',
  'validate',
  'aggregate',
  'render',
  'files',
  'model',
];

/** Import patterns that reach into the given layers from a sibling folder of src/. */
const into = (...layers) => layers.map((l) => `**/${l}/*`);

/** Each library and the one module allowed to import it. */
const LIBRARIES = {
  commander: 'src/cli/run-cli.ts',
  'csv-parse': 'src/ingest/csv-reader.ts',
  exceljs: 'src/ingest/exceljs.ts',
  handlebars: 'src/render/template-engine.ts',
  'puppeteer-core': 'src/render/chromium.ts',
  echarts: 'src/render/charts.ts',
  marked: 'src/render/markdown.ts',
  'pdf-lib': 'src/render/pdf-file.ts',
  yaml: 'src/ingest/front-matter.ts',
  zod: 'src/model/schema.ts',
  'iconv-lite': 'src/ingest/decode.ts',
  'date-fns': 'src/model/calendar.ts',
  docx: 'src/render/docx-lib.ts',
  '@resvg/resvg-js': 'src/render/rasterize.ts',
  'subset-font': 'src/render/hb-subset.ts',
};

// Types may be named anywhere (import type): only the code is loaded by one module.
const libraryPattern = (name) => ({
  group: [name, `${name}/*`],
  allowTypeImports: true,
  message: `${name} is imported by ${LIBRARIES[name]} only (one module per library).`,
});

function restrictImports(folder, forbiddenLayers) {
  const others = Object.keys(LIBRARIES);
  return {
    files: [`src/${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...(forbiddenLayers.length
              ? [
                  {
                    group: into(...forbiddenLayers),
                    message: `src/${folder} must not import ${forbiddenLayers.join(', ')} (layers point one way).`,
                  },
                ]
              : []),
            ...others.map(libraryPattern),
          ],
        },
      ],
    },
  };
}

/** What each folder of src/ may import besides model (and itself); everything else is above or beside it. */
const ALLOWED = {
  cli: LAYERS,
  preview: ['pipeline', 'config'],
  doctor: ['pipeline', 'inputs', 'render', 'config'],
  init: ['inputs', 'ingest', 'validate', 'config'],
  pipeline: ['inputs', 'outputs', 'render', 'aggregate', 'config'],
  inputs: ['ingest', 'validate', 'aggregate', 'config'],
  outputs: [],
  config: [],
  ingest: [],
  validate: ['ingest'],
  aggregate: [],
  render: ['aggregate'],
  files: [],
  model: [],
};

// model (the data) and files (file-system primitives that never hang) are beneath every layer.
const BENEATH = ['model', 'files'];
const below = (layer) => LAYERS.filter((l) => l !== layer && !BENEATH.includes(l) && !ALLOWED[layer].includes(l));

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'out/', 'fixtures/', 'data/', 'bench/', 'scripts/', 'bin/'] },
  { files: ['src/**/*.ts'], extends: [tseslint.configs.base] },
  ...LAYERS.map((l) => restrictImports(l, below(l))),
  // The library's own module may import it: lift the restriction there.
  ...Object.entries(LIBRARIES).map(([, file]) => ({ files: [file], rules: { 'no-restricted-imports': 'off' } })),
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Only src/cli reads the environment (pass values through CliIo).',
        },
        { object: 'process', property: 'stdout', message: 'Only src/cli writes to stdout.' },
        { object: 'process', property: 'stderr', message: 'Only src/cli writes to stderr.' },
        { object: 'process', property: 'exit', message: 'Only src/cli decides exit codes (runCli returns one).' },
        { object: 'process', property: 'exitCode', message: 'Only src/cli decides exit codes.' },
        { object: 'process', property: 'argv', message: 'Only src/cli reads argv.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='console']",
          message: 'The core never logs: return findings or progress events.',
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 200 }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
);
