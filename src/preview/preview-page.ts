/**
 * The preview's own page around the bulletin: the findings on top and a
 * script that reloads on each rebuild. Apart from preview-server.ts, which
 * owns the server, the watchers and the rebuild queue.
 */
import type { ValidationIssue } from '../model/issues.js';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

function status(ok: boolean, draft: boolean): string {
  if (!ok) return '数据有错误，显示的是上一次生成的版本';
  return draft ? '草稿：数据还有下列错误，改正后才能生成正式版' : '已更新';
}

export function previewPage(
  title: string,
  version: number,
  issues: readonly ValidationIssue[],
  ok: boolean,
  draft: boolean,
): string {
  const items = issues
    .map(
      (i) =>
        `<li class="${i.severity}">${i.severity === 'error' ? '错误' : '警告'} ${esc(i.file)}${i.row ? ` 第 ${i.row} 行` : ''}${i.column ? ` ${i.column} 列` : ''}：${esc(i.message)}${i.hint ? `<br><span class="hint">→ ${esc(i.hint)}</span>` : ''}</li>`,
    )
    .join('');
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{margin:0;font-family:sans-serif}header{padding:6px 12px;background:#f5f5f5;border-bottom:1px solid #ccc}ul{margin:4px 0;padding-left:20px}.error{color:#b00}.warning{color:#8a6d00}.hint{color:#555}iframe{border:0;width:100%;height:calc(100vh - 60px)}</style></head>
<body><header><strong>${esc(title)}</strong> <span id="status">${status(ok, draft)}</span> <span id="version">#${version}</span>${items ? `<ul id="findings">${items}</ul>` : ''}</header>
<iframe id="bulletin" src="/bulletin.html?v=${version}" title="公报"></iframe>
<script>new EventSource('/events').onmessage = function () { location.reload(); };</script></body></html>`;
}
