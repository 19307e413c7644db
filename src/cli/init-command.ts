import { parseQuarter } from '../model/quarter.js';
import { loadConfig } from '../pipeline/config.js';
import { displayPath } from '../pipeline/load-quarter.js';
import { initQuarter } from '../pipeline/init-quarter.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';
import { dataDir } from './paths.js';

export interface InitFlags {
  data?: string;
  force?: boolean;
  config?: string;
}

export async function runInit(quarterText: string, flags: InitFlags, io: CliIo): Promise<number> {
  const quarter = parseQuarter(quarterText);
  const config = await loadConfig(flags.config, io.cwd);
  const written = await initQuarter({
    dataDir: dataDir(flags.data, config, io.cwd),
    quarter,
    config,
    force: flags.force,
  });
  io.stderr(
    `已创建：\n${written.map((w) => `  ${displayPath(io.cwd, w)}`).join('\n')}\n填好后运行 bulletin validate 检查，再运行 bulletin build --quarter ${quarterText} 生成公报。\n`,
  );
  return EXIT.ok;
}
