/**
 * What a printer could not clean up: a run folder it could not remove, a
 * browser that did not end when killed. Neither spoils the outputs, so a
 * build does not fail for them, but neither is hidden: each is recorded here
 * with its reason, handed over when the printer closes, and said as a warning
 * in the build's findings.
 */
import { readlink, rm } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { profileIn } from './chromium-args.js';
import { makeIssue, type ValidationIssue } from '../model/issues.js';
import { DeadlineExceeded } from './deadline.js';

export interface Leftover {
  /** A folder still on disk, or a browser that may still run (its processes name its run folder). */
  kind: 'folder' | 'browser';
  /** The folder: removed by hand, or the name to find the browser's processes by. */
  path: string;
  /** Why, in Chinese. */
  reason: string;
}

/** Removes a folder; throws what the system said. Tests give one that fails (root may remove anything). */
export type RemoveFolder = (dir: string) => Promise<void>;

/**
 * Chromium keeps its single-instance socket in `org.chromium.Chromium.XXXXXX` in the temporary
 * folder, not in its profile (a socket path must stay under 108 bytes, so it cannot live in the
 * run folder: pointing TMPDIR there made Chromium abort under a long TMPDIR). It removes that
 * folder when it quits, not when it is killed, as a stop or a stalled step does. The profile's
 * SingletonSocket link names it: that folder, and only one of exactly that shape, goes too.
 */
async function removeSingletonFolder(runDir: string): Promise<void> {
  let target: string;
  try {
    target = await readlink(join(profileIn(runDir), 'SingletonSocket'));
  } catch (e) {
    // No link: Chromium never started, or quit and took its folder with it.
    if (['ENOENT', 'EINVAL'].includes((e as NodeJS.ErrnoException).code ?? '')) return;
    throw e;
  }
  const folder = dirname(target);
  if (isAbsolute(folder) && /^org\.chromium\.Chromium\.[A-Za-z0-9]{6}$/.test(basename(folder)))
    await rm(folder, { recursive: true, force: true });
}

/** Retried briefly: Chromium may still be closing a file in its profile. */
export const removeFolder: RemoveFolder = async (dir) => {
  await removeSingletonFolder(dir);
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
};

const SYSTEM_REASONS: Record<string, string> = {
  EACCES: '没有权限',
  EPERM: '没有权限',
  EBUSY: '文件正被其他程序占用',
  ENOTEMPTY: '文件夹中仍有程序在写入',
  EROFS: '所在的磁盘是只读的',
};

/** A failure said in Chinese: a time limit in seconds, a system error by its code. */
export function leftoverReason(e: unknown): string {
  if (e instanceof DeadlineExceeded) return `${e.ms / 1000} 秒内没有结束`;
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string') return SYSTEM_REASONS[code] ?? `系统错误 ${code}`;
  return '原因不明';
}

/**
 * The printer's record of what was left. Cleanups that finish later (a browser that started after
 * its launch was given up) are handed in as promises; `settle` waits for them, within a limit, and
 * returns everything recorded, once.
 */
export class Leftovers {
  private found: Leftover[] = [];
  private readonly pending: Array<{ path: string; done: boolean; ended: Promise<void> }> = [];

  note(leftover: Leftover): void {
    this.found.push(leftover);
  }

  /** A browser being ended after its launch was given up (`path`: its run folder); a failure is recorded. */
  later(path: string, ending: Promise<void>): void {
    const item = { path, done: false, ended: ending };
    item.ended = ending.then(
      () => void (item.done = true),
      (e: unknown) => {
        item.done = true;
        this.note({ kind: 'browser', path, reason: `放弃启动后未能结束：${leftoverReason(e)}` });
      },
    );
    this.pending.push(item);
  }

  /** Removes a folder, or records why it could not be; the last attempt is what is recorded. */
  async remove(dir: string, remove: RemoveFolder): Promise<void> {
    this.found = this.found.filter((l) => !(l.kind === 'folder' && l.path === dir));
    try {
      await remove(dir);
    } catch (e) {
      this.note({ kind: 'folder', path: dir, reason: leftoverReason(e) });
    }
  }

  /** What was left, once every later ending has finished; one still under way after `graceMs` is a leftover too. */
  async settle(graceMs: number): Promise<Leftover[]> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([Promise.all(this.pending.map((p) => p.ended)), late]);
    clearTimeout(timer);
    for (const p of this.pending.splice(0))
      if (!p.done) this.note({ kind: 'browser', path: p.path, reason: `放弃启动后 ${graceMs / 1000} 秒内没有结束` });
    const found = this.found;
    this.found = [];
    return found;
  }
}

/** Leftovers as the build's warnings: where, why, and what to do, which is nothing urgent. */
export function leftoverWarnings(leftovers: readonly Leftover[]): ValidationIssue[] {
  return leftovers.map((l) =>
    l.kind === 'folder'
      ? makeIssue(
          'warning',
          'cleanup.folder-left',
          { file: l.path },
          `临时文件夹没有删除（${l.reason}）：${l.path}`,
          '生成的文件不受影响。下次生成 PDF 时会再删除它，也可以手动删除。',
        )
      : makeIssue(
          'warning',
          'cleanup.browser-left',
          { file: l.path },
          `浏览器可能仍在运行（${l.reason}），它的运行文件夹是 ${l.path}`,
          `生成的文件不受影响。可用 pkill -9 -f '${l.path}' 结束它。`,
        ),
  );
}
