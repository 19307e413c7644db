/**
 * A failure as scripts see it. With --json, stdout carries exactly one JSON
 * document on every exit path, so `jq` never meets an empty file: the
 * command's own result (with `error` when it failed) or, for a fatal error
 * before any result, this document. People still read the message on stderr.
 */
import { inspect } from 'node:util';
import { isBulletinError } from '../model/errors.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import type { CliIo } from './io.js';

export interface FailureInfo {
  code: string;
  message: string;
  hint: string;
  exitCode: number;
}

export function failureJson(error: FailureInfo, extra: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ schemaVersion: 1, ok: false, ...extra, error }, null, 2)}\n`;
}

/** The `error` of a result whose data had errors or could not be read. */
export function dataFailure(counts: { errors: number; warnings: number }, unreadable: boolean): FailureInfo {
  return unreadable
    ? {
        code: 'input.unreadable',
        message: '有输入文件无法读取，没有生成任何文件。',
        hint: '请按 findings 中的提示检查文件是否存在、是否完整、格式是否正确。',
        exitCode: EXIT.unreadableInput,
      }
    : {
        code: 'data.invalid',
        message: `数据有 ${counts.errors} 个错误${counts.warnings ? `、${counts.warnings} 个警告` : ''}。`,
        hint: '请按 findings 中每一条的提示修改数据后重试。',
        exitCode: EXIT.invalidData,
      };
}

/** Any thrown error as a failure: ours with its code and hint, anything else as a bug (exit 70). */
export function failureOf(e: unknown, io: CliIo): FailureInfo {
  if (isBulletinError(e))
    return { code: e.code, message: e.message, hint: e.hint ?? '', exitCode: exitCodeFor(e.kind) };
  const detail = e instanceof Error ? (io.env.BULLETIN_DEBUG ? (e.stack ?? e.message) : e.message) : String(e);
  return {
    code: 'internal',
    message: `内部错误（这是 bulletin 的问题，不是您的数据的问题）：${detail}`,
    hint: '请把这条信息和所用的命令报告给维护者；设置 BULLETIN_DEBUG=1 可显示详细信息。',
    exitCode: EXIT.internal,
  };
}

/** The message for people: `错误：…` and the hint (internal errors already say what they are). */
export function failureText(f: FailureInfo): string {
  const head = f.code === 'internal' ? f.message : `错误：${f.message}`;
  return `${head}\n${f.hint ? `  → ${f.hint.replace(/\n/g, '\n    ')}\n` : ''}`;
}

/** An error's own words and those of its causes; not every library rejects with an Error. */
function detailOf(e: unknown): string {
  if (!(e instanceof Error)) return inspect(e, { depth: 2, breakLength: Infinity });
  return e.cause === undefined ? e.message : `${e.message} ← ${detailOf(e.cause)}`;
}

/** The system's or a library's own words (Puppeteer's English), for whoever debugs: never in the message itself. */
export function debugDetail(e: unknown, io: CliIo): string {
  if (!io.env.BULLETIN_DEBUG || !isBulletinError(e) || e.cause === undefined) return '';
  return `  （详细信息：${detailOf(e.cause)}）\n`;
}
