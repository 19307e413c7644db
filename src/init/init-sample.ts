/**
 * bulletin init --sample: the bundled sample (2022Q1–2022Q3, the archived
 * 2021 figures, the articles and the configuration) copied into a folder,
 * so the tool can be tried from an installed package with no repository.
 */
import { cp, lstat, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { BulletinError } from '../model/errors.js';
import { packageRoot } from '../config/package-root.js';

/** What the sample is made of, relative to the package root and to the target. */
export const SAMPLE_PARTS = ['bulletin.config.json', 'data/2022Q1', 'data/2022Q2', 'data/2022Q3', 'data/archive'];

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

const kindAt = (p: string) =>
  lstat(p).then(
    (s) => (s.isDirectory() ? 'folder' : 'file'),
    () => null,
  );

/** Every folder and file of the sample, relative to the package root: the folders on the way to each part too. */
async function sampleEntries(root: string): Promise<Array<{ rel: string; kind: 'file' | 'folder' }>> {
  const out: Array<{ rel: string; kind: 'file' | 'folder' }> = [];
  for (const part of SAMPLE_PARTS) {
    const steps = part.split('/');
    for (let i = 1; i < steps.length; i++) out.push({ rel: steps.slice(0, i).join('/'), kind: 'folder' });
    const kind = await kindAt(join(root, part));
    if (kind) out.push({ rel: part, kind });
    if (kind !== 'folder') continue;
    for (const e of await readdir(join(root, part), { recursive: true, withFileTypes: true }))
      out.push({ rel: relative(root, join(e.parentPath, e.name)), kind: e.isDirectory() ? 'folder' : 'file' });
  }
  return out;
}

/**
 * A file where the sample needs a folder (or the other way round), anywhere in it, is found
 * before anything is copied: --force overwrites files, and a copy that stopped half way (at
 * data/2022Q3/articles, a file) left half a sample and an English "internal error".
 */
async function refuseKindClashes(root: string, target: string): Promise<void> {
  for (const { rel, kind: wanted } of await sampleEntries(root)) {
    const found = await kindAt(join(target, rel));
    if (!found || found === wanted) continue;
    throw new BulletinError(
      'usage.init.clash',
      'usage',
      `这里的 ${rel} 是一个${found === 'file' ? '文件' : '文件夹'}，示例要在这里放${wanted === 'file' ? '文件' : '文件夹'}；没有写入示例。`,
      `请把 ${rel} 移走或改名，或换一个空文件夹运行 bulletin init --sample。`,
    );
  }
}

/** Copies the sample into `target`; refuses to overwrite unless `force`. Returns the paths written. */
export async function initSample(target: string, force = false): Promise<string[]> {
  const root = packageRoot();
  const present = [];
  for (const part of SAMPLE_PARTS) if (await exists(join(target, part))) present.push(part);
  if (present.length && !force)
    throw new BulletinError(
      'usage.init.exists',
      'usage',
      `这里已经有 ${present.join('、')}，没有写入示例。`,
      '请换一个空文件夹运行 bulletin init --sample，或加 --force 覆盖这些文件。',
    );
  await refuseKindClashes(root, target);
  for (const part of SAMPLE_PARTS) {
    const from = join(root, part);
    if (!(await exists(from)))
      throw new BulletinError(
        'internal.sample.missing',
        'internal',
        `安装的软件包中缺少示例文件 ${part}。`,
        '请重新安装 bulletin。',
      );
    await cp(from, join(target, part), { recursive: true, force: true });
  }
  return SAMPLE_PARTS.map((p) => join(target, p));
}
