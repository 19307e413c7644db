/**
 * The library API: the same results as the commands, for scripts.
 *
 *   import { loadQuarter, computeStats, compareQuarters, buildBulletin } from 'bulletin';
 */
/** One way to read a quarter (folder or loose files): its data and findings, or a typed 'no data' with its reason. */
export {
  readQuarter,
  loadQuarter,
  dataOrThrow,
  loadStats,
  tryStats,
  type QuarterRead,
  type QuarterSource,
  type ReadOptions,
  type NoData,
} from './inputs/read-quarter.js';
export type { LoadedQuarter, QuarterData } from './inputs/load-quarter.js';
export { buildBulletin, type BuildOptions, type BuildResult } from './pipeline/build.js';
export { compareQuarters, quarterRange, type CompareResult, type SeriesEntry } from './pipeline/compare-quarters.js';
export { validateInputs, type ValidateReport } from './pipeline/validate-inputs.js';
export { loadConfig, defineConfig, DEFAULT_CONFIG, type BulletinConfig } from './config/config.js';
export {
  compare,
  quarterPeriod,
  ytdPeriod,
  type Comparison,
  type Dimension,
  type Period,
} from './aggregate/compare.js';
export { parseQuarter, quarterId, quarterName, yearToDateName, type Quarter } from './model/quarter.js';
export { BulletinError } from './model/errors.js';
export type { ValidationIssue } from './model/issues.js';
export type { BulletinStats, QuarterStats } from './model/stats.js';
export * as chinese from './model/chinese.js';
/** Every figure of the bulletin for a loaded quarter: what stats.json and `bulletin stats --json` hold. */
export { statsOf as computeStats, type StatsOutcome, type Unavailable } from './inputs/quarter-source.js';
