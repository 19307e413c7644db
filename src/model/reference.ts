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

export interface ReferenceData {
  categories: Category[];
  defectTypes: DefectType[];
  provinces: Province[];
}

export function findProvince(ref: ReferenceData, codeOrName: string): Province | undefined {
  return ref.provinces.find((p) => p.code === codeOrName || p.name === codeOrName || p.short === codeOrName);
}
