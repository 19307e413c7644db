/**
 * Listening on a port in words a user reads: a busy default port moves on
 * to the next free one; a port the user chose that is busy, or any other
 * listen failure, is a usage error in Chinese instead of Node's EADDRINUSE.
 */
import type { Server } from 'node:http';
import { BulletinError } from '../model/errors.js';

/** How many ports after a busy default one are tried. */
const PORT_TRIES = 20;

function listenOnce(server: Server, port: number, host: string): Promise<boolean> {
  return new Promise((done, fail) => {
    const onError = (e: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (e.code === 'EADDRINUSE') done(false);
      else fail(listenError(port, host, e));
    };
    const onListening = () => {
      server.off('error', onError);
      done(true);
    };
    server.once('error', onError).once('listening', onListening);
    server.listen(port, host);
  });
}

function listenError(port: number, host: string, e: NodeJS.ErrnoException): BulletinError {
  return new BulletinError(
    e.code === 'EADDRINUSE' ? 'preview.port.busy' : 'preview.listen',
    'usage',
    e.code === 'EADDRINUSE'
      ? `端口 ${port} 已被其他程序占用。`
      : `无法在 ${host}:${port} 上启动预览（${e.code ?? e.message}）。`,
    e.code === 'EADDRINUSE'
      ? '请换一个端口（--port 4174），或不写 --port 让 bulletin 自动选择空闲端口。'
      : '请检查 --host 和 --port；端口小于 1024 需要管理员权限。',
    { cause: e },
  );
}

/** Listens on `port`, else (with fallback) on the next free one; returns the port taken. */
export async function listen(server: Server, first: number, host: string, fallback: boolean): Promise<number> {
  const last = fallback && first !== 0 ? first + PORT_TRIES : first;
  for (let port = first; port <= last; port++) {
    if (await listenOnce(server, port, host)) {
      const address = server.address();
      return typeof address === 'object' && address ? address.port : port;
    }
  }
  throw listenError(last, host, Object.assign(new Error('busy'), { code: 'EADDRINUSE' }));
}
