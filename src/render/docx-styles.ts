/**
 * The Word edition's page and styles, as plain data (docx-file.ts hands them
 * to the `docx` package), matching templates/styles.css: A4 with the PDF's
 * margins (28 26 26 28 mm), 12 pt body with 1.75 line height and a
 * two-character first-line indent, the same heading sizes and colours.
 *
 * Fonts: East-Asian text names the faces a Chinese Windows (Word, WPS) has,
 * 宋体 for serif and 黑体 for sans, through w:eastAsia; Latin letters and
 * figures name the Noto faces the PDF uses, which Word replaces by a
 * similar face where they are not installed. Text is marked zh-CN, so Word
 * and WPS apply Chinese line breaking and punctuation compression. Sizes are half-points,
 * lengths twips (1/20 pt), as Word stores them.
 */

const mm = (v: number): number => Math.round((v / 25.4) * 1440);

export const PAGE = {
  width: mm(210),
  height: mm(297),
  margin: { top: mm(28), right: mm(26), bottom: mm(26), left: mm(28), header: mm(14), footer: mm(12) },
};
/** Text width: what tables and charts span. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
export const TEXT_WIDTH_MM = 210 - 28 - 26;

const face = (latin: string, eastAsia: string) => ({
  ascii: latin,
  hAnsi: latin,
  cs: latin,
  eastAsia,
  hint: 'eastAsia',
});
export const SERIF = face('Noto Serif SC', '宋体');
export const SANS = face('Noto Sans SC', '黑体');
/** Picture captions, as in official documents' notes. */
export const FANGSONG = face('Noto Serif SC', '仿宋');

export const RED = 'C00000';
export const DARK_RED = 'BB0000';

/** 12 pt × 1.75, at least: Word's "multiple" spacing scales by the font's own line height, not the size. */
const bodyLine = { line: 420, lineRule: 'atLeast' as const };
const keep = { keepNext: true, keepLines: true };

const heading = (size: number, font: typeof SERIF, before: number, extra: object = {}) => ({
  run: { font, size, bold: true, ...extra },
  paragraph: {
    spacing: { before, after: Math.round(before / 2), line: Math.round(size * 14), lineRule: 'atLeast' as const },
    ...keep,
  },
});

export const STYLES = {
  default: {
    document: {
      run: { font: SERIF, size: 24, color: '111111', language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
      paragraph: { spacing: { ...bodyLine, after: 0 } },
    },
    heading1: heading(30, SANS, 420, { color: DARK_RED }),
    heading2: {
      ...heading(32, SERIF, 320),
      paragraph: { ...heading(32, SERIF, 320).paragraph, alignment: 'center' as const },
    },
    heading3: heading(26, SANS, 260),
    heading4: heading(25, SERIF, 250),
    heading5: heading(25, SERIF, 250),
    caption: {
      run: { font: SERIF, size: 22, bold: true, italics: false, color: '111111' },
      paragraph: { alignment: 'center' as const, spacing: { before: 160, after: 60 }, ...keep },
    },
  },
  paragraphStyles: [
    {
      id: 'BulletinBody',
      name: '简报正文',
      basedOn: 'Normal',
      quickFormat: true,
      paragraph: {
        alignment: 'both' as const,
        indent: { firstLineChars: 200, firstLine: 480 },
        spacing: { ...bodyLine, after: 144 },
      },
    },
    {
      id: 'BulletinPlain',
      name: '简报正文（无缩进）',
      basedOn: 'BulletinBody',
      paragraph: { indent: { firstLineChars: 0, firstLine: 0 } },
    },
    {
      id: 'BulletinItem',
      name: '简报列表',
      basedOn: 'BulletinBody',
      paragraph: { indent: { left: 480, firstLineChars: 0, firstLine: 0 } },
    },
    {
      id: 'Subtitle',
      name: 'Subtitle',
      basedOn: 'BulletinPlain',
      run: { bold: true },
      paragraph: { alignment: 'center' as const },
    },
    {
      id: 'TableText',
      name: '表格文字',
      basedOn: 'Normal',
      run: { size: 21 },
      paragraph: { spacing: { line: 315, lineRule: 'atLeast' as const, after: 0 } },
    },
    {
      id: 'PictureCaption',
      name: '图片说明',
      basedOn: 'Normal',
      run: { font: FANGSONG, size: 20, color: '444444' },
      paragraph: { alignment: 'center' as const, spacing: { after: 160 } },
    },
    {
      id: 'Picture',
      name: '图片',
      basedOn: 'Normal',
      paragraph: {
        alignment: 'center' as const,
        spacing: { before: 60, after: 60, line: 240, lineRule: 'auto' as const },
        keepNext: true,
      },
    },
    {
      id: 'TOC1',
      name: 'toc 1',
      basedOn: 'Normal',
      run: { bold: true },
      paragraph: { spacing: { before: 60, line: 360, lineRule: 'atLeast' as const } },
    },
    {
      id: 'TOC2',
      name: 'toc 2',
      basedOn: 'Normal',
      run: { size: 22 },
      paragraph: { indent: { left: 480 }, spacing: { line: 374, lineRule: 'atLeast' as const } },
    },
  ],
};

/** Relative column widths, as styles.css gives them for the wide tables; others by what the columns hold. */
const WIDTHS: Record<string, number[]> = {
  cases: [5, 15, 16, 20, 11, 33],
  clues: [6, 34, 20, 20, 20],
};
const BY_CLASS: Record<string, number> = { code: 0.7, name: 1.5, num: 1.1, text: 2.5, period: 1.3 };

/** Twips per column, summing to the text width, so every table fits the page. */
export function columnWidths(id: string, classes: readonly string[]): number[] {
  const weights =
    WIDTHS[id]?.length === classes.length ? (WIDTHS[id] as number[]) : classes.map((c) => BY_CLASS[c] ?? 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * TEXT_WIDTH));
  widths[widths.length - 1] = (widths.at(-1) as number) + TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}
