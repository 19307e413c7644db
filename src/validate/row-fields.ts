/**
 * One data row → a RecallRecord, or the issues that stop it. Every field is
 * checked so staff see all of a row's problems at once.
 */
import type { ValidationIssue } from '../model/issues.js';
import { matchCategory, matchDefectType, matchRegion } from '../model/lookup.js';
import { quarterContains, quarterName, type Quarter } from '../model/quarter.js';
import type { RecallRecord } from '../model/record.js';
import type { Province, ReferenceData } from '../model/reference.js';
import { isPlaceholder, PLACEHOLDER_MARK } from '../model/placeholder.js';
import { preview } from '../model/text.js';
import { cellText, isErrorCell, isUnsavedFormula, type CellValue, type RawRow } from '../ingest/table.js';
import type { MakeIssue } from './issue-factory.js';
import type { HeaderMap } from './header-map.js';
import { parseDate } from './parse-date.js';
import { parseFlag } from './parse-flag.js';
import { parseQuantity, quantityProblem } from './parse-quantity.js';
import { RECORD_FIELDS, type FieldKey } from './record-columns.js';

export interface RowContext {
  /** Lookups by the text as written, one map per kind: a file repeats the same few categories and regions. */
  memo?: Map<string, Map<string, unknown>>;
  ref: ReferenceData;
  home: Province;
  quarter: Quarter | null;
  /** Above this a quantity is a warning. */
  maxQuantity?: number;
  map: HeaderMap<FieldKey>;
  issue: MakeIssue;
  file: string;
  sheet: string | null;
}

/** A recall of more units than this is most likely a typo (configuration: maxQuantity). */
export const DEFAULT_MAX_QUANTITY = 100_000_000;

const EXAMPLE_ROW = `这是 bulletin init 写入的示例行（带有“${PLACEHOLDER_MARK}”），还没有删除或替换。`;

/** Excel's own limit for one cell; longer text means a broken export. */
const MAX_CELL_CHARS = 32_767;

const LABEL = new Map(RECORD_FIELDS.map((f) => [f.key, f.label]));

/** Past this many distinct texts (a file of unique values) lookups are computed each time: memory stays flat. */
const MEMO_LIMIT = 50_000;

function memo<T>(ctx: RowContext, kind: string, key: string, compute: () => T): T {
  if (!ctx.memo) return compute();
  let m = ctx.memo.get(kind);
  if (!m) ctx.memo.set(kind, (m = new Map()));
  const hit = m.get(key);
  if (hit !== undefined || m.has(key)) return hit as T;
  const v = compute();
  if (m.size < MEMO_LIMIT) m.set(key, v);
  return v;
}

