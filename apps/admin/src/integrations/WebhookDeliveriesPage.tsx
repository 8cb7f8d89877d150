import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Alert, Box, Button, Card, CardContent, LinearProgress, Stack, Typography } from '@mui/material';
import type { WebhookDeliveryResponse, WebhookResponse } from '@keydesk/domain';
import { Link as RouterLink, useParams } from 'react-router-dom';
import {
  DataTable,
  Pagination,
  RecordContextProvider,
  ReferenceManyField,
  Title,
  useGetList,
  useTranslate,
} from 'react-admin';

import { RelativeDate, RelativeDateField } from '../common/RelativeDateField';
import { Section } from '../common/Section';
import { DeliveryDetailsButton } from './DeliveryDetailsButton';
import { SendAgainButton } from './SendAgainButton';
import { WebhookDeliveryDetails } from './WebhookDeliveryDetails';
import { DeliveryAttemptsField, DeliveryEventField, DeliveryStatusField } from './WebhookDeliveryFields';
import { WebhookEvents } from './WebhookFields';

const PREFIX = 'keydesk.integrations.deliveries';
// The worker tries every 2 s: often enough to see a pending delivery land, only while one waits.
const POLL_MS = 3_000;

interface DeliveriesQuery {
  state: { data?: { data: WebhookDeliveryResponse[] } };
}
const whilePending = (query: DeliveriesQuery) =>
  query.state.data?.data.some((delivery) => delivery.status === 'pending') ? POLL_MS : false;

const BackToWebhooks = () => {
  const translate = useTranslate();
  return (
    <Box>
      <Button component={RouterLink} to="/integrations/webhooks" startIcon={<ArrowBackIcon />} size="small">
        {translate(`${PREFIX}.back`)}
      </Button>
    </Box>
  );
};

const Deliveries = () => {
  const translate = useTranslate();
  return (
    <ReferenceManyField<WebhookResponse, WebhookDeliveryResponse>
      reference="webhook-deliveries"
      target="webhookId"
      perPage={25}
      pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
      queryOptions={{ refetchInterval: whilePending }}
    >
      <DataTable<WebhookDeliveryResponse>
        rowClick={false}
        bulkActionButtons={false}
        expand={<WebhookDeliveryDetails />}
        // Its expand icons are hidden from screen readers and the keyboard: the Details button replaces them.
        sx={{ '& .RaDataTable-expandHeader, & .RaDataTable-expandIconCell': { display: 'none' } }}
        empty={<Typography variant="body2">{translate(`${PREFIX}.empty`)}</Typography>}
      >
        <DataTable.Col source="event" disableSort>
          <DeliveryEventField />
        </DataTable.Col>
        <DataTable.Col source="status" disableSort>
          <DeliveryStatusField />
        </DataTable.Col>
        <DataTable.Col source="createdAt" disableSort>
          <RelativeDateField source="createdAt" emptyText={`${PREFIX}.not_yet`} />
        </DataTable.Col>
        <DataTable.Col source="deliveredAt" disableSort>
          <RelativeDateField source="deliveredAt" emptyText={`${PREFIX}.not_yet`} />
        </DataTable.Col>
        <DataTable.Col source="attempts" disableSort>
          <DeliveryAttemptsField />
        </DataTable.Col>
        <DataTable.Col source="actions" disableSort>
          <Stack direction="row" spacing={1}>
            <DeliveryDetailsButton />
            <SendAgainButton />
          </Stack>
        </DataTable.Col>
      </DataTable>
    </ReferenceManyField>
  );
};

/** Integrations → Webhooks → one webhook: what was sent to it, each attempt, and "Send again". */
export const WebhookDeliveriesPage = () => {
  const { id } = useParams();
  const translate = useTranslate();
  // The api lists webhooks whole and has no page for one.
  const { data, isPending, error } = useGetList<WebhookResponse>('webhooks', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'id', order: 'DESC' },
  });
  const webhook = data?.find((candidate) => String(candidate.id) === id);

  if (isPending) return <LinearProgress sx={{ mt: 2 }} />;
  if (error || !webhook) {
    return (
      <Stack spacing={2} sx={{ mt: 2 }}>
        <Title title={`${PREFIX}.title_unknown`} />
        <Alert severity="error">{translate(`${PREFIX}.not_found`)}</Alert>
        <BackToWebhooks />
      </Stack>
    );
  }
  return (
    <RecordContextProvider value={webhook}>
      <Title title={translate(`${PREFIX}.title`, { url: webhook.url })} />
      <Stack spacing={2} sx={{ mt: 2 }}>
        <BackToWebhooks />
        <Card>
          <CardContent>
            <Stack spacing={1}>
              <Typography variant="body2" sx={{ wordBreak: 'break-all' }}>
                {`${translate('resources.webhooks.fields.url')}: ${webhook.url}`}
              </Typography>
              <Typography variant="body2">
                {`${translate('resources.webhooks.fields.createdBy')}: ${webhook.createdBy.name}, `}
                <RelativeDate value={webhook.createdAt} emptyText={`${PREFIX}.not_yet`} />
              </Typography>
              <WebhookEvents events={webhook.events} />
            </Stack>
          </CardContent>
        </Card>
        <Card>
          <CardContent>
            <Section title={`${PREFIX}.heading`}>
              <Deliveries />
            </Section>
          </CardContent>
        </Card>
      </Stack>
    </RecordContextProvider>
  );
};
