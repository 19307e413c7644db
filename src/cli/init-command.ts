import { join } from 'node:path';
import { BulletinError } from '../model/errors.js';
import { parseQuarter, quarterId } from '../model/quarter.js';
import { resolveOptions, type OptionFlags } from '../config/resolve-options.js';
import { displayPath } from '../inputs/load-quarter.js';
import { initQuarter } from '../init/init-quarter.js';
import { initSample } from '../init/init-sample.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';

export interface InitFlags extends Pick<OptionFlags, 'data' | 'config'> {
  force?: boolean;
  sample?: boolean;
}

export async function runInit(quarterText: string | undefined, flags: InitFlags, io: CliIo): Promise<number> {
  if (flags.sample) return runInitSample(quarterText, flags, io);
  if (!quarterText)
    throw new BulletinError(
      'usage.init.nothing',
      'usage',
      '没有指定季度。',
      '用法：bulletin init 2022Q4（新季度的空白文件夹），或 bulletin init --sample（写入自带的示例）。',
    );
  const quarter = parseQuarter(quarterText);
  const { config, dataDir: data } = await resolveOptions(flags, io.env, io.cwd);
  const written = await initQuarter({ dataDir: data, quarter, config, force: flags.force });
  const folder = displayPath(io.cwd, join(data, quarterId(quarter)));
  io.stderr(
    `已创建：\n${written.map((w) => `  ${displayPath(io.cwd, w)}`).join('\n')}\n填好后运行 bulletin validate ${folder} 检查，再运行 bulletin build --quarter ${quarterId(quarter)} 生成公报。\n`,
  );
  return EXIT.ok;
}

async function runInitSample(quarterText: string | undefined, flags: InitFlags, io: CliIo): Promise<number> {
  if (quarterText || flags.data || flags.config)
    throw new BulletinError(
      'usage.init.sample',
      'usage',
      '--sample 不能和季度、--data 或 --config 一起使用。',
      '示例总是写入当前文件夹：bulletin init --sample。',
    );
  const written = await initSample(io.cwd, flags.force);
  io.stderr(
    `已写入示例（2022年第一至第三季度的数据、2021年两个季度的存档、文章和配置）：\n${written.map((w) => `  ${displayPath(io.cwd, w)}`).join('\n')}\n接着运行 bulletin build --quarter 2022Q3 生成示例公报。\n`,
  );
  return EXIT.ok;
}
