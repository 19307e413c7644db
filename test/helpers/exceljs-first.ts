/**
 * Loaded before every test file (vitest.config.ts setupFiles). Test files
 * share a worker process (isolate: false), and src/ingest/exceljs.ts can
 * patch exceljs's SAX helper only if it loads exceljs first, as the CLI
 * always does: a test file that imported exceljs directly (to write a
 * workbook) left the streaming reader unpatched for the files after it
 * in the same worker (stream-equals-memory then failed on a #REF! cell).
 */
import '../../src/ingest/exceljs.js';
