/**
 * Matching what staff type against reference data. Each matcher returns the
 * entry, or what went wrong with the nearest valid entries so messages can
 * say "did you mean".
 */
import type { Category, DefectType, Prefecture, Province, ReferenceData } from './reference.js';
import { fold } from './text.js';

export type Match<T> =
  | { ok: true; value: T; via?: { kind: 'county' | 'former'; name: string } }
  | { ok: false; reason: 'unknown' | 'conflict'; nearest: T[] }
  | { ok: false; reason: 'other-province'; province: Province; nearest: T[] };

function names(entry: { name: string; aliases: string[]; short?: string }): string[] {
  return [entry.name, ...(entry.short ? [entry.short] : []), ...entry.aliases].map(fold);
}

/** Levenshtein distance over code points; inputs are short labels. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[y.length] ?? 0;
}

/** Entries closest to `text`, best first; at most `limit`. */
export function nearest<T extends { name: string; aliases: string[]; short?: string }>(
  entries: readonly T[],
  text: string,
  limit = 1,
): T[] {
  const t = fold(text);
  const scored = entries.map((e) => {
    const dist = Math.min(...names(e).map((n) => (n.includes(t) || t.includes(n) ? 0.5 : editDistance(n, t))));
    return { e, dist };
  });
  scored.sort((a, b) => a.dist - b.dist);
  // A typo is a character or two off in a longer name; in a two- or three-character word one
  // character is the meaning (玩具 is no misspelt 家具), so short words are suggested only by containment.
  const len = [...t].length;
  const best = scored.filter((s) => s.dist === 0.5 || (len >= 4 && s.dist <= Math.floor(len / 3)));
  return best.slice(0, limit).map((s) => s.e);
}

/** "08", "8", "文教体育用品", "08 文教体育用品" and aliases. */
export function matchCategory(ref: ReferenceData, text: string): Match<Category> {
  const t = fold(text);
  const m = /^(\d{1,2})[-_.、,:]?(.*)$/.exec(t);
  const code = m ? (m[1] as string).padStart(2, '0') : null;
  const label = m ? (m[2] as string) : t;
  const byCode = code ? ref.categories.find((c) => c.code === code) : undefined;
  const byName = label ? ref.categories.find((c) => names(c).includes(label)) : undefined;
  if (code && label) {
    if (byCode && byName && byCode === byName) return { ok: true, value: byCode };
    if (byCode && byName) return { ok: false, reason: 'conflict', nearest: [byCode, byName] };
    return { ok: false, reason: 'unknown', nearest: byCode ? [byCode] : nearest(ref.categories, label) };
  }
  if (code) return byCode ? { ok: true, value: byCode } : { ok: false, reason: 'unknown', nearest: [] };
  if (byName) return { ok: true, value: byName };
  return { ok: false, reason: 'unknown', nearest: nearest(ref.categories, label) };
}

/** Defect types also come as 机械物理类 / 电气安全缺陷. */
export function matchDefectType(ref: ReferenceData, text: string): Match<DefectType> {
  const t = fold(text).replace(/(类缺陷|缺陷|类|问题)$/u, '');
  const hit = ref.defectTypes.find((d) => d.code === t || names(d).includes(t));
  return hit ? { ok: true, value: hit } : { ok: false, reason: 'unknown', nearest: nearest(ref.defectTypes, t) };
}

function prefectureMatches(p: Prefecture, t: string): boolean {
  return p.code === t || names(p).includes(t);
}

/**
 * 长沙, 长沙市, 430100, 湘西州, 湖南省长沙市 and county codes such as 430102
 * (mapped to their prefecture). A valid place in another province is
 * reported as such rather than as unknown.
 */
/** A district's or county's name (岳麓区, 桃源县): below a prefecture, never a spelling of one. */
export const isCountyName = (text: string): boolean => /[区县]$/u.test(text.trim());

