/** Every figure of the bulletin, from validated inputs. Pure. */
import type { ClueRow, ForeignInput, NationalInput } from '../model/bulletin.js';
import type { Quarter } from '../model/quarter.js';
import type { Province, ReferenceData } from '../model/reference.js';
import type { BulletinStats } from '../model/stats.js';
import { statsFromTallies } from './compute-stats.js';
import type { StatsTallies } from './stats-accumulator.js';
import { computeClues, computeForeign } from './foreign-stats.js';
import { computeNational } from './national-stats.js';

export interface BulletinInputs {
  /** The recall records' figures, gathered as they were checked (stats-accumulator.ts). */
  tallies: StatsTallies;
  national: NationalInput | null;
  foreign: ForeignInput | null;
  clues: readonly ClueRow[] | null;
  issue: BulletinStats['issue'];
}

export function computeBulletinStats(
  inputs: BulletinInputs,
  ref: ReferenceData,
  home: Province,
  quarter: Quarter,
  decimals = 2,
): BulletinStats {
  return {
    ...statsFromTallies(inputs.tallies, ref, home, quarter, decimals),
    issue: inputs.issue,
    national: inputs.national ? computeNational(inputs.national, ref, home) : null,
    foreign: inputs.foreign ? computeForeign(inputs.foreign, ref, decimals) : null,
    clues: inputs.clues ? computeClues(inputs.clues) : null,
    // Needs another quarter's figures: added by pipeline/trend.ts when the sentence is on.
    trend: null,
  };
}
