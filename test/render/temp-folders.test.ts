import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bounded, DeadlineExceeded } from '../../src/render/deadline.js';
import { makeRunFolder, processAlive, runFolderPid, sweepDeadRuns } from '../../src/render/temp-folders.js';
import { tempDir } from '../helpers/cli.js';

describe('run folders', () => {
  it('carry the pid in their name, and only names of exactly that shape are ours', async () => {
    const root = tempDir();
    const dir = await makeRunFolder(root, 4242);
    expect(dir).toMatch(/\/bulletin-4242-[A-Za-z0-9]{6}$/);
    expect(runFolderPid('bulletin-4242-Ab12Cd')).toBe(4242);
    for (const other of [
      'bulletin-print-Ab12Cd',
      'bulletin-test-Ab12Cd',
      'bulletin-4242-Ab12Cd.bak',
      'bulletin-42x-Ab12Cd',
    ])
      expect(runFolderPid(other)).toBeNull();
  });

  it('the next run removes the folders of dead runs only, and nothing that is not a run folder', async () => {
    const root = tempDir();
    const dead = await makeRunFolder(root, 1001);
    writeFileSync(join(dead, 'page.html'), 'x');
    mkdirSync(join(dead, 'profile'));
    const live = await makeRunFolder(root, 1002);
    const mine = await makeRunFolder(root);
    mkdirSync(join(root, 'bulletin-print-Ab12Cd'));
    mkdirSync(join(root, 'bulletin-test-Ab12Cd'));
    writeFileSync(join(root, 'bulletin-1003-Ab12Cd'), 'a file, not a folder');
    const elsewhere = tempDir();
    symlinkSync(elsewhere, join(root, 'bulletin-1004-Ab12Cd'));
    const sweep = await sweepDeadRuns(root, (pid) => pid === 1002);
    expect(sweep).toEqual({ removed: [dead], failed: [] });
    expect(readdirSync(root).sort()).toEqual(
      [
        basename(live),
        basename(mine),
        'bulletin-print-Ab12Cd',
        'bulletin-test-Ab12Cd',
        'bulletin-1003-Ab12Cd',
        'bulletin-1004-Ab12Cd',
      ].sort(),
    );
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('a process that has exited is dead; this one is alive', () => {
    const child = spawnSync(process.execPath, ['-e', '0']);
    expect(child.status).toBe(0);
    expect(processAlive(process.pid)).toBe(true);
    expect(processAlive(child.pid as number)).toBe(false);
  });
});

describe('bounded', () => {
  it('gives the work’s result or error when it settles in time', async () => {
    await expect(bounded(Promise.resolve(7), 50)).resolves.toBe(7);
    await expect(bounded(Promise.reject(new Error('no')), 50)).rejects.toThrow('no');
  });

  it('rejects with DeadlineExceeded when the work never settles', async () => {
    const e = await bounded(new Promise(() => undefined), 5).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DeadlineExceeded);
    expect((e as DeadlineExceeded).ms).toBe(5);
  });

  it('rejects with the signal’s reason when it is aborted, before or during the wait', async () => {
    const before = new AbortController();
    before.abort('SIGTERM');
    await expect(bounded(new Promise(() => undefined), 60_000, before.signal)).rejects.toBe('SIGTERM');
    const during = new AbortController();
    const waiting = bounded(new Promise(() => undefined), 60_000, during.signal);
    during.abort('SIGINT');
    await expect(waiting).rejects.toBe('SIGINT');
  });
});
