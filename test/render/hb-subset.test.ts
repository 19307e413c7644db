/**
 * subset-font loaded with a pass-through in fontverter's place (hb-subset.ts):
 * in a fresh Node process (the test workers share their require cache), from
 * dist/ as a build runs it.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const url = (rel: string) => JSON.stringify(pathToFileURL(join(ROOT, rel)).href);

const SCRIPT = `
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const { subsetSfnt } = await import(${url('dist/render/hb-subset.js')});
const { woffToSfnt } = await import(${url('dist/render/woff.js')});
const req = createRequire(createRequire(${JSON.stringify(join(ROOT, 'package.json'))}).resolve('subset-font'));
const left = Object.keys(req.cache).filter((k) => /[\\\\/]fontverter[\\\\/]/.test(k));
const woff = readFileSync(req.resolve('@fontsource/noto-sans-sc/files/noto-sans-sc-101-400-normal.woff', { paths: [${JSON.stringify(ROOT)}] }));
const sfnt = woffToSfnt(woff);
const cut = await subsetSfnt(sfnt, '一二三');
const refused = await subsetSfnt(woff, '一').then(() => null, (e) => e.message);
const real = await req('fontverter').convert(woff, 'sfnt');
const theirs = await req('subset-font')(woff, '一二三', { targetFormat: 'woff2' }).then((f) => f.toString('latin1', 0, 4), (e) => e.message);
console.log(JSON.stringify({ left, cut: [cut.toString('latin1', 0, 4), cut.length], whole: sfnt.length, refused, real: real.toString('latin1', 0, 4), theirs }));
`;

describe('hb-subset', () => {
  it('subsets unpacked fonts through a pass-through for fontverter, and leaves the real one to everyone else', () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    const got = JSON.parse(r.stdout) as {
      left: string[];
      cut: [string, number];
      whole: number;
      refused: string | null;
      real: string;
      theirs: string;
    };
    // No fontverter module stays in the require cache: it was never loaded, and the stand-in was removed.
    expect(got.left).toEqual([]);
    // An sfnt cut to three characters.
    expect(got.cut[0]).toBe('\0\x01\0\0');
    expect(got.cut[1]).toBeLessThan(got.whole / 10);
    // What fontverter would convert is refused: subset-font holds the pass-through.
    expect(got.refused).toMatch(/unpacked fonts only, not "wOFF"/);
    // fontverter required afterwards is the real one: it unpacks a WOFF.
    expect(got.real).toBe('\0\x01\0\0');
    // So is subset-font required afterwards: it takes a WOFF and gives WOFF2.
    expect(got.theirs).toBe('wOF2');
  });
});
