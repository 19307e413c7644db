/** From figures and articles to a view builder for every layout pass. */
import type { Article } from '../model/bulletin.js';
import type { ReferenceData } from '../model/reference.js';
import type { BulletinStats } from '../model/stats.js';
import type { DocBlock } from './doc-blocks.js';
import { markdownToBlocks, markdownToHtml } from './markdown.js';
import type { TocTarget } from './print-bulletin.js';
import { buildBulletinView, REPORT_ID, type BulletinView } from './view-bulletin.js';
import { buildReportView, type ReportCharts, type ReportMeta, type ReportView } from './view-model.js';
import type { Trend } from '../model/stats.js';
import type { UnfilledTables } from '../model/unfilled.js';

export interface ComposeInput {
  stats: BulletinStats;
  ref: ReferenceData;
  meta: ReportMeta;
  articles: readonly Article[];
  sections: readonly string[];
  reportSection: string;
  notice: readonly string[];
  contact?: { title?: string; phone?: string; email?: string; address?: string };
  trend?: Trend | null;
  /** Drawn by the caller from report-charts.ts's specs (the drawings may come from a cache). */
  charts: ReportCharts | null;
  /** A draft's tables with nothing usable yet (inputs/quarter-source.ts's unfilledTables). */
  unfilled?: UnfilledTables;
}

export interface Composed {
  title: string;
  report: ReportView;
  makeView: (pages: ReadonlyMap<string, number>) => BulletinView;
  /** Headings the table of contents points at, in document order. */
  targets: TocTarget[];
}

export function composeBulletin(c: ComposeInput): Composed {
  const report = buildReportView(c.stats, c.ref, c.meta, {
    national: c.stats.national,
    foreign: c.stats.foreign,
    clues: c.stats.clues,
    charts: c.charts,
    trend: c.trend ?? null,
    unfilled: c.unfilled,
  });
  const articles = c.articles.map((a) => {
    const opts = { images: a.images, speakers: a.speakers };
    // The Word edition's blocks are another parse of the Markdown: made only for a Word edition.
    let blocks: DocBlock[] | null = null;
    return { ...a, html: markdownToHtml(a.body, opts), blocks: () => (blocks ??= markdownToBlocks(a.body, opts)) };
  });
  const makeView = (pages: ReadonlyMap<string, number>) =>
    buildBulletinView(
      {
        bulletinName: c.meta.bulletinName,
        publisher: c.meta.publisher,
        issue: c.stats.issue,
        sections: c.sections,
        reportSection: c.reportSection,
        report,
        articles,
        notice: c.notice,
        contact: c.contact,
      },
      pages,
    );
  const targets = makeView(new Map()).sections.flatMap((s) => [
    ...(s.report ? [{ id: REPORT_ID, text: s.report.title }] : []),
    ...s.articles.map((a) => ({ id: a.id, text: a.heading })),
  ]);
  return { title: `${c.meta.bulletinName} 第${c.stats.issue.number}期`, report, makeView, targets };
}
