import { parseQuarter } from '../model/quarter.js';
import { resolveOptions, type OptionFlags } from '../config/resolve-options.js';
import { startPreview, type RebuildTiming } from '../preview/preview-server.js';
import { BulletinError } from '../model/errors.js';
import { EXIT } from './exit-codes.js';
import { openUrl } from './open-url.js';
import { formatIssues, issueCounts } from './format-issues.js';
import type { CliIo } from './io.js';
import type { InterruptName } from './interrupt-trap.js';

export interface PreviewFlags extends Pick<OptionFlags, 'data' | 'templates' | 'config'> {
  quarter: string;
  /** Undefined when not given: 4173, or the next free port. */
  port?: string;
  host: string;
  open?: boolean;
}

/**
 * Serves until the process is interrupted, then closes everything. Ctrl+C is how an editor ends
 * it (exit 0); SIGTERM is a supervisor stopping it, and exits 143 as every command does.
 */
export async function runPreview(
  flags: PreviewFlags,
  io: CliIo,
  stop: Promise<InterruptName | void> = interrupted(),
): Promise<number> {
  const port = parsePort(flags.port);
  const { config, cwd, dataDir, templatesDir, streamBytes, tempDir } = await resolveOptions(flags, io.env, io.cwd);
  // The folders watched stay those of the start; the rest of the configuration is read at each rebuild.
  const settings = async () => {
    const now = await resolveOptions(flags, io.env, io.cwd);
    return { config: now.config, dataDir, templatesDir, streamBytes: now.streamBytes };
  };
  const preview = await startPreview({
    settings,
    quarter: parseQuarter(flags.quarter),
    config,
    cwd,
    dataDir,
    templatesDir,
    streamBytes,
    tempDir,
    host: flags.host,
    port: port ?? DEFAULT_PORT,
    portFallback: port === undefined,
    watchPaths: config.source.startsWith('/') ? [config.source] : [],
    onRebuild: (ok, issues, draft, timing) => {
      const n = issueCounts(issues);
      io.stderr(
        `${new Date().toLocaleTimeString('zh-CN')} ${ok ? (draft ? '已重新生成草稿' : '已重新生成') : '数据有错误'}（${n.errors} 个错误，${n.warnings} 个警告）\n${debugTiming(timing, io)}${formatIssues(issues, io, 10)}`,
      );
    },
  });
  try {
    if (preview.busyPort) io.stderr(`端口 ${preview.busyPort} 已被占用，改用 ${new URL(preview.url).port}。\n`);
    io.stdout(`预览地址：${preview.url}\n`);
    io.stderr('修改数据、文章或模板后页面会自动刷新。按 Ctrl+C 结束。\n');
    if (flags.open) {
      const failed = await openUrl(preview.url);
      if (failed) io.stderr(`无法自动打开浏览器（${failed}），请手动打开上面的地址。\n`);
    }
    return (await stop) === 'SIGTERM' ? EXIT.terminated : EXIT.ok;
  } finally {
    await preview.close();
  }
}

const DEFAULT_PORT = 4173;

/** With BULLETIN_DEBUG: where the time from a save to the page's reload went (issue 15). */
function debugTiming(t: RebuildTiming, io: CliIo): string {
  if (!io.env.BULLETIN_DEBUG) return '';
  const waited = t.waitedMs === null ? '' : `保存后等待 ${Math.round(t.waitedMs)} ms，`;
  return `  （调试：${waited}生成 ${Math.round(t.buildMs)} ms 后通知页面刷新）\n`;
}

function parsePort(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new BulletinError(
      'usage.port',
      'usage',
      `--port 需要 0 到 65535 之间的整数，收到“${text}”。`,
      '例如 --port 4174；不写 --port 时自动选择空闲端口。',
    );
  return n;
}

function interrupted(): Promise<InterruptName> {
  return new Promise((done) => {
    process.once('SIGINT', () => done('SIGINT'));
    process.once('SIGTERM', () => done('SIGTERM'));
  });
}
