import { Box, Tooltip, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';

import { visuallyHidden } from './visually-hidden';

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "3 days ago" in the UI's language, with the largest unit that fits. */
export function relativeTime(date: Date, now: Date, locale: string): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const [unit, size] = UNITS.find(([, unitSeconds]) => Math.abs(seconds) >= unitSeconds) ?? UNITS[UNITS.length - 1];
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(Math.round(seconds / size), unit);
}

/** "Tuesday, 8 December 2026, 11:41" in the UI's language and the browser's time zone. */
export function exactDateTime(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' }).format(date);
}

interface RelativeDateFieldProps {
  source: string;
  /** Translation key shown when there is no date. */
  emptyText: string;
  label?: string;
}

interface RelativeDateProps {
  value: string | null | undefined;
  /** Translation key shown when there is no date. */
  emptyText: string;
}

/**
 * A date as people speak of it ("yesterday"), with the exact date and time on hover, for when it
 * matters (a support case, an audit).
 */
export const RelativeDate = ({ value, emptyText }: RelativeDateProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (typeof value !== 'string' || value === '') {
    return (
      <Typography component="span" variant="body2">
        {translate(emptyText)}
      </Typography>
    );
  }
  const date = new Date(value);
  const exact = exactDateTime(date, locale);
  return (
    <Tooltip title={exact} describeChild>
      <Typography component="time" variant="body2" dateTime={date.toISOString()}>
        {relativeTime(date, new Date(), locale)}
        <Box component="span" sx={visuallyHidden}>
          {` (${exact})`}
        </Box>
      </Typography>
    </Tooltip>
  );
};

/** The record's date at `source`, as RelativeDate shows it. */
export const RelativeDateField = ({ source, emptyText }: RelativeDateFieldProps) => {
  const record = useRecordContext();
  const value: unknown = record?.[source];
  return <RelativeDate value={typeof value === 'string' ? value : null} emptyText={emptyText} />;
};
