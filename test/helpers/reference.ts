import { loadReference } from '../../src/inputs/load-reference.js';
import { findProvince, type Province, type ReferenceData } from '../../src/model/reference.js';

let cached: Promise<ReferenceData> | null = null;

export function reference(): Promise<ReferenceData> {
  cached ??= loadReference();
  return cached;
}

export async function hunan(): Promise<{ ref: ReferenceData; home: Province }> {
  const ref = await reference();
  return { ref, home: findProvince(ref, '湖南省') as Province };
}
