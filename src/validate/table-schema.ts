/**
 * What a kind of input table looks like: its fields, the header spellings
 * staff use for each, and which are required. Headers are matched after
 * foldHeader(): case, spaces, full/half width and bracketed units ignored.
 */
import { foldHeader } from '../model/text.js';

export interface FieldDef<K extends string = string> {
  key: K;
  /** The header we write and show in messages. */
  label: string;
  aliases: readonly string[];
  required: boolean;
  /** Figures that are added up: a unit with a multiplier in the header (万件) is refused. */
  figure?: boolean;
}

export interface TableSchema<K extends string = string> {
  /** What the table is, in messages: 召回记录, 全国分类汇总表 … */
  title: string;
  fields: readonly FieldDef<K>[];
}

const lookups = new WeakMap<TableSchema, Map<string, FieldDef>>();

export function fieldForHeader<K extends string>(schema: TableSchema<K>, header: string): FieldDef<K> | undefined {
  let map = lookups.get(schema);
  if (!map) {
    map = new Map(schema.fields.flatMap((f) => f.aliases.map((a) => [foldHeader(a), f as FieldDef] as const)));
    lookups.set(schema, map);
  }
  return map.get(foldHeader(header)) as FieldDef<K> | undefined;
}
