import { defineConfig } from 'vitest/config';

/**
 * Tests that need Chromium (a real PDF) or LibreOffice: the `browser` project.
 * Everything else is `unit`, the fast lane (`npm run test:unit`). `npm test` runs both.
 */
const BROWSER = [
  'test/cli/browser-faults.test.ts',
  'test/cli/build-docx.test.ts',
  'test/cli/build-pdf.test.ts',
  'test/cli/env-through-io.test.ts',
  'test/cli/inert-data.test.ts',
  'test/cli/package-install.test.ts',
  'test/cli/preview.test.ts',
  'test/cli/print-headlines.test.ts',
  'test/cli/print-layout.test.ts',
  'test/cli/print-toc.test.ts',
  'test/cli/readme-commands.test.ts',
  'test/cli/unfinished.test.ts',
  'test/cli/web-edition.test.ts',
  'test/render/chromium-startup.test.ts',
  'test/render/column-measure.test.ts',
  'test/render/no-network.test.ts',
];

export default defineConfig({
  test: {
    // PDF tests drive a real Chromium; the 2-core CI machine needs headroom.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Vitest's default on two cores is one worker (cores - 1): test files ran one after another while
    // the CLI tests spawned Node. In-process tests use the worker's core, PDF tests wait on Chromium.
    maxWorkers: 2,
    // Transformed TypeScript is kept in node_modules/.experimental-vitest-cache, keyed by the file's
    // content: on a run after the first, vitest's main process spent 2.6 s transforming instead of 8.5-9.8 s,
    // CPU the two workers had to share with it. A fresh clone (CI) fills it and gains nothing.
    experimental: { fsModuleCache: true },
    // Test files run one after another in the same two worker processes instead of a fresh process
    // each: starting a worker and importing vitest and the sources again cost about 100 s of CPU
    // (of 300) for 108 files. No test mocks modules; what a file leaves behind in the process is
    // reset before the next one (test/helpers/each-file.ts).
    isolate: false,
    // The end-to-end tests run bin/bulletin.js: dist/ compiled from the current sources.
    globalSetup: ['test/global-setup.ts'],
    // BULLETIN_TEST_CPU=/tmp/cpu.jsonl: one line of CPU seconds per test file (test/helpers/cpu-probe.ts).
    setupFiles: ['test/helpers/each-file.ts', ...(process.env.BULLETIN_TEST_CPU ? ['test/helpers/cpu-probe.ts'] : [])],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: BROWSER } },
      {
        extends: true,
        // The sample PDF is built once for the run and shared (test/sample-pdf-setup.ts).
        test: { name: 'browser', include: BROWSER, globalSetup: ['test/sample-pdf-setup.ts'] },
      },
    ],
  },
});
