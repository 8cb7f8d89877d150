import { Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** One fact of Manage user's sections: its label over its value. */
export const Fact = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={0.25}>
      <Typography variant="body2" color="text.secondary">
        {translate(label)}
      </Typography>
      {children}
    </Stack>
  );
};
