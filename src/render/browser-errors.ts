/**
 * What went wrong with the browser, said as it happened: it did not start,
 * it started but stopped answering, or it went away (crashed, was killed).
 * In Chinese; Puppeteer's own words stay in `cause`, which the CLI shows
 * only under BULLETIN_DEBUG.
 */
import { durationText } from '../model/chinese.js';
import { BulletinError } from '../model/errors.js';

export function notStarted(path: string, cause: unknown): BulletinError {
  return new BulletinError(
    'browser.launch',
    'browser',
    `浏览器没有启动：${path} 无法运行，或启动后立即退出了。`,
    '请确认它是能在本机运行的 Chromium 或 Chrome（运行 bulletin doctor 可检查），或用 --browser 指定另一个浏览器。输出文件夹保持原样。',
    { cause },
  );
}

export function stalled(step: string, ms: number, cause: unknown): BulletinError {
  return new BulletinError(
    'browser.timeout',
    'browser',
    `浏览器在“${step}”时停止响应：${durationText(ms)}内没有应答，已强制结束浏览器。`,
    `输出文件夹保持原样。请重试；若反复出现，可用 --timeout 加长每一步的时限（现为 ${durationText(ms)}），或用 --browser 换一个浏览器。`,
    { cause },
  );
}

export function crashed(step: string, cause: unknown): BulletinError {
  return new BulletinError(
    'browser.crashed',
    'browser',
    `浏览器在“${step}”时意外退出（崩溃或被其他程序结束）。`,
    '输出文件夹保持原样。请重试；若反复出现，请运行 bulletin doctor 检查浏览器，或用 --browser 换一个浏览器。',
    { cause },
  );
}

export function failed(step: string, cause: unknown): BulletinError {
  return new BulletinError(
    'browser.print',
    'browser',
    `浏览器在“${step}”时出错，没有生成 PDF。`,
    '输出文件夹保持原样。请重试；若反复出现，请用 --browser 换一个浏览器（设置 BULLETIN_DEBUG=1 可显示浏览器给出的详细信息）。',
    { cause },
  );
}

/** Work that was still running when the build was stopped (a signal, or the whole build's time limit). */
export function stopped(): BulletinError {
  return new BulletinError('browser.stopped', 'browser', '打印已停止：浏览器已关闭。');
}
