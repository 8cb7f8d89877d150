import { Stack } from '@mui/material';
import { Title } from 'react-admin';

import { HealthCard } from './HealthCard';
import { WelcomeCard } from './WelcomeCard';

/** The first page after signing in: who you are, what you may do, and whether Keydesk is well. */
export const Dashboard = () => (
  <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mt: 2, alignItems: 'flex-start' }}>
    <Title title="ra.page.dashboard" />
    <WelcomeCard />
    <HealthCard />
  </Stack>
);
