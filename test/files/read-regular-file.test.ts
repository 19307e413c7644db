import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRegularFile, readRegularText } from '../../src/files/read-regular-file.js';
import { tempDir } from '../helpers/cli.js';

describe('readRegularFile: what the user named, without hanging on what is not a file', () => {
  it('reads a regular file', async () => {
    const path = join(tempDir(), 'a.json');
    writeFileSync(path, '{"a":1}');
    expect(await readRegularText(path)).toBe('{"a":1}');
  });

  // Opened the usual way, a pipe nobody writes to blocks the read for ever (the test would time out).
  it('refuses a named pipe at once (ENOTFILE) instead of waiting for a writer', async () => {
    const path = join(tempDir(), 'stats.json');
    execFileSync('mkfifo', [path]);
    await expect(readRegularFile(path)).rejects.toMatchObject({ code: 'ENOTFILE', path });
  });

  it('refuses a folder (EISDIR) and passes on what the system says of a missing file', async () => {
    const dir = join(tempDir(), 'x.md');
    mkdirSync(dir);
    await expect(readRegularFile(dir)).rejects.toMatchObject({ code: 'EISDIR', path: dir });
    await expect(readRegularFile(join(dir, 'none'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
