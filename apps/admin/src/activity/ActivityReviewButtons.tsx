import DateRangeIcon from '@mui/icons-material/DateRange';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import { useState } from 'react';
import { Button, useListContext } from 'react-admin';

import { ActivityReviewDialog, localDateTime, type ReviewTarget } from './ActivityReviewDialog';

interface ReviewButtonProps {
  entryIds: string[];
  /** After the review is recorded. */
  onReviewed?: () => void;
  label?: string;
}

/** "Mark as reviewed" for some entries: one on its page, the selected ones in the list, an anomaly's. */
export const ActivityReviewButton = ({
  entryIds,
  onReviewed,
  label = 'keydesk.activity.review.button',
}: ReviewButtonProps) => {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button label={label} onClick={() => setOpen(true)} aria-haspopup="dialog" disabled={entryIds.length === 0}>
        <DoneAllIcon />
      </Button>
      {open && <ActivityReviewDialog target={{ entryIds }} onClose={() => setOpen(false)} onReviewed={onReviewed} />}
    </>
  );
};

/** The list's bulk action: the selected rows, then the selection is cleared. */
export const ActivityReviewBulkButton = () => {
  const { selectedIds, onUnselectItems } = useListContext();
  return <ActivityReviewButton entryIds={selectedIds.map(String)} onReviewed={() => onUnselectItems()} />;
};

/** The period the list is filtered to, or today so far. */
function suggestedPeriod(filter: Record<string, unknown>): ReviewTarget {
  const now = new Date();
  const from =
    typeof filter.from === 'string' && filter.from ? new Date(`${filter.from}T00:00:00`) : new Date(now.toDateString());
  let to = now;
  if (typeof filter.to === 'string' && filter.to) {
    to = new Date(`${filter.to}T00:00:00`);
    to.setDate(to.getDate() + 1);
  }
  // Rounded up to the minute the input shows, so what happened this minute is included.
  return { period: { from: localDateTime(from), to: localDateTime(to < now ? to : new Date(now.getTime() + 60_000)) } };
}

/** "Review a period": a day or a week checked as a whole, e.g. at the end of a shift. */
export const ActivityReviewPeriodButton = () => {
  const { filterValues } = useListContext();
  const [target, setTarget] = useState<ReviewTarget | null>(null);
  return (
    <>
      <Button
        label="keydesk.activity.review.period_button"
        onClick={() => setTarget(suggestedPeriod(filterValues))}
        aria-haspopup="dialog"
      >
        <DateRangeIcon />
      </Button>
      {target && <ActivityReviewDialog target={target} onClose={() => setTarget(null)} />}
    </>
  );
};
