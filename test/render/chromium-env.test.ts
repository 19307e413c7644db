import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/render/chromium.js';
import { tempDir } from '../helpers/cli.js';

describe("Chromium's environment", () => {
  // Killed by a stop, Chromium left org.chromium.Chromium.XXXXXX folders in the user's TMPDIR.
  it('its temporary files, crash database and caches all go in the run folder, which goes with the run', async () => {
    const dir = tempDir('chromium-env-');
    const seen = join(dir, 'seen.txt');
    const fake = join(dir, 'chrome');
    // A "browser" that notes its environment and exits without answering.
    writeFileSync(
      fake,
      `#!/bin/sh\nprintf '%s\\n%s\\n%s' "$TMPDIR" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" > '${seen}'\nexit 1\n`,
    );
    chmodSync(fake, 0o755);
    const runDir = join(dir, 'run');
    const signal = new AbortController().signal;
    await expect(
      launchChromium({ executablePath: fake, runDir, env: { TMPDIR: '/tmp' }, signal }),
    ).rejects.toBeDefined();
    expect(readFileSync(seen, 'utf8').split('\n')).toEqual([runDir, join(runDir, 'config'), join(runDir, 'cache')]);
  });
});
