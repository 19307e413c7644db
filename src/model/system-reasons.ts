/**
 * What a file-system failure means, in the words of the people who meet it.
 * The system's English (`ENOSPC: no space left on device, write`) is kept for
 * BULLETIN_DEBUG; the message says 磁盘已满.
 */
import { BulletinError } from './errors.js';
import { fileError, type ValidationIssue } from './issues.js';

const REASONS: Record<string, string> = {
  EACCES: '没有{}权限',
  EPERM: '没有{}权限，或文件正被其他程序（如 PDF 阅读器）打开',
  EBUSY: '文件正被其他程序（如 PDF 阅读器）打开',
  EROFS: '所在的磁盘是只读的',
  ENOSPC: '磁盘已满',
  EDQUOT: '磁盘配额已用完',
  ENOTDIR: '路径中有一段是文件而不是文件夹',
  EEXIST: '路径中有一段是文件而不是文件夹',
  ENAMETOOLONG: '路径太长',
  ENOENT: '路径不存在，或不能在那里创建文件',
  EISDIR: '这是一个文件夹，不是文件',
  ENOTFILE: '这不是普通文件（是管道、设备或套接字）',
  ELOOP: '路径中的符号链接循环指向自己',
  EMFILE: '同时打开的文件太多',
  EIO: '读写磁盘时出错（磁盘可能已损坏）',
};

/** The system error's code (`ENOSPC`), when it is one; the first of an AggregateError's. */
export function systemErrorCode(e: unknown): string | null {
  const first = e instanceof AggregateError ? e.errors[0] : e;
  const code = (first as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : null;
}

const DOING = { read: '读取', write: '写入', any: '读写' } as const;

/** 磁盘已满, 没有写入权限, …; a code without words is named as it is. */
export function systemReason(e: unknown, doing: keyof typeof DOING = 'any'): string {
  const code = systemErrorCode(e);
  const reason = code ? REASONS[code] : undefined;
  return reason?.replace('{}', DOING[doing]) ?? `系统错误 ${code ?? '（未知）'}`;
}

/** The path a system error names, when it names one. */
export function systemErrorPath(e: unknown): string | null {
  const first = e instanceof AggregateError ? e.errors[0] : e;
  const path = (first as NodeJS.ErrnoException | null)?.path;
  return typeof path === 'string' ? path : null;
}

/** A file that is there but could not be read, as a finding: the reason in Chinese, the system's code as its value. */
export function unreadableFinding(file: string, e: unknown): ValidationIssue {
  return {
    ...fileError(
      file,
      'input.file.unreadable',
      `无法读取该文件：${systemReason(e, 'read')}。`,
      '请检查这是否是一个文件、是否有读取权限、是否被其他程序占用。',
    ),
    value: systemErrorCode(e),
  };
}

/**
 * A system error no layer turned into its own (a full temporary folder, a
 * folder `init` cannot make): the setup's problem, not a bug (exit 2, not 70),
 * told in Chinese with the path; the system's words stay in `cause`.
 */
export function systemError(e: unknown): BulletinError {
  const path = systemErrorPath(e);
  return new BulletinError(
    'system.io',
    'config',
    `${path ? `无法使用 ${path}` : '文件操作失败'}：${systemReason(e)}。`,
    '这是运行环境的问题（权限、磁盘空间或路径），不是数据的问题：请排除后重试；设置 BULLETIN_DEBUG=1 可显示系统的原话。',
    { cause: e },
  );
}
