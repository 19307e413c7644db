/**
 * The three fields looked up in the reference data (category, region, defect
 * type): each returns the code, or '' after recording why the text matched
 * nothing. Lookups are memoised per text: a file repeats the same few values.
 */
import { isCountyName, matchCategory, matchDefectType, matchRegion } from '../model/lookup.js';
import { fail, memo, required, shown, warn, type RowContext, type RowFindings } from './row-context.js';

export function parseCategory(f: RowFindings): string {
  const { ctx, row } = f;
  const { ref } = ctx;
  const categoryText = required(f, 'category');
  if (!categoryText) return '';
  const m = memo(ctx, 'category', categoryText, () => matchCategory(ref, categoryText));
  if (m.ok) return m.value.code;
  if (m.reason === 'conflict') {
    fail(
      f,
      'category',
      'value.category.conflict',
      `产品类别“${shown(row, ctx, 'category')}”的代码和名称不一致（${m.nearest.map((c) => `${c.code} ${c.name}`).join(' 与 ')}）。`,
      '请核对后只保留正确的代码或名称。',
    );
  } else {
    const near = m.nearest[0];
    fail(
      f,
      'category',
      'value.category.unknown',
      `“${shown(row, ctx, 'category')}”不是有效的产品类别。${near ? `最接近的是“${near.code} ${near.name}”。` : ''}`,
      `请填写 10 个类别之一的代码或名称：${ref.categories.map((c) => `${c.code} ${c.name}`).join('、')}。`,
    );
  }
  return '';
}

export function parseRegion(f: RowFindings): string {
  const { ctx, row } = f;
  const { ref, home } = ctx;
  const regionText = required(f, 'region');
  if (!regionText) return '';
  const m = memo(ctx, 'region', regionText, () => matchRegion(ref, home, regionText));
  if (m.ok) {
    // A county-level city or an old name counts for its prefecture, with a warning; a prefecture is as expected.
    if (m.via) {
      warn(
        f,
        'region',
        'value.region.alias',
        `“${shown(row, ctx, 'region')}”${m.via.kind === 'county' ? `是${m.value.name}的县级市` : `是${m.value.name}的旧称`}，按${m.value.short}计入。`,
        `市州一栏请填写市州名称（如“${m.value.short}”）；如果归属不对，请改正。`,
      );
    }
    return m.value.code;
  }
  if (m.reason === 'other-province') {
    fail(
      f,
      'region',
      'value.region.other-province',
      `“${shown(row, ctx, 'region')}”属于${m.province.name}，不在${home.name}。`,
      `本公报只统计${home.name}的召回；请核对市州，或把这条记录交给${m.province.name}。`,
    );
  } else {
    const near = m.nearest[0];
    fail(
      f,
      'region',
      'value.region.unknown',
      `“${shown(row, ctx, 'region')}”不是${home.name}的市州。${near ? `最接近的是“${near.short}”。` : isCountyName(regionText) ? '它看起来是区县名，而这一栏要填它所属的市州。' : ''}`,
      `请填写市州名称（如“${home.prefectures[0]?.short ?? ''}”）或 6 位行政区划代码。`,
    );
  }
  return '';
}

export function parseDefectType(f: RowFindings): string {
  const { ctx, row } = f;
  const { ref } = ctx;
  const defectText = required(f, 'defectType');
  if (!defectText) return '';
  const m = memo(ctx, 'defect', defectText, () => matchDefectType(ref, defectText));
  if (m.ok) return m.value.code;
  const near = m.nearest[0];
  fail(
    f,
    'defectType',
    'value.defect.unknown',
    `“${shown(row, ctx, 'defectType')}”不是有效的缺陷类型。${near ? `最接近的是“${near.name}”。` : ''}`,
    `请填写：${ref.defectTypes.map((d) => d.name).join('、')}。`,
  );
  return '';
}

/** The code a text stands for when the lookup above records no finding for it, else '' (plain-rows.ts); memoised alike. */
export function codeWithoutFinding(ctx: RowContext, kind: 'category' | 'region' | 'defect', t: string): string {
  const { ref, home } = ctx;
  if (kind === 'category') {
    const m = memo(ctx, kind, t, () => matchCategory(ref, t));
    return m.ok ? m.value.code : '';
  }
  if (kind === 'region') {
    const m = memo(ctx, kind, t, () => matchRegion(ref, home, t));
    return m.ok && !m.via ? m.value.code : '';
  }
  const m = memo(ctx, kind, t, () => matchDefectType(ref, t));
  return m.ok ? m.value.code : '';
}
