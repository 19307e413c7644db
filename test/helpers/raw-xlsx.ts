/**
 * Workbooks written as raw XML in a zip, so a test controls what exceljs's
 * writer would not produce: hidden sheets, inline strings next to shared
 * strings, formulas with and without a saved result, East-Asian built-in
 * date formats (numFmtId 31, 57, 58), merged ranges whose lower rows have
 * no <row> element at all, hidden rows.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export type RawCell =
  | { t: 'shared'; v: string }
  | { t: 'inline'; v: string }
  | { t: 'number'; v: number; style?: 0 | 1 | 2 | 3 }
  | { t: 'error'; v: string; formula?: string }
  | { t: 'formula'; formula: string; result?: number }
  | { t: 'bool'; v: boolean; formula?: string }
  /** A cell written as given, `@` standing for its reference (cells no other kind writes: empty, styled only). */
  | { t: 'xml'; xml: string };

export interface RawSheet {
  name: string;
  hidden?: boolean;
  /**
   * Excel row number → cells from column A (null: no cell); `hidden` as Excel writes it
   * (true: hidden="1") or as the attribute's text ('true'; '0' and 'false', which LibreOffice writes: not hidden).
   */
  rows: Array<{ r: number; cells: Array<RawCell | null>; hidden?: boolean | 'true' | '0' | 'false' }>;
  merges?: string[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function col(i: number): string {
  let n = i + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function cellXml(ref: string, c: RawCell, strings: string[]): string {
  switch (c.t) {
    case 'shared': {
      let i = strings.indexOf(c.v);
      if (i < 0) i = strings.push(c.v) - 1;
      return `<c r="${ref}" t="s"><v>${i}</v></c>`;
    }
    case 'inline':
      return `<c r="${ref}" t="inlineStr"><is><t>${esc(c.v)}</t></is></c>`;
    case 'number':
      return `<c r="${ref}"${c.style ? ` s="${c.style}"` : ''}><v>${c.v}</v></c>`;
    case 'error':
      return `<c r="${ref}" t="e">${c.formula ? `<f>${esc(c.formula)}</f>` : ''}<v>${c.v}</v></c>`;
    case 'formula':
      return `<c r="${ref}"><f>${esc(c.formula)}</f>${c.result === undefined ? '' : `<v>${c.result}</v>`}</c>`;
    case 'bool':
      return `<c r="${ref}" t="b">${c.formula ? `<f>${esc(c.formula)}</f>` : ''}<v>${c.v ? 1 : 0}</v></c>`;
    case 'xml':
      return c.xml.replace('@', ref);
  }
}

/** 2022-10-01 as an MS-DOS date (a zero date is invalid). */
const DOS_DATE = ((2022 - 1980) << 9) | (10 << 5) | 1;

function zip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const nameBuf = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, packed);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** Styles: 0 general, 1 numFmtId 14 (m/d/yyyy), 2 numFmtId 31 (yyyy年m月d日, East-Asian built-in), 3 a custom 年月日 format. */
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

export function rawXlsx(sheets: readonly RawSheet[]): Buffer {
  const strings: string[] = [];
  const files: Record<string, string> = {};
  sheets.forEach((s, i) => {
    const rows = [...s.rows]
      .sort((a, b) => a.r - b.r)
      .map(
        ({ r, cells, hidden }) =>
          `<row r="${r}"${hidden ? ` hidden="${hidden === true ? 1 : hidden}"` : ''}>${cells.map((c, j) => (c ? cellXml(`${col(j)}${r}`, c, strings) : '')).join('')}</row>`,
      )
      .join('');
    const merges = s.merges?.length
      ? `<mergeCells count="${s.merges.length}">${s.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
      : '';
    files[`xl/worksheets/sheet${i + 1}.xml`] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData>${merges}</worksheet>`;
  });
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zip({
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ${ns} xmlns:r="${rel}"><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rIdS" Type="${rel}/styles" Target="styles.xml"/><Relationship Id="rIdT" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/styles.xml': STYLES,
    ...files,
    // After the sheets, as Excel writes it: the streaming reader must wait for it.
    'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst ${ns} count="${strings.length}" uniqueCount="${strings.length}">${strings.map((t) => `<si><t xml:space="preserve">${esc(t)}</t></si>`).join('')}</sst>`,
    'docProps/app.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>test</Application></Properties>`,
  });
}
