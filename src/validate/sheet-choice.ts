/**
 * Which sheet of a workbook holds the table. A hidden first sheet is
 * usually last year's data kept out of sight; reading it printed its
 * figures with exit 0. So: the first visible sheet with a recognisable
 * header, and a warning naming every other sheet that has one too.
 */
import type { RawRow, ReaderNotice, SheetChooser, SheetHead } from '../ingest/table.js';

const label = (s: SheetHead) => `“${s.name}”${s.hidden ? '（隐藏）' : ''}`;

/**
 * Visible sheets that all have the header (7月, 8月, 9月: a quarter kept a month a sheet): only
 * one is read, and the bulletin printed the first month's figures as the quarter's with exit 0.
 * A hidden one is usually old data kept out of sight, a warning below.
 */
function severalVisible(title: string, sheets: readonly SheetHead[]): ReaderNotice {
  return {
    code: 'input.xlsx.sheets.visible',
    severity: 'error',
    message: `工作簿中有 ${sheets.length} 个可见的工作表都有${title}的表头（${sheets.map(label).join('、')}）：只能读取其中一个，其余工作表中的数据不会进入公报。`,
    hint: `如果它们合起来是本期的数据（如按月分表），请把各表的行复制到同一个工作表；如果只有一个是本期的数据，请删除或隐藏其他工作表，或加上 --sheet 名称（如 --sheet ${sheets[0]!.name}）选定。`,
  };
}

/**
 * `hasHeader` says whether a sheet's first rows hold the table's header;
 * `title` names the table; `wanted` is --sheet (-1 when there is no such sheet).
 */
export function headerChooser(
  hasHeader: (rows: readonly RawRow[]) => boolean,
  title: string,
  wanted?: string,
): SheetChooser {
  const choose = (sheets: readonly SheetHead[]) => {
    const withHeader = sheets.map((s, i) => ({ s, i })).filter(({ s }) => hasHeader(s.rows));
    if (wanted !== undefined) {
      const index = sheets.findIndex((s) => s.name === wanted);
      const elsewhere = withHeader.filter(({ i }) => i !== index).map(({ s }) => s);
      if (index < 0 || hasHeader(sheets[index]!.rows) || elsewhere.length === 0) return { index, notices: [] };
      return {
        index,
        notices: [
          {
            code: 'input.xlsx.header-elsewhere',
            message: `工作表${label(sheets[index]!)}中找不到${title}的表头，而工作表${elsewhere.map(label).join('、')}中有。`,
            hint: `请改用 --sheet ${elsewhere[0]!.name}，或检查 --sheet 后面的名称。`,
          },
        ],
      };
    }
    const visible = withHeader.find(({ s }) => !s.hidden);
    const notices: ReaderNotice[] = [];
    if (visible) {
      const others = withHeader.filter((w) => w !== visible).map(({ s }) => s);
      const shown = others.filter((s) => !s.hidden);
      if (shown.length > 0) notices.push(severalVisible(title, [visible.s, ...shown]));
      else if (others.length > 0)
        notices.push({
          code: 'input.xlsx.sheets.several',
          message: `工作簿中不止一个工作表有${title}的表头：读取的是工作表${label(visible.s)}，没有读取${others.map(label).join('、')}。`,
          hint: `请确认读取的是本期的数据；如果要读取另一个，请加上 --sheet 名称（如 --sheet ${others[0]!.name}）。不再需要的工作表可以删除。`,
        });
      return { index: visible.i, notices };
    }
    const index = Math.max(
      0,
      sheets.findIndex((s) => !s.hidden),
    );
    const elsewhere = withHeader.filter(({ i }) => i !== index).map(({ s }) => s);
    if (elsewhere.length > 0)
      notices.push({
        code: 'input.xlsx.header-elsewhere',
        message: `工作表${label(sheets[index]!)}中找不到${title}的表头，而工作表${elsewhere.map(label).join('、')}中有。`,
        hint: `如果要读取该工作表，请加上 --sheet ${elsewhere[0]!.name}（隐藏的工作表通常是旧数据，请先确认）。`,
      });
    return { index, notices };
  };
  return Object.assign(choose, { wanted });
}
