import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from '../model/schema.js';
import { BulletinError } from '../model/errors.js';
import type { ReferenceData } from '../model/reference.js';
import { packageRoot } from '../config/package-root.js';

const entry = z.object({ code: z.string().min(1), name: z.string().min(1), aliases: z.array(z.string()).default([]) });
const prefecture = entry.extend({ code: z.string().regex(/^\d{6}$/), short: z.string().min(1) });
const schemas = {
  categories: z.object({ categories: z.array(entry.extend({ code: z.string().regex(/^\d{2}$/) })).min(1) }),
  'defect-types': z.object({ defectTypes: z.array(entry.extend({ phrase: z.string().min(1) })).min(1) }),
  'region-aliases': z.object({
    provinces: z.record(
      z.string().regex(/^\d{6}$/),
      z.object({
        countyCities: z.record(z.string(), z.string().regex(/^\d{6}$/)),
        formerNames: z.record(z.string(), z.string().regex(/^\d{6}$/)),
      }),
    ),
  }),
  jurisdictions: z.object({
    jurisdictions: z.array(z.object({ name: z.string().min(1), aliases: z.array(z.string().min(1)) })),
  }),
  divisions: z.object({
    provinces: z
      .array(
        z.object({
          code: z.string().regex(/^\d{6}$/),
          name: z.string(),
          short: z.string(),
          prefectures: z.array(prefecture).min(1),
        }),
      )
      .min(1),
  }),
};

async function load<K extends keyof typeof schemas>(dir: string, name: K): Promise<z.infer<(typeof schemas)[K]>> {
  const path = join(dir, `${name}.json`);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new BulletinError(
      'config.reference.unreadable',
      'config',
      `参考数据文件 ${path} 无法读取或不是有效的 JSON。`,
      '请重新安装 bulletin，或检查该文件。',
      { cause: e },
    );
  }
  const parsed = schemas[name].safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new BulletinError(
      'config.reference.invalid',
      'config',
      `参考数据文件 ${path} 格式不对：${first?.path.join('.')} ${first?.message}。`,
      '请恢复该文件的原始内容。',
    );
  }
  return parsed.data as z.infer<(typeof schemas)[K]>;
}

/** Categories, defect types, administrative divisions and the foreign table's countries, from data/reference/. */
export async function loadReference(dir = join(packageRoot(), 'data', 'reference')): Promise<ReferenceData> {
  const [c, d, v, a, j] = await Promise.all([
    load(dir, 'categories'),
    load(dir, 'defect-types'),
    load(dir, 'divisions'),
    load(dir, 'region-aliases'),
    load(dir, 'jurisdictions'),
  ]);
  return {
    categories: c.categories,
    defectTypes: d.defectTypes,
    provinces: v.provinces,
    regionAliases: a.provinces,
    jurisdictions: j.jurisdictions,
  };
}
