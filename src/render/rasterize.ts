/**
 * The only module that knows resvg: SVG (ECharts charts, article drawings)
 * → PNG for the Word edition, without a browser. System fonts are not read,
 * so a chart looks the same on every machine: the fonts come as OpenType
 * bytes (fonts.ts fontFilesFor) and are handed to resvg as files in a
 * private temporary folder. (resvg-js also takes `fontBuffers`, but passes
 * its options through JSON: 2 MB of fonts became 0.7 s per chart, against
 * 0.25 s from files, measured here.)
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

export interface Raster {
  png: Uint8Array;
  /** Pixels. */
  width: number;
  height: number;
}

export interface Rasterizer {
  /** `svg` drawn `widthPx` wide, height in proportion. */
  draw(svg: string, widthPx: number): Raster;
  close(): Promise<void>;
}

/**
 * resvg picks one face for a bold run and fills characters that face lacks
 * from any other face, regular ones included: with subset fonts, a bold
 * title came out with one bold character in ten. Bold text is drawn in the
 * regular face with a thin outline of its own colour instead, evenly.
 */
function emboldened(svg: string): string {
  return svg.replace(/<text\b[^>]*font-weight:\s*(?:bold|[6-9]00)[^>]*>/g, (tag) => {
    const fill = /\sfill="([^"]+)"/.exec(tag)?.[1] ?? '#000';
    return tag
      .replace(/font-weight:\s*(?:bold|[6-9]00);?/, '')
      .replace(/^<text/, `<text stroke="${fill}" stroke-width="0.45" stroke-linejoin="round"`);
  });
}

/** `tempDir`: where the font files go for the drawing (the CLI's TMPDIR); default the system's. */
export async function createRasterizer(
  fonts: readonly Buffer[],
  family: string,
  tempDir: string = tmpdir(),
): Promise<Rasterizer> {
  const dir = await mkdtemp(join(tempDir, 'bulletin-fonts-'));
  try {
    const files = await Promise.all(
      fonts.map(async (f, i) => {
        const file = join(dir, `${i}.otf`);
        await writeFile(file, f);
        return file;
      }),
    );
    return {
      draw(svg, widthPx) {
        const hasText = /<text\b/.test(svg);
        const image = new Resvg(emboldened(svg), {
          fitTo: { mode: 'width', value: Math.round(widthPx) },
          background: '#ffffff',
          font: {
            loadSystemFonts: false,
            fontFiles: hasText ? files : [],
            defaultFontFamily: family,
            serifFamily: family,
            sansSerifFamily: family,
          },
        }).render();
        return { png: image.asPng(), width: image.width, height: image.height };
      },
      close: () => rm(dir, { recursive: true, force: true }),
    };
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}

/** For `bulletin doctor`: whether resvg's native module loads and draws here; the reason when not. */
export function rasterizerProblem(): string | null {
  try {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"><rect width="2" height="2"/></svg>';
    new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng();
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
