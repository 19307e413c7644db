/**
 * The library API: the same results as the commands, for scripts.
 *
 *   import { loadQuarter, computeStats, compareQuarters, buildBulletin } from 'bulletin';
 */
export { loadQuarter, type LoadedQuarter } from './inputs/load-quarter.js';
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
export {
  statsOf as computeStats,
  loadStats,
  tryStats,
  type StatsOutcome,
  type Unavailable,
} from './inputs/quarter-source.js';
/** loadQuarter plus the checks against the other quarters of the year, as build and validate run them. */
export { loadCheckedQuarter } from './inputs/cross-quarter.js';
