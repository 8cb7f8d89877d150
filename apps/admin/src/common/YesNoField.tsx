import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

interface YesNoFieldProps {
  source: string;
  /** Read by show layouts and tables for the field's label; the field renders none itself. */
  label?: string;
}

/**
 * A yes-or-no fact in words. react-admin's BooleanField draws only an icon, which screen readers
 * skip and which says less at a glance than "Yes" in a column of "No".
 */
export const YesNoField = ({ source }: YesNoFieldProps) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const value: unknown = record?.[source];
  if (typeof value !== 'boolean') return null;
  return (
    <Typography component="span" variant="body2">
      {translate(value ? 'ra.boolean.true' : 'ra.boolean.false')}
    </Typography>
  );
};
