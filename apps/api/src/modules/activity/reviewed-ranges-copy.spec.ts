import { describe, expect, it } from 'vitest';

import { ReviewedRangesCopy, VersionedRanges } from './reviewed-ranges-copy';

/** The ranges as a database holds them; a load reads them when it starts and may be held open, as a slow statement is. */
function rangesTable(initial: VersionedRanges) {
  const table = {
    current: initial,
    loads: 0,
    gate: null as Promise<void> | null,
    async load(): Promise<VersionedRanges> {
      table.loads += 1;
      const read = table.current;
      if (table.gate) await table.gate;
      return read;
    },
  };
  return table;
}

/** A gate for table.gate, and the function that opens it. */
function gate(): [Promise<void>, () => void] {
  let open!: () => void;
  const closed = new Promise<void>((resolve) => (open = resolve));
  return [closed, open];
}

describe('ReviewedRangesCopy', () => {
  it('loads the ranges once per version and serves every page read against that version', async () => {
    const table = rangesTable({ version: 1, ranges: [{ fromSeq: 3, toSeq: 5 }] });
    const copy = new ReviewedRangesCopy(() => table.load());
    expect(await copy.at(1)).toEqual([{ fromSeq: 3, toSeq: 5 }]);
    expect(await copy.at(1)).toEqual([{ fromSeq: 3, toSeq: 5 }]);
    expect(table.loads).toBe(1);

    // A review (here or in another process) moves the version: the next page reloads.
    table.current = { version: 2, ranges: [{ fromSeq: 3, toSeq: 9 }] };
    expect(await copy.at(2)).toEqual([{ fromSeq: 3, toSeq: 9 }]);
    expect(table.loads).toBe(2);
  });

  it('shares one load among the pages that ask while it runs', async () => {
    const table = rangesTable({ version: 7, ranges: [] });
    const copy = new ReviewedRangesCopy(() => table.load());
    const [closed, open] = gate();
    table.gate = closed;
    const pages = [copy.at(7), copy.at(7), copy.at(7)];
    open();
    expect(await Promise.all(pages)).toEqual([[], [], []]);
    expect(table.loads).toBe(1);
  });

  it('answers null to a page read after a review that the running load did not see, and the next page loads it', async () => {
    const table = rangesTable({ version: 1, ranges: [] });
    const copy = new ReviewedRangesCopy(() => table.load());
    const [closed, open] = gate();
    table.gate = closed;
    const before = copy.at(1);
    table.current = { version: 2, ranges: [{ fromSeq: 10, toSeq: 20 }] };
    const after = copy.at(2);
    open();
    expect(await before).toEqual([]);
    expect(await after).toBeNull();
    table.gate = null;
    expect(await copy.at(2)).toEqual([{ fromSeq: 10, toSeq: 20 }]);
    expect(table.loads).toBe(2);
  });

  it("answers null, never another version's ranges, when the ranges changed between the page and the load", async () => {
    const table = rangesTable({ version: 4, ranges: [{ fromSeq: 1, toSeq: 1 }] });
    const copy = new ReviewedRangesCopy(() => table.load());
    // The page was read at version 3; a review committed before the load started.
    expect(await copy.at(3)).toBeNull();
    // A page read at version 4 is served from that load without another.
    expect(await copy.at(4)).toEqual([{ fromSeq: 1, toSeq: 1 }]);
    expect(table.loads).toBe(1);
  });

  it('answers null while the ranges are more than a copy keeps, and keeps asking only when they change', async () => {
    const table = rangesTable({ version: 9, ranges: null });
    const copy = new ReviewedRangesCopy(() => table.load());
    expect(await copy.at(9)).toBeNull();
    expect(await copy.at(9)).toBeNull();
    expect(table.loads).toBe(1);
  });

  it('loads again after a failed load', async () => {
    let fail = true;
    const copy = new ReviewedRangesCopy(async () => {
      if (fail) throw new Error('database unavailable');
      return { version: 1, ranges: [] };
    });
    await expect(copy.at(1)).rejects.toThrow('database unavailable');
    fail = false;
    expect(await copy.at(1)).toEqual([]);
  });
});
