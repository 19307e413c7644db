/**
 * The bundle's default templates are compiled ahead of time
 * (scripts/precompile-templates.mjs): a build from them prints exactly what
 * compiling at run time prints, a template whose text is not among them (an
 * override) is compiled as before, and the lookup is by the text's hash.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { buildBulletin } from '../../src/pipeline/build.js';
import { renderTemplate, usePrecompiledTemplates } from '../../src/render/template-engine.js';
// @ts-expect-error: a plain JavaScript build script, without typings
import { precompiledTemplatesModule } from '../../scripts/precompile-templates.mjs';
import { ROOT, tempDir } from '../helpers/cli.js';
import { fakePrinter, headingsOf, pdfWithBookmarks } from '../helpers/fake-printer.js';

const generate = precompiledTemplatesModule as (dir: string) => string;

/** Precompiled templates of `templatesDir`, as a module the engine loads; a fresh name each time (ESM caches by URL). */
function precompiledFrom(templatesDir: string): URL {
  const file = join(tempDir(), 'precompiled-templates.js');
  writeFileSync(file, generate(templatesDir));
  return pathToFileURL(file);
}

/** Where no module is: the engine compiles every template at run time (as outside the bundle). */
const nowhere = () => pathToFileURL(join(tempDir(), 'precompiled-templates.js'));

afterEach(() => usePrecompiledTemplates(nowhere()));

/** The sample's print document (the HTML of its last print) and web edition. */
async function sampleDocuments(): Promise<{ printed: string; web: string }> {
  let printed = '';
  const { printer } = fakePrinter(async (_pass, html) => {
    printed = html;
    const headings = headingsOf(html);
    return pdfWithBookmarks(
      1 + Math.floor(headings.length / 3),
      headings.map((title, k) => ({ title, page: 1 + Math.floor(k / 3) })),
    );
  });
  const out = tempDir();
  const r = await buildBulletin({
    quarter: { year: 2022, quarter: 3 },
    dataDir: join(ROOT, 'data'),
    outDir: out,
    formats: ['pdf', 'html'],
    config: DEFAULT_CONFIG,
    cwd: tempDir(),
    cacheDir: null,
    printer,
  });
  expect(r.ok).toBe(true);
  return { printed, web: readFileSync(join(out, '2022Q3', 'bulletin.html'), 'utf8') };
}

describe('precompiled templates', () => {
  it('print the sample exactly as templates compiled at run time do (print document and web edition)', async () => {
    usePrecompiledTemplates(nowhere());
    const compiled = await sampleDocuments();
    usePrecompiledTemplates(precompiledFrom(join(ROOT, 'templates')));
    const precompiled = await sampleDocuments();
    expect(precompiled.printed.length).toBeGreaterThan(100_000);
    expect(precompiled.printed === compiled.printed, 'print document').toBe(true);
    expect(precompiled.web === compiled.web, 'web edition').toBe(true);
  });

  it('are found by the hash of the text: a template with that text renders from its precompiled form', async () => {
    const made = tempDir();
    mkdirSync(join(made, 'partials'));
    writeFileSync(join(made, 'page.hbs'), '<p>precompiled {{x}}</p>');
    const url = precompiledFrom(made);
    // The same hash for different text cannot happen; here the module is edited to show which form ran.
    writeFileSync(url, readFileSync(url, 'utf8').replace('precompiled ', 'from the module '));
    usePrecompiledTemplates(url);
    const dir = tempDir();
    mkdirSync(join(dir, 'partials'));
    writeFileSync(join(dir, 'page.hbs'), '<p>precompiled {{x}}</p>');
    expect(await renderTemplate([dir], 'page.hbs', { x: 1 })).toBe('<p>from the module 1</p>');
    // Compiled with other options than the engine's: not used, the text is compiled instead.
    writeFileSync(url, readFileSync(url, 'utf8').replace('compileOptions = {"strict":true}', 'compileOptions = {}'));
    usePrecompiledTemplates(new URL(`${url.href}?other-options`));
    expect(await renderTemplate([dir], 'page.hbs', { x: 1 })).toBe('<p>precompiled 1</p>');
  });

  it('leave an override that is not among them to be compiled, beside the precompiled defaults', async () => {
    usePrecompiledTemplates(precompiledFrom(join(ROOT, 'templates')));
    const over = tempDir();
    mkdirSync(join(over, 'partials'));
    writeFileSync(join(over, 'partials', 'closing.hbs'), '<p class="closing">override {{bulletin.title}}</p>');
    const plain = tempDir();
    mkdirSync(join(plain, 'partials'));
    writeFileSync(join(plain, 'page.hbs'), '[{{> closing}}]');
    expect(await renderTemplate([plain, over], 'page.hbs', { bulletin: { title: 'T' } })).toBe(
      '[<p class="closing">override T</p>]',
    );
    // Strict as the defaults are: a missing field is an error, not an empty string.
    await expect(renderTemplate([plain, over], 'page.hbs', { bulletin: {} })).rejects.toThrow(/渲染失败/);
  });
});
