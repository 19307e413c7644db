/** Opens an address in the user's default browser (preview --open). */
import { spawn } from 'node:child_process';

/** The system's opener for this platform. */
export function openerFor(platform: NodeJS.Platform, url: string): [string, string[]] {
  if (platform === 'darwin') return ['open', [url]];
  // `start` is a cmd built-in; its first quoted argument is a window title.
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""', url]];
  return ['xdg-open', [url]];
}

/** Resolves to null when the opener started, else to why it could not (the caller says so). */
export function openUrl(url: string, platform: NodeJS.Platform = process.platform): Promise<string | null> {
  const [cmd, args] = openerFor(platform, url);
  return new Promise((done) => {
    const child = spawn(cmd, args, { detached: true, stdio: 'ignore' });
    child.once('error', (e: NodeJS.ErrnoException) => done(`${cmd}：${e.code ?? e.message}`));
    child.once('spawn', () => {
      child.unref();
      done(null);
    });
  });
}
