import { describe, expect, it } from 'vitest';
import { withoutJoinerGlyphs } from '../../src/render/pdf-joiners.js';

// Content stream excerpts as Chromium 156 writes a headline with word joiners (qpdf --qdf).
const OWN_TEXT_OBJECT = [
  'BT\n/F21 20 Tf\n1 0 0 -1 0 641 Tm\n<0005> Tj\nET\n',
  'BT\n/Span<</ActualText <FEFF2060> >> BDC\n/F23 20 Tf\n1 0 0 -1 0 641 Tm\n19.999985 0 Td <0001> Tj\nEMC\nET\n',
  'BT\n/F24 20 Tf\n1 0 0 -1 0 641 Tm\n19.999985 0 Td <0020> Tj\nET\n',
].join('');
const SHARED_TEXT_OBJECT =
  'BT\n/F25 21.33 Tf\n1 0 0 -1 88.375 2173 Tm\n<0013> Tj\n' +
  '/Span<</ActualText <feff2060> >> BDC\n12.6689606 0 Td <0001> Tj\nEMC\n0 0 Td <0011> Tj\nET\n';

describe('withoutJoinerGlyphs', () => {
  it('takes out the joiner glyph and its span, keeping the font and the moves', () => {
    expect(withoutJoinerGlyphs(OWN_TEXT_OBJECT)).toBe(
      [
        'BT\n/F21 20 Tf\n1 0 0 -1 0 641 Tm\n<0005> Tj\nET\n',
        'BT\n\n/F23 20 Tf\n1 0 0 -1 0 641 Tm\n19.999985 0 Td \n\nET\n',
        'BT\n/F24 20 Tf\n1 0 0 -1 0 641 Tm\n19.999985 0 Td <0020> Tj\nET\n',
      ].join(''),
    );
  });

  it('keeps the move the next glyph of the same text object is placed from', () => {
    expect(withoutJoinerGlyphs(SHARED_TEXT_OBJECT)).toBe(
      'BT\n/F25 21.33 Tf\n1 0 0 -1 88.375 2173 Tm\n<0013> Tj\n\n12.6689606 0 Td \n\n0 0 Td <0011> Tj\nET\n',
    );
  });

  it('leaves other marked text and a span drawn with TJ as they are', () => {
    const other = 'BT\n/Span<</ActualText <FEFF00AD> >> BDC\n<0001> Tj\nEMC\nET\n';
    const tj = 'BT\n/Span<</ActualText <FEFF2060> >> BDC\n[<0001> 5 <0002>] TJ\nEMC\nET\n';
    expect(withoutJoinerGlyphs(other)).toBe(other);
    expect(withoutJoinerGlyphs(tj)).toBe(tj);
  });
});
