/**
 * Which sheet of a workbook holds the table. A hidden first sheet is
 * usually last year's data kept out of sight; reading it printed its
 * figures with exit 0. So: the first visible sheet with a recognisable
 * header, and a warning naming every other sheet that has one too.
 */
import type { RawRow, ReaderNotice, SheetChooser, SheetHead } from '../ingest/table.js';

const label = (s: SheetHead) => `“${s.name}”${s.hidden ? '（隐藏）' : ''}`;

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
      if (others.length > 0)
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
