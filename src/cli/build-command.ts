import { parseQuarter, type Quarter } from '../model/quarter.js';
import { quarterRange } from '../pipeline/compare-quarters.js';
import { buildBulletin, buildMany, type BuildOptions, type BuildResult } from '../pipeline/build.js';
import { resolveOptions, type OptionFlags } from '../config/resolve-options.js';
import { EXIT } from './exit-codes.js';
import { dataFailure } from './failure.js';
import { formatIssues, issueCounts } from './format-issues.js';
import { progressPrinter } from './progress-printer.js';
import type { CliIo } from './io.js';

export interface BuildFlags extends OptionFlags {
  quarter: string;
  json?: boolean;
  quiet?: boolean;
  sheet?: string;
  draft?: boolean;
}

/** Kept here for the tests and scripts that import it. */
export { parseFormats } from '../config/resolve-options.js';

/** 2022Q3, or several: 2022Q1,2022Q3 or a range 2021Q1..2022Q4. */
export function parseQuarters(text: string): Quarter[] {
  const all = text
    .split(',')
    .flatMap((part) => (part.includes('..') ? quarterRange(part.trim()) : [parseQuarter(part)]));
  // Each quarter once, in the order first named (2022Q3,2022q3 is one quarter).
  return [...new Map(all.map((q) => [`${q.year}Q${q.quarter}`, q])).values()];
}

/** Build options from flags, environment and configuration (resolveOptions), for one quarter or many. */
async function options(
  flags: BuildFlags,
  io: CliIo,
  signal?: AbortSignal,
): Promise<Omit<BuildOptions, 'quarter' | 'printer'>> {
  // Every resolved option but the archive folders: a build finds its archives beside its own output folder.
  const { archiveDirs: _archives, ...resolved } = await resolveOptions(flags, io.env, io.cwd);
  return { ...resolved, draft: flags.draft ? 'always' : 'never', sheet: flags.sheet, signal };
}

export async function runBuild(flags: BuildFlags, io: CliIo, signal?: AbortSignal): Promise<number> {
  const quarters = parseQuarters(flags.quarter);
  // A list or range is answered with results[] however many quarters it names (2022Q1,2022Q1 is one).
  if (quarters.length > 1 || /,|\.\./.test(flags.quarter)) return runBuildMany(quarters, flags, io, signal);
  const opts = await options(flags, io, signal);
  const progress = flags.quiet || flags.json ? null : progressPrinter(io);
  const result = await buildBulletin({ ...opts, quarter: quarters[0] as Quarter }, progress?.onProgress).finally(() =>
    progress?.done(),
  );
  const counts = issueCounts(result.issues);
  const error = result.ok ? undefined : dataFailure(counts, Boolean(result.unreadable));
  if (flags.json) {
    const { ok, quarter, outputs, passes, files, issues } = result;
    io.stdout(
      `${JSON.stringify({ schemaVersion: 1, ok, draft: result.draft, quarter, outputs, passes, files, summary: counts, issues, error }, null, 2)}\n`,
    );
  }
  // People read the findings on stderr, with --json too (a red CI step shows why), unless --quiet.
  if (flags.json && flags.quiet) return error?.exitCode ?? EXIT.ok;
  io.stderr(formatIssues(result.issues, io));
  const sheets = result.files.filter((f) => f.sheet).map((f) => `${f.file}（工作表“${f.sheet}”）`);
  if (sheets.length > 0 && !flags.quiet) io.stderr(`读取了：${sheets.join('、')}\n`);
  if (!result.ok) {
    io.stderr(
      `数据有 ${counts.errors} 个错误${counts.warnings ? `、${counts.warnings} 个警告` : ''}，没有生成任何文件。请按上面的提示修改后重试。\n`,
    );
  } else if (!flags.quiet) {
    io.stderr(
      `${result.draft ? draftLine(counts.errors) : '已生成'}：\n${result.outputs.map((o) => `  ${o}`).join('\n')}\n`,
    );
  }
  return result.ok ? EXIT.ok : result.unreadable ? EXIT.unreadableInput : EXIT.invalidData;
}

const draftLine = (errors: number) =>
  `已生成草稿（每页标有“草稿”，不能作为正式公报发布${errors ? `；上面 ${errors} 个错误改正后才能生成正式版` : ''}）`;

async function runBuildMany(quarters: Quarter[], flags: BuildFlags, io: CliIo, signal?: AbortSignal): Promise<number> {
  const opts = await options(flags, io, signal);
  const progress = flags.quiet || flags.json ? null : progressPrinter(io);
  const results: BuildResult[] = await buildMany(quarters, opts, progress?.onProgress).finally(() => progress?.done());
  const code = results.some((r) => r.unreadable)
    ? EXIT.unreadableInput
    : results.every((r) => r.ok)
      ? EXIT.ok
      : EXIT.invalidData;
  if (flags.json) {
    const bad = results.find((r) => !r.ok);
    const error = bad ? dataFailure(issueCounts(bad.issues), code === EXIT.unreadableInput) : undefined;
    const docs = results.map((r) => ({
      ok: r.ok,
      draft: r.draft,
      quarter: r.quarter,
      outputs: r.outputs,
      passes: r.passes,
      summary: issueCounts(r.issues),
      issues: r.issues,
    }));
    io.stdout(`${JSON.stringify({ schemaVersion: 1, ok: code === EXIT.ok, results: docs, error }, null, 2)}\n`);
  }
  if (!(flags.json && flags.quiet))
    for (const r of results)
      io.stderr(
        `${r.quarter}：${r.ok ? `已生成${r.draft ? '草稿' : ''} ${r.outputs.length} 个文件` : '数据有错误，没有生成'}\n${formatIssues(r.issues, io)}`,
      );
  return code;
}
