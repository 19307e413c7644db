/**
 * One running Chromium and its run folder. Every call into it goes through
 * step(): within the time limit, or the browser is ended (SIGKILL to its
 * process tree) and the step's name is in the message. Nothing here waits
 * without a limit. What cannot be cleaned up (a folder, a browser that does
 * not end) is recorded in the printer's Leftovers, never dropped.
 */
import type { BulletinError } from '../model/errors.js';
import { crashed, failed, notStarted, stalled, stopped } from './browser-errors.js';
import { ChromiumGone, type Chromium, type Launcher } from './chromium.js';
import { bounded, DeadlineExceeded } from './deadline.js';
import { leftoverReason, removeFolder, type Leftovers, type RemoveFolder } from './leftovers.js';
import { makeRunFolder, processAlive, sweepDeadRuns } from './temp-folders.js';

export interface SessionLimits {
  /** Each call into the browser. */
  timeoutMs: number;
  /** How long a closing browser may take before it is killed. */
  graceMs: number;
}

export interface StartRequest extends SessionLimits {
  executablePath: string;
  /** Where run folders go. */
  root: string;
  env: Record<string, string | undefined>;
  launcher: Launcher;
  extraArgs?: readonly string[];
  /** Aborted when the printer is closed: a launch under way ends at once. */
  signal: AbortSignal;
  /** Whether the printer has been closed (work still running is then told it was stopped). */
  isStopped: () => boolean;
  /** The printer's record of what could not be cleaned up. */
  leftovers: Leftovers;
  /** Tests: a removal that fails. */
  removeFolder?: RemoveFolder;
}

/**
 * A launch given up (stalled, stopped) may still bring a browser up: it is killed. One that
 * failed as reported, or ended as asked, left nothing; any other failure may have left one.
 */
async function endLate(starting: Promise<Chromium>, reported: unknown, stop: AbortSignal, graceMs: number) {
  let late: Chromium;
  try {
    late = await starting;
  } catch (e) {
    if (e === reported || e === stop.reason) return;
    throw e;
  }
  await bounded(late.kill(), graceMs);
}

export class BrowserSession {
  /** The connection was lost without our asking (a crash). */
  private lost = false;
  /** Why the browser was ended (a stalled or crashed step): later steps fail the same way. */
  private ended: BulletinError | null = null;
  /** end() has run: the browser is gone and its folder removed. */
  private over = false;

  private constructor(
    readonly chromium: Chromium,
    readonly runDir: string,
    private readonly limits: SessionLimits,
    private readonly isStopped: () => boolean,
    private readonly leftovers: Leftovers,
    private readonly remove: RemoveFolder,
  ) {
    chromium.onLost(() => void (this.lost = true));
  }

  /** Removes dead runs' folders, makes this run's, starts Chromium within the time limit. */
  static async start(r: StartRequest): Promise<BrowserSession> {
    const { leftovers, removeFolder: remove = removeFolder } = r;
    for (const f of (await sweepDeadRuns(r.root, processAlive, remove)).failed)
      leftovers.note({ kind: 'folder', ...f });
    const runDir = await makeRunFolder(r.root);
    if (r.signal.aborted) {
      await leftovers.remove(runDir, remove);
      throw stopped();
    }
    // Puppeteer kills a browser still starting when this is aborted; after the launch it must
    // not be (it would kill a running browser), so it follows the printer's only meanwhile.
    const abort = new AbortController();
    const follow = () => abort.abort();
    r.signal.addEventListener('abort', follow, { once: true });
    const { executablePath, env, extraArgs } = r;
    const starting = r.launcher({ executablePath, runDir, env, signal: abort.signal, extraArgs });
    try {
      const chromium = await bounded(starting, r.timeoutMs, abort.signal);
      return new BrowserSession(chromium, runDir, r, r.isStopped, leftovers, remove);
    } catch (e) {
      abort.abort();
      leftovers.later(runDir, endLate(starting, e, abort.signal, r.graceMs));
      await leftovers.remove(runDir, remove);
      if (e instanceof DeadlineExceeded) throw stalled('启动浏览器', r.timeoutMs, e);
      throw r.isStopped() ? stopped() : notStarted(executablePath, e);
    } finally {
      r.signal.removeEventListener('abort', follow);
    }
  }

  /** Whether calls can still be made (not stopped, not ended, not crashed). */
  get usable(): boolean {
    return !this.isStopped() && !this.ended && !this.lost;
  }

  /** Throws what ended the browser (stopped, stalled, crashed), if anything did. */
  assertUsable(): void {
    if (this.isStopped()) throw stopped();
    if (this.ended) throw this.ended;
  }

  /** One call into the browser, within the time limit; a failure is said in Chinese, with what happened. */
  async step<T>(name: string, work: (c: Chromium) => Promise<T>): Promise<T> {
    this.assertUsable();
    try {
      return await bounded(work(this.chromium), this.limits.timeoutMs);
    } catch (e) {
      if (this.isStopped()) throw stopped();
      if (this.ended) throw this.ended;
      const lost = this.lost || e instanceof ChromiumGone;
      if (!lost && !(e instanceof DeadlineExceeded)) throw failed(name, e);
      this.ended = lost ? crashed(name, e) : stalled(name, this.limits.timeoutMs, e);
      await this.end(false);
      throw this.ended;
    }
  }

  /**
   * Ends the browser: asked to quit when `ask`, killed when not or when it does not quit in time.
   * The run folder is removed every time: a print job still closing when a stalled step ended the
   * browser can leave its folder behind, and the printer's close (after every job) removes it.
   */
  async end(ask: boolean): Promise<void> {
    if (this.over) return this.leftovers.remove(this.runDir, this.remove);
    this.over = true;
    const quit =
      ask &&
      !this.lost &&
      (await bounded(this.chromium.close(), this.limits.graceMs).then(
        () => true,
        () => false,
      ));
    // SIGKILL cannot be refused: the wait for the exit is bounded only against a stuck system.
    if (!quit) await this.kill();
    await this.leftovers.remove(this.runDir, this.remove);
  }

  private async kill(): Promise<void> {
    try {
      await bounded(this.chromium.kill(), this.limits.graceMs);
    } catch (e) {
      const reason =
        e instanceof DeadlineExceeded ? `强制结束后 ${e.ms / 1000} 秒内仍未退出` : `无法强制结束：${leftoverReason(e)}`;
      this.leftovers.note({ kind: 'browser', path: this.runDir, reason });
    }
  }
}
