import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

interface ChoiceChipProps {
  source: string;
  /** Translation prefix: the chip says `${prefix}.${value}`. */
  prefix: string;
  /** Values that deserve attention, by colour; any other value gets a neutral chip. */
  colors?: Readonly<Record<string, ChipProps['color']>>;
  /** Read by show layouts for the field's label; the chip itself renders none. */
  label?: string;
}

/**
 * A status, priority or other choice of the record as a small chip in the UI's language, so the
 * ones that need action stand out in a long list. The text always says it: colour only helps.
 */
export const ChoiceChip = ({ source, prefix, colors = {} }: ChoiceChipProps) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const value: unknown = record?.[source];
  if (typeof value !== 'string' || value === '') return null;
  return <Chip size="small" color={colors[value] ?? 'default'} label={translate(`${prefix}.${value}`, { _: value })} />;
};
