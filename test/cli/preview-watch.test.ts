import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchInputs } from '../../src/preview/watch-inputs.js';
import { tempDir } from '../helpers/cli.js';

/** The watch under test, and a promise of its next event (awaited, never slept on). */
function watching(folders: string[], files: string[] = []) {
  let next: () => void = () => undefined;
  let events = 0;
  const w = watchInputs(folders, files, () => {
    events++;
    next();
  });
  const nextEvent = () => new Promise<void>((done) => (next = done));
  return { w, nextEvent, events: () => events };
}

const saveAtomically = (file: string, text: string) => {
  writeFileSync(`${file}.saving`, text);
  renameSync(`${file}.saving`, file);
};

let close = () => undefined as void;
afterEach(() => close());

describe('what the preview watches', () => {
  it('sees every save of a file in a subfolder, after atomic saves too (Node 20 recursive watch loses the file)', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'articles'));
    const article = join(root, 'articles', 'a.md');
    writeFileSync(article, '一');
    const { w, nextEvent } = watching([root]);
    close = w.close;
    for (const [i, save] of [saveAtomically, writeFileSync, saveAtomically, writeFileSync].entries()) {
      const seen = nextEvent();
      save(article, `第${i}次`);
      await seen;
    }
  });

  it('watches a subfolder added later, and one removed and made again', async () => {
    const root = tempDir();
    const { w, nextEvent } = watching([root]);
    close = w.close;
    let seen = nextEvent();
    mkdirSync(join(root, 'images'));
    await seen;
    seen = nextEvent();
    writeFileSync(join(root, 'images', 'a.png'), 'x');
    await seen;
    seen = nextEvent();
    rmSync(join(root, 'images'), { recursive: true });
    await seen;
    seen = nextEvent();
    mkdirSync(join(root, 'images'));
    await seen;
    seen = nextEvent();
    writeFileSync(join(root, 'images', 'b.png'), 'y');
    await seen;
  });

  it('sees a single file saved in place and atomically, watched through its folder', async () => {
    const root = tempDir();
    const config = join(root, 'bulletin.config.json');
    writeFileSync(config, '{}');
    const { w, nextEvent } = watching([], [config]);
    close = w.close;
    writeFileSync(join(root, 'other.txt'), 'x');
    for (const save of [saveAtomically, writeFileSync, saveAtomically]) {
      const seen = nextEvent();
      save(config, '{ "decimals": 1 }');
      await seen;
    }
  });

  it('watches nothing, and fails nothing, for a folder that is not there', () => {
    const { w, events } = watching([join(tempDir(), 'missing')]);
    w.close();
    expect(events()).toBe(0);
  });
});
