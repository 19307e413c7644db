import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeFolder } from '../../src/render/leftovers.js';
import { tempDir } from '../helpers/cli.js';

/** A run folder whose Chromium made its single-instance socket folder in `tmp`, as a killed one leaves it. */
function runWithSocketFolder(name: string) {
  const tmp = tempDir('singleton-');
  const socketFolder = join(tmp, name);
  mkdirSync(socketFolder);
  writeFileSync(join(socketFolder, 'SingletonSocket'), '');
  const run = join(tmp, 'bulletin-123-abcdef');
  mkdirSync(join(run, 'profile'), { recursive: true });
  symlinkSync(join(socketFolder, 'SingletonSocket'), join(run, 'profile', 'SingletonSocket'));
  return { run, socketFolder };
}

describe('removing a run folder takes the socket folder its Chromium left in TMPDIR', () => {
  // A build stopped by a signal left org.chromium.Chromium.XXXXXX in the user's temporary folder.
  it('removes org.chromium.Chromium.XXXXXX named by the profile’s SingletonSocket link', async () => {
    const { run, socketFolder } = runWithSocketFolder('org.chromium.Chromium.vnbvK1');
    await removeFolder(run);
    expect([existsSync(run), existsSync(socketFolder)]).toEqual([false, false]);
  });

  it('leaves a folder of any other name alone, and a run folder without the link is removed as before', async () => {
    const { run, socketFolder } = runWithSocketFolder('my-own-folder');
    await removeFolder(run);
    expect([existsSync(run), existsSync(socketFolder)]).toEqual([false, true]);
    const plain = tempDir('singleton-');
    await removeFolder(plain);
    expect(existsSync(plain)).toBe(false);
  });
});
