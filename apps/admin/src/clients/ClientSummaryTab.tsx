import { Alert, Grid, LinearProgress } from '@mui/material';
import type { ClientResponse } from '@keydesk/domain';
import { useQuery } from '@tanstack/react-query';
import { Button, useDataProvider, useRecordContext, useTranslate } from 'react-admin';

import { LatestActivityList } from '../activity/LatestActivityList';
import type { TabContentProps } from '../common/Section';
import type { KeydeskDataProvider } from '../providers/data-provider';
import { SummaryAccountCard, SummaryAddressesCard, SummaryCard } from './SummaryAccountCards';
import { SummaryOpenTicketsCard, SummaryStickyNotesCard } from './SummaryListCards';

/**
 * What an agent needs in the first seconds of a call, from one request: is the account active, who
 * owns it, where its security emails go, what is open, what colleagues pinned, what happened lately.
 */
export const ClientSummaryTab = (_props: TabContentProps) => {
  const client = useRecordContext<ClientResponse>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const id = client?.id;
  const { data, error, isPending, refetch } = useQuery({
    // Under the client's resource, so react-admin's refresh after any change reloads it too.
    queryKey: ['clients', 'getSummary', { id: String(id) }],
    queryFn: () => dataProvider.getClientSummary(id!),
    enabled: id !== undefined,
  });

  if (error) {
    return (
      <Alert severity="error" action={<Button label="keydesk.client_summary.retry" onClick={() => refetch()} />}>
        {translate('keydesk.client_summary.unavailable')}
      </Alert>
    );
  }
  if (isPending) return <LinearProgress sx={{ my: 2 }} />;

  return (
    <Grid container spacing={2} sx={{ width: '100%' }}>
      <Grid size={{ xs: 12, md: 6 }}>
        <SummaryAccountCard summary={data} />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <SummaryAddressesCard addresses={data.registeredAddresses} />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <SummaryOpenTicketsCard tickets={data.openTickets} />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <SummaryStickyNotesCard notes={data.stickyNotes} />
      </Grid>
      <Grid size={12}>
        <SummaryCard title="keydesk.client_summary.latest_activity">
          <LatestActivityList entries={data.latestActivity} />
        </SummaryCard>
      </Grid>
    </Grid>
  );
};
