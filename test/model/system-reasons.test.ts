import { describe, expect, it } from 'vitest';
import { systemError, systemReason, unreadableFinding } from '../../src/model/system-reasons.js';

const errno = (code: string, path?: string) => Object.assign(new Error(`${code}: english words`), { code, path });

describe('system errors in the words of the people who meet them', () => {
  it('says what a code means, and what permission was missing when the caller knows', () => {
    expect(systemReason(errno('ENOSPC'))).toBe('磁盘已满');
    expect(systemReason(errno('EACCES'), 'write')).toBe('没有写入权限');
    expect(systemReason(errno('EACCES'), 'read')).toBe('没有读取权限');
    expect(systemReason(new AggregateError([errno('EROFS')]))).toBe('所在的磁盘是只读的');
    expect(systemReason(errno('EWHATEVER'))).toBe('系统错误 EWHATEVER');
  });

  it('a system error nothing else caught is the setup’s (exit 2, system.io), with its path, never English', () => {
    const e = systemError(errno('ENOSPC', '/tmp/x'));
    expect([e.code, e.kind]).toEqual(['system.io', 'config']);
    expect(e.message).toBe('无法使用 /tmp/x：磁盘已满。');
    expect(e.message + (e.hint ?? '')).not.toMatch(/ENOSPC|english|space/);
    expect((e.cause as Error).message).toContain('english words');
  });

  it('an unreadable file is a finding with the reason and the system code as its value', () => {
    expect(unreadableFinding('data/2022Q3/issue.json', errno('ENOTFILE'))).toMatchObject({
      severity: 'error',
      code: 'input.file.unreadable',
      file: 'data/2022Q3/issue.json',
      message: '无法读取该文件：这不是普通文件（是管道、设备或套接字）。',
      value: 'ENOTFILE',
    });
  });
});
