/**
 * The printed editions of one composed quarter: the PDF (Chromium's passes,
 * the layout cache, the document properties) and the Word edition. Apart
 * from build-quarter.ts so that the build's steps each read on one screen.
 */
import type { BuildOptions } from './build-options.js';
import type { Printer } from '../render/browser.js';
import type { Composed } from '../render/compose-bulletin.js';
import type { DraftView } from '../render/draft-notice.js';
import { fontSpecs } from '../render/fonts.js';
import type { PdfInfo } from '../render/pdf-file.js';
import { printBulletin, type PrintHooks } from '../render/print-bulletin.js';
import type { HtmlRenderer } from '../render/render-html.js';
import { MARKER_PREFIX } from '../render/table-layout.js';
import { layoutCache } from './layout-cache.js';
import { finishedPdfCache, finishPdf } from './pdf-cache.js';
import type { ProgressListener } from '../model/progress.js';

/** The same document properties in the PDF and the Word edition; a draft says so in each. */
export type DocumentMeta = Omit<PdfInfo, 'dropLinksTo'>;

/** The PDF and the number of passes it took (1 when a cached layout held). */
export async function printPdfEdition(
  opts: BuildOptions,
  printer: Printer,
  composed: Composed,
  renderer: HtmlRenderer,
  docMeta: DocumentMeta,
  onProgress: ProgressListener,
  hooks: PrintHooks = {},
): Promise<{ pdf: Uint8Array; passes: number }> {
  opts.signal?.throwIfAborted();
  const cache = layoutCache(opts.cacheDir ?? null);
  let key = '';
  const guess = opts.cacheDir
    ? async (firstHtml: string) => cache.get((key = cache.key(await printer.identity(), firstHtml)))
    : undefined;
  const printed = await printBulletin(
    composed.makeView,
    composed.targets,
    renderer,
    printer,
    (pass, pages, measured) =>
      onProgress({
        phase: 'pdf',
        message: `${measured ? '测量' : '打印'} PDF：第 ${pass} 遍排版，${pages ?? '?'} 页${measured ? '（未打印）' : ''}`,
      }),
    guess,
    hooks,
  );
  if (printed.passes + printed.measured > 1) await cache.put(key, printed.layout);
  // After body swaps Chromium numbers the DOM nodes (tagged-PDF IDs) otherwise than a fresh load of the
  // same HTML: a cold build's final print never matches a cached build's, so only a lone print is kept.
  const lone = printed.passes === 1 && printed.measured === 0;
  const finished = lone ? finishedPdfCache(opts.cacheDir ?? null) : null;
  const pdf = await finishPdf(printed.pdf, { ...docMeta, dropLinksTo: MARKER_PREFIX }, finished);
  return { pdf, passes: printed.passes };
}

/** The Word edition, a draft's marked as the PDF's; its module (charts drawn as pictures) is loaded only when asked for. */
export async function wordEdition(
  opts: BuildOptions,
  composed: Composed,
  title: string,
  docMeta: DocumentMeta,
  draft: DraftView | null,
  onProgress: ProgressListener,
): Promise<Uint8Array> {
  onProgress({ phase: 'docx', message: '生成 Word 文档（图表转为图片）' });
  const { docxEdition } = await import('../render/docx-edition.js');
  const view = composed.makeView(new Map());
  return docxEdition(
    view,
    { ...docMeta, creator: docMeta.author, description: title, runningHeader: view.runningHeader },
    draft,
    fontSpecs(opts.config.fonts.serif, opts.config.fonts.sans),
    opts.tempDir,
  );
}
