/** Sequence numbers from fromSeq to toSeq, both included. */
export interface SeqRange {
  fromSeq: number;
  toSeq: number;
}

/** activity_reviewed_ranges as of one version of it; ranges null when there were more than a copy keeps. */
export interface VersionedRanges {
  version: number;
  ranges: SeqRange[] | null;
}

/**
 * This process's copy of the merged reviewed ranges, and the version of them it holds. Every page
 * of the log reads the ranges' version in its own statement, so the copy serves exactly the pages
 * read against the same ranges, from any api process, and a page read after a review, made by
 * this process or another, misses it and reloads (one load at a time, whoever asks meanwhile
 * waits for it). Reviews are rare beside pages: a page of entries spread over months (one agent's,
 * say) then needs no second statement for its reviewed flags, and the unfiltered log no walk over
 * the ranges for each entry.
 */
export class ReviewedRangesCopy {
  private held: VersionedRanges | null = null;
  private loading: Promise<VersionedRanges> | null = null;

  constructor(private readonly load: () => Promise<VersionedRanges>) {}

  /**
   * The ranges at `version`, or null when the copy cannot tell them: too many to keep, or the
   * ranges changed again between the page's statement and the load (the caller then asks the
   * database about the page's own entries).
   */
  async at(version: number): Promise<SeqRange[] | null> {
    if (this.held?.version !== version) {
      this.loading ??= this.load().finally(() => {
        this.loading = null;
      });
      this.held = await this.loading;
    }
    return this.held.version === version ? this.held.ranges : null;
  }
}
