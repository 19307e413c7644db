/** View tables → Word tables: header row repeated on each page, numbers right-aligned, totals bold. */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from './docx-lib.js';
import { columnWidths, TEXT_WIDTH } from './docx-styles.js';
import type { TableRow as ViewRow, TableView } from './view-table.js';

const cellAlign = (cls: string) =>
  cls === 'num' ? AlignmentType.RIGHT : cls === 'text' ? AlignmentType.LEFT : AlignmentType.CENTER;

function tableRow(row: ViewRow, widths: readonly number[], kind: 'header' | 'body' | 'total'): TableRow {
  return new TableRow({
    tableHeader: kind === 'header',
    cantSplit: true,
    children: row.cells.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i] as number, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          margins: { top: 40, bottom: 40, left: 100, right: 100 },
          shading: kind === 'header' ? { fill: 'F2F2F2', type: ShadingType.CLEAR, color: 'auto' } : undefined,
          children: [
            new Paragraph({
              style: 'TableText',
              alignment: kind === 'header' ? AlignmentType.CENTER : cellAlign(c.cls),
              children: [new TextRun({ text: c.text, bold: kind !== 'body' })],
            }),
          ],
        }),
    ),
  });
}

/** One Word table for the whole view table: Word repeats the header row on each page, so no （续表）. */
export function table(t: TableView): Array<Paragraph | Table> {
  const widths = columnWidths(
    t.id,
    t.headers.map((h) => h.cls),
  );
  const line = { style: BorderStyle.SINGLE, size: 6, color: '333333' };
  const body = t.parts.flatMap((p) => [
    ...p.rows.map((r) => tableRow(r, widths, 'body')),
    ...(p.total ? [tableRow(p.total, widths, 'total')] : []),
  ]);
  return [
    ...(t.caption ? [new Paragraph({ style: 'Caption', children: [new TextRun(t.caption)] })] : []),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
      rows: [tableRow({ cells: t.headers, marker: null }, widths, 'header'), ...body],
    }),
    new Paragraph({ style: 'BulletinPlain', spacing: { after: 120 }, children: [] }),
  ];
}
