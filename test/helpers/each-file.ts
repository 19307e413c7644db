/**
 * Loaded before every test file (vitest.config.ts setupFiles). Test files
 * share a worker process (isolate: false), so what one file leaves in it
 * must not change the next:
 * - src/ingest/exceljs.ts installs its SAX helper for all of exceljs only if
 *   it loads exceljs first, as the CLI always does. A test file that imported
 *   exceljs directly (to write a workbook) used to leave the streaming reader
 *   unpatched for the files after it (stream-equals-memory failed on a #REF!
 *   cell); the reader now loads a private copy then (exceljs-load-order.test.ts),
 *   and loading it first here keeps every file on the CLI's path;
 * - each file gets its own copy of the sample project (sampleProject()):
 *   preview.test.ts edits its configuration, and build-docx.test.ts, run
 *   after it, built a Word file with the edited bulletin name.
 */
import '../../src/ingest/exceljs.js';
import { forgetSampleProject } from './cli.js';

forgetSampleProject();
