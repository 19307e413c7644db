/**
 * Which layout passes are measured (column-measure.ts: 30 ms, nothing
 * printed) and which are printed (0.3 s, read back from the PDF). A cold
 * layout is measured until it holds, then printed once; a layout from an
 * earlier build is printed at once. A layout the look-ahead chose
 * (page-foresee.ts) is printed without being measured first: its print is
 * read back like any, and when it disagrees the next layouts are measured
 * again. Measuring stops for good when a page cannot be measured (it was
 * printed instead), or when the print of a layout a measure found holding
 * disagreed: that measure is then not to be trusted for this document.
 */
export class PassPlan {
  /** Whether the next pass is measured. */
  measuring: boolean;
  /** Passes measured so far. */
  measured = 0;
  private measurable = true;
  /** The layout being printed is one a measure found holding. */
  private confirmed = false;

  /** `cached`: the first layout comes from an earlier build. `maxMeasures` bounds the measured passes. */
  constructor(
    cached: boolean,
    private readonly maxMeasures: number,
  ) {
    this.measuring = !cached;
  }

  /** A pass was read: `printed`, or measured. */
  read(printed: boolean): void {
    if (!printed) this.measured++;
    else if (this.measuring) this.measurable = false; // asked to measure, the page was printed
  }

  /** A measured layout holds: it is printed next. */
  heldAsMeasured(): void {
    [this.measuring, this.confirmed] = [false, true];
  }

  /** The layout read moved; `guessed`: the next layout is the look-ahead's. */
  moved(printed: boolean, guessed: boolean): void {
    if (printed && this.confirmed) this.measurable = false;
    this.confirmed = false;
    this.measuring = this.measurable && this.measured < this.maxMeasures && !guessed;
  }
}
