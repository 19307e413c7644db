import { resolve } from 'node:path';
import { parseQuarter } from '../model/quarter.js';
import { loadConfig } from '../pipeline/config.js';
import { startPreview } from '../pipeline/preview-server.js';
import { EXIT } from './exit-codes.js';
import { formatIssues, issueCounts } from './format-issues.js';
import type { CliIo } from './io.js';
import { dataDir } from './paths.js';

export interface PreviewFlags {
  quarter: string;
  data?: string;
  port: string;
  host: string;
  templates?: string;
  config?: string;
}

/** Serves until the process is interrupted (Ctrl+C), then closes everything. */
export async function runPreview(flags: PreviewFlags, io: CliIo, stop: Promise<void> = interrupted()): Promise<number> {
  const config = await loadConfig(flags.config, io.cwd);
  const preview = await startPreview({
    quarter: parseQuarter(flags.quarter),
    config,
    cwd: io.cwd,
    dataDir: dataDir(flags.data, config, io.cwd),
    templatesDir: flags.templates ? resolve(io.cwd, flags.templates) : undefined,
    host: flags.host,
    port: Number(flags.port),
    watchPaths: config.source.startsWith('/') ? [config.source] : [],
    onRebuild: (ok, issues, draft) => {
      const n = issueCounts(issues);
      io.stderr(
        `${new Date().toLocaleTimeString('zh-CN')} ${ok ? (draft ? '已重新生成草稿' : '已重新生成') : '数据有错误'}（${n.errors} 个错误，${n.warnings} 个警告）\n${ok && !draft ? '' : formatIssues(issues, io, 10)}`,
      );
    },
  });
  io.stdout(`预览地址：${preview.url}\n`);
  io.stderr('修改数据、文章或模板后页面会自动刷新。按 Ctrl+C 结束。\n');
  await stop;
  await preview.close();
  return EXIT.ok;
}

function interrupted(): Promise<void> {
  return new Promise((done) => {
    process.once('SIGINT', () => done());
    process.once('SIGTERM', () => done());
  });
}
