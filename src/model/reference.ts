/** Reference data: loaded from data/reference/*.json, never hard-coded. */
export interface Category {
  code: string;
  name: string;
  aliases: string[];
}

export interface DefectType {
  code: string;
  name: string;
  aliases: string[];
  /** How narratives name it: 机械物理类缺陷. */
  phrase: string;
}

export interface Prefecture {
  code: string;
  name: string;
  short: string;
  aliases: string[];
}

export interface Province {
  code: string;
  name: string;
  short: string;
  prefectures: Prefecture[];
}

/** Names that are not a prefecture's but lie in exactly one (data/reference/region-aliases.json). */
export interface RegionAliases {
  /** County-level city → its prefecture's code: 浏阳市 → 430100. */
  countyCities: Record<string, string>;
  /** Former name → today's prefecture's code: 大庸市 → 430800. */
  formerNames: Record<string, string>;
}

/** A country or region of the foreign table: the name the bulletin prints, and other ways it is written. */
export interface Jurisdiction {
  name: string;
  /** 美國, USA, United States …: counted and printed as `name`. */
  aliases: string[];
}

export interface ReferenceData {
  categories: Category[];
  defectTypes: DefectType[];
  provinces: Province[];
  /** By province code; a province with none has no entry. */
  regionAliases?: Record<string, RegionAliases>;
  /** data/reference/jurisdictions.json; a name not listed is printed as written. */
  jurisdictions?: Jurisdiction[];
}

export function findProvince(ref: ReferenceData, codeOrName: string): Province | undefined {
  return ref.provinces.find((p) => p.code === codeOrName || p.name === codeOrName || p.short === codeOrName);
}