export function matchRegion(ref: ReferenceData, home: Province, text: string): Match<Prefecture> {
  const candidates = regionCandidates(ref, home, fold(text));
  for (const t of candidates) {
    const hit = home.prefectures.find((p) => prefectureMatches(p, t));
    if (hit) return { ok: true, value: hit };
  }
  const alias = aliasOf(ref, home, candidates);
  if (alias) return alias;
  const t = candidates[0] as string;
  const prefixed = provincePrefix(ref, t);
  if (prefixed && prefixed.province !== home)
    return { ok: false, reason: 'other-province', province: prefixed.province, nearest: [] };
  // A district or county (岳麓区) is no misspelt prefecture: a near name (岳阳) would be another place.
  const nearest = isCountyName(t) ? [] : nearestRegion(home, t);
  for (const other of ref.provinces) {
    if (other === home) continue;
    const inOther = candidates.some(
      (c) =>
        other.prefectures.some((p) => prefectureMatches(p, c)) || c === fold(other.name) || c === fold(other.short),
    );
    if (inOther) return { ok: false, reason: 'other-province', province: other, nearest };
  }
  return { ok: false, reason: 'unknown', nearest };
}

/** 浏阳市 / 浏阳 (a county-level city) and 大庸市 / 大庸 (a former name): the one prefecture they lie in. */
function aliasOf(ref: ReferenceData, home: Province, candidates: readonly string[]): Match<Prefecture> | null {
  const aliases = ref.regionAliases?.[home.code];
  if (!aliases) return null;
  for (const [kind, table] of [
    ['county', aliases.countyCities],
    ['former', aliases.formerNames],
  ] as const) {
    for (const [name, code] of Object.entries(table)) {
      const n = fold(name);
      const short = n.replace(/(市|地区)$/u, '');
      if (!candidates.some((c) => c === n || (short.length >= 2 && c === short))) continue;
      const value = home.prefectures.find((p) => p.code === code);
      if (value) return { ok: true, value, via: { kind, name } };
    }
  }
  return null;
}

/** 长沙市 → 长沙: the part of a place name that tells places apart. */
const core = (s: string) => s.replace(/(土家族苗族自治州|自治州|地区|市|州|县|区)$/u, '');

/**
 * The prefecture a mistyped name most likely meant, or none: only a close
 * match (one character off in the distinctive part, sharing a character, or
 * containing it), so that 大庸市 does not suggest 长沙 (both end in 市).
 */
export function nearestRegion(home: Province, text: string): Prefecture[] {
  const t = core(fold(text));
  if ([...t].length < 2) return [];
  const scored = home.prefectures.flatMap((p) => {
    const dists = names(p).map((n) => {
      const c = core(n);
      if ([...c].length >= 2 && (t.includes(c) || c.includes(t))) return 0;
      const shared = [...c].some((ch) => t.includes(ch));
      return shared ? editDistance(c, t) : Infinity;
    });
    const dist = Math.min(...dists);
    return dist <= 1 ? [{ p, dist }] : [];
  });
  scored.sort((a, b) => a.dist - b.dist);
  return scored.slice(0, 1).map((s) => s.p);
}

/** The province whose name or short name `t` starts with, and the rest (湖北省长沙市: 湖北省, 长沙市). */
function provincePrefix(ref: ReferenceData, t: string): { province: Province; rest: string } | null {
  for (const p of ref.provinces)
    for (const prefix of [p.name, p.short].map(fold)) {
      const rest = t.slice(prefix.length);
      if (t.startsWith(prefix) && [...rest].length >= 2) return { province: p, rest };
    }
  return null;
}

/** The text itself, then without the home province's prefix, then a county code's prefecture. */
function regionCandidates(ref: ReferenceData, home: Province, t: string): string[] {
  const out = [t];
  const prefixed = provincePrefix(ref, t);
  // Another province's prefix is not dropped: 湖北省长沙市 is no place in Hunan (matchRegion says whose it is).
  if (prefixed?.province === home) out.push(prefixed.rest);
  if (/^\d{6}$/.test(t) && !t.endsWith('00')) {
    const prefCode = `${t.slice(0, 4)}00`;
    if (home.prefectures.some((p) => p.code === prefCode)) out.push(prefCode);
  }
  return out;
}
