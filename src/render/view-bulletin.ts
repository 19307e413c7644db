/**
 * The whole issue: masthead, 本期要目, sections in configured order, notice
 * and contact block. Pure: article HTML and page numbers come in as data.
 */
import { chineseDate } from '../model/calendar.js';
import { chineseNumber } from '../model/chinese.js';
import type { Article } from '../model/bulletin.js';
import type { DocBlock } from './doc-blocks.js';
import type { ReportView } from './view-model.js';

export interface ArticleView {
  id: string;
  heading: string;
  subtitle: string | null;
  html: string;
  /** The same body as blocks, for the Word edition; made when first asked for (only a Word edition does). */
  blocks: () => DocBlock[];
  /** Print, when measuring: markers just before the article and just after it (page-model.ts). */
  start: string | null;
  end: string | null;
}

export interface SectionView {
  id: string;
  title: string;
  report: ReportView | null;
  articles: ArticleView[];
}

export interface TocEntry {
  text: string;
  target: string;
  page: string;
}

export interface BulletinView {
  masthead: { name: string; issueLine: string; publisher: string; date: string | null };
  /** Running header on every page but the first. */
  runningHeader: string;
  toc: Array<{ title: string; entries: TocEntry[] }>;
  sections: SectionView[];
  notice: string[];
  contact: { title: string; lines: string[] } | null;
}

export interface BulletinParts {
  bulletinName: string;
  publisher: string;
  issue: { number: number; totalNumber: number; publicationDate: string | null };
  sections: readonly string[];
  reportSection: string;
  report: ReportView;
  articles: ReadonlyArray<Article & { html: string; blocks: () => DocBlock[] }>;
  notice: readonly string[];
  contact: { title?: string; phone?: string; email?: string; address?: string } | undefined;
  /** Sections whose article titles are numbered 一、二、三、 as in 市县召回动态. */
  numberedSections?: readonly string[];
}

const articleId = (file: string): string =>
  `a-${(file.split('/').pop() ?? file).replace(/\.md$/i, '').replace(/[^A-Za-z0-9_-]/g, '-')}`;

export const REPORT_ID = 'analysis-report';

/** `pages` maps heading ids to their page numbers, known after a first print. */
export function buildBulletinView(p: BulletinParts, pages: ReadonlyMap<string, number> = new Map()): BulletinView {
  const numbered = new Set(p.numberedSections ?? ['市县召回动态']);
  const sections: SectionView[] = p.sections
    .map((title, i) => {
      const list = p.articles.filter((a) => a.section === title);
      return {
        id: `s${i + 1}`,
        title: `【${title}】`,
        report: title === p.reportSection ? p.report : null,
        articles: list.map((a, k) => ({
          id: articleId(a.file),
          heading: numbered.has(title) ? `${chineseNumber(k + 1)}、${a.title}` : a.title,
          subtitle: a.subtitle,
          html: a.html,
          blocks: a.blocks,
          start: null,
          end: null,
        })),
      };
    })
    .filter((s) => s.report || s.articles.length > 0);
  const page = (id: string): string => (pages.has(id) ? String(pages.get(id)) : '');
  const toc = sections.map((s) => ({
    title: s.title,
    entries: s.report
      ? [{ text: s.report.title, target: REPORT_ID, page: page(REPORT_ID) }]
      : p.articles
          .filter((a) => `【${a.section}】` === s.title)
          .map((a) => ({ text: a.toc, target: articleId(a.file), page: page(articleId(a.file)) })),
  }));
  const c = p.contact;
  const lines = c
    ? [
        [c.phone && `电话：${c.phone}`, c.email && `邮箱：${c.email}`].filter(Boolean).join(' '),
        c.address ? `地址：${c.address}` : '',
      ].filter(Boolean)
    : [];
  return {
    masthead: {
      name: p.bulletinName,
      issueLine: `第${p.issue.number}期（总第${p.issue.totalNumber}期）`,
      publisher: `${p.publisher}编`,
      date: p.issue.publicationDate ? chineseDate(p.issue.publicationDate) : null,
    },
    runningHeader: `${p.bulletinName}　第${p.issue.number}期`,
    toc,
    sections,
    notice: [...p.notice],
    contact: lines.length ? { title: c?.title ?? `${p.publisher}联系方式：`, lines } : null,
  };
}