export function parseRow(row: RawRow, ctx: RowContext): { record: RecallRecord | null; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const { map, issue, ref, home, quarter } = ctx;
  const cell = (key: FieldKey): CellValue => {
    const col = map.columns.get(key);
    return col ? (row.cells[col.index] ?? null) : null;
  };
  const at = (key: FieldKey) => {
    const col = map.columns.get(key);
    return {
      row: row.row,
      col: col ? col.index + 1 : null,
      header: col?.header ?? LABEL.get(key) ?? key,
      value: preview(cellText(cell(key)), 80),
    };
  };
  const err = (key: FieldKey, code: string, message: string, hint: string) =>
    issues.push(issue('error', code, at(key), message, hint));
  const text = (key: FieldKey): string => cellText(cell(key));
  /** A cell quoted in a message: one line, at most 60 characters. */
  const shown = (key: FieldKey): string => preview(text(key), 60);
  const required = (key: FieldKey): string => {
    const v = text(key);
    if (!v)
      err(
        key,
        'value.required.missing',
        `“${LABEL.get(key)}”是必填项，这一行是空的。`,
        `请填写${LABEL.get(key)}；如果这一行不是召回记录，请删除整行。`,
      );
    return v;
  };

  for (const [key, col] of map.columns) {
    const v = row.cells[col.index] ?? null;
    if (isErrorCell(v)) {
      err(
        key,
        'value.cell.formula-error',
        `单元格是公式错误 ${v.error}，没有可用的值。`,
        '请修正该单元格的公式，或改为直接填写数值。',
      );
    } else if (isUnsavedFormula(v)) {
      err(
        key,
        'value.cell.formula-no-result',
        '单元格是公式，但文件中没有保存公式的计算结果，无法读出数值。',
        '请用 Excel 或 WPS 打开该文件，保存一次（保存时会写入公式的结果），再重新检查。',
      );
    } else if (typeof v === 'string' && v.length > MAX_CELL_CHARS && cellText(v).length > MAX_CELL_CHARS) {
      err(
        key,
        'value.cell.too-long',
        `单元格有 ${cellText(v).length} 个字符，超过 Excel 单元格 ${MAX_CELL_CHARS} 个字符的上限。`,
        '通常是 CSV 中某个引号没有成对，把后面许多行都并进了这个单元格；请在 Excel 中打开检查。',
      );
    }
  }
  if (issues.length > 0) return { record: null, issues };
  // The example row init writes, marked in its 生产者 (one look per row: a million-row file
  // pays for one short search each): one finding for the row, not one per invented value.
  if (isPlaceholder(text('manufacturer'))) {
    err('manufacturer', 'content.placeholder', EXAMPLE_ROW, '请用真实的召回记录替换这一行，或整行删除。');
    return { record: null, issues };
  }

  let announceDate = '';
  const dateCell = cell('announceDate');
  // Dates repeat (a quarter has 92 days): parsed once per text.
  const date =
    typeof dateCell === 'string' ? memo(ctx, 'date', dateCell, () => parseDate(dateCell)) : parseDate(dateCell);
  if (date.ok) {
    announceDate = date.value;
    if (quarter && !quarterContains(quarter, date.value)) {
      err(
        'announceDate',
        'value.date.outside-quarter',
        `发布日期 ${date.value} 不在${quarterName(quarter)}内，不能计入本期。`,
        `请核对日期；属于其他季度的记录请放到对应季度的文件夹中。`,
      );
    }
  } else if (date.reason === 'empty') {
    required('announceDate');
  } else if (date.reason === 'impossible') {
    err(
      'announceDate',
      'value.date.unreadable',
      `日期“${shown('announceDate')}”不存在（没有这一天）。`,
      '请核对月份和日期。',
    );
  } else {
    err(
      'announceDate',
      'value.date.unreadable',
      `无法识别的日期“${shown('announceDate')}”。`,
      '请写成 2022-08-15、2022/8/15 或 2022年8月15日，或设为 Excel 日期格式。',
    );
  }

  const manufacturer = required('manufacturer');
  const product = required('product');

  let categoryCode = '';
  const categoryText = required('category');
  if (categoryText) {
    const m = memo(ctx, 'category', categoryText, () => matchCategory(ref, categoryText));
    if (m.ok) categoryCode = m.value.code;
    else if (m.reason === 'conflict') {
      err(
        'category',
        'value.category.conflict',
        `产品类别“${shown('category')}”的代码和名称不一致（${m.nearest.map((c) => `${c.code} ${c.name}`).join(' 与 ')}）。`,
        '请核对后只保留正确的代码或名称。',
      );
    } else {
      const near = m.nearest[0];
      err(
        'category',
        'value.category.unknown',
        `“${shown('category')}”不是有效的产品类别。${near ? `最接近的是“${near.code} ${near.name}”。` : ''}`,
        `请填写 10 个类别之一的代码或名称：${ref.categories.map((c) => `${c.code} ${c.name}`).join('、')}。`,
      );
    }
  }

  let regionCode = '';
  const regionText = required('region');
  if (regionText) {
    const m = memo(ctx, 'region', regionText, () => matchRegion(ref, home, regionText));
    if (m.ok) regionCode = m.value.code;
    if (m.ok && m.via) {
      issues.push(
        issue(
          'warning',
          'value.region.alias',
          at('region'),
          `“${shown('region')}”${m.via.kind === 'county' ? `是${m.value.name}的县级市` : `是${m.value.name}的旧称`}，按${m.value.short}计入。`,
          `市州一栏请填写市州名称（如“${m.value.short}”）；如果归属不对，请改正。`,
        ),
      );
    } else if (m.ok) {
      // A prefecture, as expected.
    } else if (m.reason === 'other-province') {
      err(
        'region',
        'value.region.other-province',
        `“${shown('region')}”属于${m.province.name}，不在${home.name}。`,
        `本公报只统计${home.name}的召回；请核对市州，或把这条记录交给${m.province.name}。`,
      );
    } else {
      const near = m.nearest[0];
      err(
        'region',
        'value.region.unknown',
        `“${shown('region')}”不是${home.name}的市州。${near ? `最接近的是“${near.short}”。` : ''}`,
        `请填写市州名称（如“${home.prefectures[0]?.short ?? ''}”）或 6 位行政区划代码。`,
      );
    }
  }

  let defectTypeCode = '';
  const defectText = required('defectType');
  if (defectText) {
    const m = memo(ctx, 'defect', defectText, () => matchDefectType(ref, defectText));
    if (m.ok) defectTypeCode = m.value.code;
    else {
      const near = m.nearest[0];
      err(
        'defectType',
        'value.defect.unknown',
        `“${shown('defectType')}”不是有效的缺陷类型。${near ? `最接近的是“${near.name}”。` : ''}`,
        `请填写：${ref.defectTypes.map((d) => d.name).join('、')}。`,
      );
    }
  }

  let quantity = 0;
  let unit = text('unit');
  const q = parseQuantity(cell('quantity'));
  if (q.ok) {
    quantity = q.value;
    unit ||= q.unit ?? '';
    if (q.approximate) {
      issues.push(
        issue(
          'warning',
          'value.quantity.approximate',
          at('quantity'),
          `召回数量“${shown('quantity')}”是约数，按 ${q.value} 计入。`,
          '如有准确数量，请改为准确的整数。',
        ),
      );
    }
  } else if (q.reason === 'empty') {
    required('quantity');
  } else {
    err(
      'quantity',
      q.reason === 'too-large' ? 'value.quantity.too-large' : 'value.quantity.invalid',
      `召回数量“${shown('quantity')}”${quantityProblem(q.reason)}。`,
      '请填写不小于 0 的整数，如 257500；可以写“25.75万”或“257,500”（逗号每三位一个）。',
    );
  }
  if (q.ok && q.value > (ctx.maxQuantity ?? DEFAULT_MAX_QUANTITY)) {
    issues.push(
      issue(
        'warning',
        'value.quantity.implausible',
        at('quantity'),
        `召回数量 ${q.value} 超过了 ${ctx.maxQuantity ?? DEFAULT_MAX_QUANTITY} 件，一次召回很少有这么多，请确认没有多打数字。`,
        '如果数量确实如此，可以忽略本提示；上限可在配置文件中用 maxQuantity 调整。',
      ),
    );
  }

  const flag = parseFlag(cell('typical'));
  const typical = flag.ok && flag.value;
  if (!flag.ok)
    err(
      'typical',
      'value.flag.invalid',
      `“${shown('typical')}”无法识别为是或否。`,
      '典型案例一栏请填“是”或“否”（留空表示否）。',
    );
  const description = text('description');
  if (typical && !description) {
    err(
      'description',
      'value.typical.no-description',
      '这条记录标为典型案例，但缺陷描述是空的，表2 无法填写。',
      '请补上缺陷描述，或取消典型案例标记。',
    );
  }

  if (issues.some((i) => i.severity === 'error')) return { record: null, issues };
  const record: RecallRecord = {
    source: { file: ctx.file, sheet: ctx.sheet, row: row.row },
    announceDate,
    manufacturer,
    brand: text('brand'),
    product,
    model: text('model'),
    categoryCode,
    regionCode,
    defectTypeCode,
    quantity,
    unit: unit || '件',
    productionPeriod: text('productionPeriod'),
    description,
    typical,
  };
  return { record, issues };
}
