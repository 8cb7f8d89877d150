import { Stack, Typography } from '@mui/material';
import type { WebhookResponse } from '@keydesk/domain';
import { DataTable, List, Title, TopToolbar, useTranslate } from 'react-admin';

import { RelativeDateField } from '../common/RelativeDateField';
import { WebhookCreateButton } from './WebhookCreateButton';
import { WebhookDeliveriesButton, WebhookEventsField, WebhookUrlField } from './WebhookFields';
import { WebhookRemoveButton } from './WebhookRemoveButton';

const PREFIX = 'keydesk.integrations.webhooks';

/** Integrations → Webhooks: every registered address (the api answers them all at once, newest first). */
export const WebhookList = () => {
  const translate = useTranslate();
  return (
    <>
      <Title title={`${PREFIX}.title`} />
      <Typography variant="body2" sx={{ mt: 2, maxWidth: 900 }}>
        {translate(`${PREFIX}.intro`)}
      </Typography>
      <List<WebhookResponse>
        resource="webhooks"
        title={false}
        sort={{ field: 'id', order: 'DESC' }}
        pagination={false}
        exporter={false}
        empty={false}
        actions={
          <TopToolbar>
            <WebhookCreateButton />
          </TopToolbar>
        }
      >
        <DataTable<WebhookResponse>
          rowClick={false}
          bulkActionButtons={false}
          empty={<Typography sx={{ p: 2 }}>{translate(`${PREFIX}.empty`)}</Typography>}
        >
          <DataTable.Col source="url" disableSort>
            <WebhookUrlField />
          </DataTable.Col>
          <DataTable.Col source="events" disableSort>
            <WebhookEventsField />
          </DataTable.Col>
          <DataTable.Col source="createdBy.name" label="resources.webhooks.fields.createdBy" disableSort />
          <DataTable.Col source="createdAt" disableSort>
            <RelativeDateField source="createdAt" emptyText={`${PREFIX}.unknown_time`} />
          </DataTable.Col>
          <DataTable.Col source="actions" disableSort>
            <Stack direction="row" spacing={1}>
              <WebhookDeliveriesButton />
              <WebhookRemoveButton />
            </Stack>
          </DataTable.Col>
        </DataTable>
      </List>
    </>
  );
};
