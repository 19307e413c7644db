// The bench's reference print needs the document the build prints for its PDF (since
// round four bulletin.html is the web edition, a different and lighter page). This builds
// the sample through the library with a printer that keeps the last HTML it was given:
// the print whose layout held, which is what bulletin.pdf is made from.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBulletin, loadConfig, parseQuarter } from '../dist/index.js';
import { createPrinter } from '../dist/render/browser.js';

/** Writes the HTML of the sample's final print (quarter `q` of `root`/data) to `file`. */
export async function writePrintDocument(root, q, outDir, file) {
  const real = createPrinter({});
  let last = null;
  const printer = {
    warmUp: () => real.warmUp(),
    identity: () => real.identity(),
    close: () => real.close(),
    async open() {
      const job = await real.open();
      return {
        print: (html, printing) => job.print((last = html), printing),
        measure: (html, prefix) => job.measure(html, prefix),
        close: () => job.close(),
      };
    },
  };
  try {
    const config = await loadConfig(undefined, root);
    const r = await buildBulletin({
      quarter: parseQuarter(q),
      dataDir: join(root, 'data'),
      outDir,
      formats: ['pdf'],
      config,
      cwd: root,
      printer,
      cacheDir: null,
    });
    if (!r.ok || last === null) throw new Error(`building ${q} for the reference print failed`);
  } finally {
    await real.close();
  }
  writeFileSync(file, last);
}
