/** Which tables a draft says are still to be filled in: errors and not one accepted row. */
import { describe, expect, it } from 'vitest';
import type { FileReport } from '../../src/inputs/check-file.js';
import { unfilledTables } from '../../src/inputs/quarter-source.js';
import { fileError, fileWarning } from '../../src/model/issues.js';

const report = (file: string, kind: FileReport['kind'], read: number, accepted: number): FileReport => ({
  file,
  kind,
  format: 'csv',
  sheet: null,
  encoding: 'UTF-8',
  headerRow: 1,
  rows: { read, accepted, rejected: read - accepted, blank: 0, totalRows: 0, notes: 0 },
  unreadable: false,
});
const error = (file: string) => fileError(file, 'table.unfilled', '', '');

describe('unfilledTables', () => {
  it('a table with errors and no accepted row, named by the title its findings use', () => {
    const files = [report('f.csv', 'foreign', 4, 0), report('c.csv', 'clues', 15, 3)];
    expect(unfilledTables({ files, issues: [error('f.csv'), error('c.csv')] })).toEqual({ foreign: '国外召回统计表' });
  });

  it('national-recalls stands for both national tables', () => {
    const files = [report('n.csv', 'national-recalls', 0, 0)];
    expect(unfilledTables({ files, issues: [error('n.csv')] })).toEqual({
      'national-categories': '全国召回记录',
      'national-provinces': '全国召回记录',
    });
  });

  it('records without rows or errors are a quarter without recalls; warnings change nothing', () => {
    const files = [report('r.csv', 'recalls', 0, 0), report('f.csv', 'foreign', 0, 0)];
    const issues = [fileWarning('r.csv', 'x', '', ''), fileWarning('f.csv', 'x', '', '')];
    expect(unfilledTables({ files, issues })).toEqual({});
  });
});
