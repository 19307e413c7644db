import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../src/render/markdown.js';

const opts = { images: { 'images/a.svg': 'data:image/svg+xml;base64,AA==' }, speakers: ['主持人', '王芳斌'] };

describe('markdownToHtml', () => {
  it('sets interview speakers off in bold', () => {
    expect(markdownToHtml('主持人：欢迎。\n\n王芳斌：谢谢。\n\n其二就是……', opts)).toBe(
      '<p class="turn"><strong class="speaker">主持人：</strong>欢迎。</p>\n<p class="turn"><strong class="speaker">王芳斌：</strong>谢谢。</p>\n<p>其二就是……</p>\n',
    );
  });

  it('shows raw HTML from the data as text, never as markup', () => {
    const html = markdownToHtml('前<script>alert(1)</script>后\n\n<img src="http://evil.example/x.png">', opts);
    expect(html).not.toMatch(/<script|<img src="http/);
    expect(html).toContain('&lt;script&gt;');
  });

  it('does not turn bare URLs into links that swallow the following text', () => {
    expect(markdownToHtml('网站（https://www.dpac.org.cn/）或者微信公众号', opts)).toBe(
      '<p>网站（https://www.dpac.org.cn/）或者微信公众号</p>\n',
    );
  });

  it('prints links as their text', () => {
    expect(markdownToHtml('见[召回中心](https://example.invalid)网站', opts)).toBe('<p>见召回中心网站</p>\n');
  });

  it('renders resolved images with their caption and drops unresolved ones', () => {
    expect(markdownToHtml('![现场](images/a.svg "调研现场")', opts)).toBe(
      '<figure class="photo"><img src="data:image/svg+xml;base64,AA==" alt="现场"><figcaption>调研现场</figcaption></figure>\n',
    );
    expect(markdownToHtml('![x](http://evil.example/x.png)', opts)).not.toContain('<img');
  });
});
