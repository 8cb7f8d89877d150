import { Box, Stack, Typography } from '@mui/material';
import { useId, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/**
 * The props of a component placed directly in a show layout or a tab, which wraps each child in
 * a label; `label={false}` says this one is a whole section and needs none.
 */
export interface TabContentProps {
  label?: false;
}

interface SectionProps {
  /** Translation key of the heading. */
  title: string;
  /** Buttons shown beside the heading, such as "Add". */
  actions?: ReactNode;
  children: ReactNode;
}

/**
 * A part of a page under its own <h2>, named by it for screen readers' landmark navigation: the
 * profile's tabs and the Manage user page are long, and agents jump between their parts.
 */
export const Section = ({ title, actions, children }: SectionProps) => {
  const translate = useTranslate();
  const headingId = useId();
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ width: '100%' }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Typography id={headingId} component="h2" variant="h6">
          {translate(title)}
        </Typography>
        {actions}
      </Stack>
      {children}
    </Box>
  );
};
