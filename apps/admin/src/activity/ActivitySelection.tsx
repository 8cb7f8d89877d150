import { Checkbox } from '@mui/material';
import type { ActivityListEntry } from '@keydesk/domain';
import type { MouseEvent } from 'react';
import { useListContext, useRecordContext, useTranslate } from 'react-admin';

/*
 * The list's own selection checkboxes. react-admin's DataTable puts its "Select this row" label on
 * the checkbox's wrapper (a span) with MUI 7, which leaves the checkbox itself unnamed for screen
 * readers; these name the input, and each row's by the entry it selects.
 */

const stopPropagation = (event: MouseEvent) => event.stopPropagation();

/** In the header: selects, or clears, every entry of the page shown. */
export const ActivitySelectPage = () => {
  const { data = [], selectedIds, onSelect } = useListContext<ActivityListEntry>();
  const translate = useTranslate();
  const pageIds = data.map((entry) => entry.id);
  const selectedOnPage = pageIds.filter((id) => selectedIds.includes(id)).length;
  const all = pageIds.length > 0 && selectedOnPage === pageIds.length;
  const toggle = () =>
    onSelect(all ? selectedIds.filter((id) => !pageIds.includes(id)) : [...new Set([...selectedIds, ...pageIds])]);
  return (
    <Checkbox
      checked={all}
      indeterminate={selectedOnPage > 0 && !all}
      onChange={toggle}
      disabled={pageIds.length === 0}
      slotProps={{ input: { 'aria-label': translate('keydesk.activity.select_page') } }}
    />
  );
};

/** In each row; a click here selects the entry rather than opening it. */
export const ActivitySelectEntry = (_props: { label?: unknown }) => {
  const entry = useRecordContext<ActivityListEntry>();
  const { selectedIds, onToggleItem } = useListContext<ActivityListEntry>();
  const translate = useTranslate();
  if (!entry) return null;
  return (
    <Checkbox
      checked={selectedIds.includes(entry.id)}
      onClick={stopPropagation}
      onChange={() => onToggleItem(entry.id)}
      slotProps={{ input: { 'aria-label': translate('keydesk.activity.select_entry', { seq: entry.seq }) } }}
    />
  );
};
