/**
 * Where the configuration file is: the nearest bulletin.config.* in the
 * folder or its parents (as Quarto finds its project file), and whether it
 * can be read as the file it claims to be.
 */
import { lstat, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { BulletinError } from '../model/errors.js';
import { systemReason } from '../model/system-reasons.js';

const CANDIDATES = ['bulletin.config.json', 'bulletin.config.js', 'bulletin.config.mjs'];
/** A name that is taken, whatever by: a folder or a broken link named bulletin.config.json is an error, not "no configuration". */
const present = (p: string) =>
  lstat(p).then(
    () => true,
    // Anything but "not there" (a folder that cannot be searched) is for refuseUnreadable to tell.
    (e: NodeJS.ErrnoException) => e.code !== 'ENOENT' && e.code !== 'ENOTDIR',
  );

/** The nearest bulletin.config.* in `cwd` or one of its parents, if any. */
export async function findConfigFile(cwd: string): Promise<string | undefined> {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const c of CANDIDATES) if (await present(resolve(dir, c))) return resolve(dir, c);
    if (dirname(dir) === dir) return undefined;
  }
}

/** A configuration file that is there but cannot be read is an error, never the defaults. */
export async function refuseUnreadable(path: string, explicit: boolean): Promise<void> {
  // Read as it will be used: one that cannot be was silently passed over for the defaults (or for a
  // parent folder's file), and the bulletin printed another publisher's contact block.
  const problem = await stat(path).then(
    (s) => (s.isFile() ? null : s.isDirectory() ? '这是一个文件夹' : '这不是普通文件（是管道或设备）'),
    (e: NodeJS.ErrnoException) =>
      e.code === 'ENOENT' ? '文件不存在（或是指向不存在的文件的链接）' : systemReason(e, 'read'),
  );
  if (problem)
    throw new BulletinError(
      'config.unreadable',
      'config',
      `配置文件 ${path} 无法读取：${problem}。`,
      explicit ? '请检查 --config 指定的路径。' : '请修正或移走这个文件；不需要配置文件时把它删除。',
    );
}
