/**
 * Reading a file the user named, without hanging on what is not a file.
 * A named pipe (FIFO) opened for reading blocks until something writes to
 * it, which may be never: `compare` with a FIFO for an archive never ended.
 * The file is opened without blocking and read only if it is a regular file.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/** A system-style error (with `code` and `path`), so callers map it like any other. */
export function fileSystemError(code: string, path: string, what: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${what}, '${path}'`), { code, path });
}

/** The bytes of a regular file; a folder, pipe, socket or device is refused (`EISDIR` / `ENOTFILE`). */
export async function readRegularFile(path: string): Promise<Buffer> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const s = await handle.stat();
    if (s.isDirectory()) throw fileSystemError('EISDIR', path, 'is a folder');
    if (!s.isFile()) throw fileSystemError('ENOTFILE', path, 'not a regular file');
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** readRegularFile as text (UTF-8). */
export async function readRegularText(path: string): Promise<string> {
  return (await readRegularFile(path)).toString('utf8');
}
