/**
 * archive-consistency.ts for the foreign and clue sections: the sums and
 * shares foreign-stats.ts makes, and the bounds validation refuses to cross
 * (contradiction.foreign.china, contradiction.clues.effective). Pure.
 */
import type { ClueStats, ForeignStats } from '../model/bulletin-stats.js';
import { firstFound, shareAsBuilt, sharesAsBuilt, totalOf, type Found } from './archive-figures.js';
import { shareOf } from './foreign-stats.js';

const FOREIGN = '国外召回统计表';

function chinaWithin(f: ForeignStats): Found {
  for (const j of f.jurisdictions) {
    if (j.chinaRecalls !== null && j.chinaRecalls > j.recalls)
      return `${FOREIGN}中“${j.name}”的中国产品召回次数为 ${j.chinaRecalls}，但其召回次数只有 ${j.recalls}`;
    if (j.chinaQuantity !== null && j.quantity !== null && j.chinaQuantity > j.quantity)
      return `${FOREIGN}中“${j.name}”的中国产品召回数量为 ${j.chinaQuantity}，但其召回数量只有 ${j.quantity}`;
  }
  return null;
}

function chinaShares(f: ForeignStats, decimals: number): Found {
  return firstFound(
    f.jurisdictions.flatMap((j) => [
      () =>
        shareAsBuilt(
          `${FOREIGN}中“${j.name}”`,
          '中国产品召回次数',
          j.chinaRecallShare,
          shareOf(j.chinaRecalls, j.recalls, decimals),
        ),
      () =>
        shareAsBuilt(
          `${FOREIGN}中“${j.name}”`,
          '中国产品召回数量',
          j.chinaQuantityShare,
          j.chinaQuantity === null ? null : shareOf(j.chinaQuantity, j.quantity, decimals),
        ),
    ]),
  );
}

/**
 * The category rows' shares are not checked: foreign-stats.ts rounds them in the table's own order
 * and then sorts the rows, and largest-remainder rounding gives ties to the earlier row, so the
 * archived order cannot tell which row a tie went to. Their sums are checked.
 */
export function foreignMismatch(f: ForeignStats, decimals: number): Found {
  const disclosed = (xs: ReadonlyArray<{ quantity: number | null }>) => xs.map((x) => x.quantity ?? 0);
  return firstFound([
    () =>
      totalOf(
        `${FOREIGN}的合计召回次数`,
        f.total.recalls,
        f.jurisdictions.map((j) => j.recalls),
        '各国家（地区）',
      ),
    () =>
      totalOf(
        `${FOREIGN}的已公开召回数量合计`,
        f.total.disclosedQuantity,
        disclosed(f.jurisdictions),
        '各国家（地区）',
      ),
    () =>
      totalOf(
        '国外分类召回表的合计召回次数',
        f.categoryTotal.recalls,
        f.categories.map((c) => c.recalls),
        '各类别',
      ),
    () =>
      totalOf(
        '国外分类召回表的已公开召回数量合计',
        f.categoryTotal.disclosedQuantity,
        disclosed(f.categories),
        '各类别',
      ),
    () => chinaWithin(f),
    () =>
      sharesAsBuilt(
        `${FOREIGN}中`,
        f.jurisdictions,
        '召回次数',
        (j) => j.recalls,
        (j) => j.recallShare,
        decimals,
      ),
    () => chinaShares(f, decimals),
  ]);
}

export function cluesMismatch(c: ClueStats): Found {
  const TABLE = '共享缺陷信息线索表';
  const row = c.rows.find((r) => r.effective > r.reports);
  if (row)
    return `${TABLE}中“${row.unit}”的有效召回信息为 ${row.effective} 条，但共享缺陷线索报告信息只有 ${row.reports} 条`;
  const columns = [
    ['共享缺陷线索报告信息', 'reports'],
    ['形成有效缺陷产品召回信息', 'effective'],
    ['共享检验检测信息', 'inspections'],
  ] as const;
  return firstFound(
    columns.map(
      ([label, key]) =>
        () =>
          totalOf(
            `${TABLE}的${label}合计`,
            c.total[key],
            c.rows.map((r) => r[key]),
            '各单位',
          ),
    ),
  );
}
