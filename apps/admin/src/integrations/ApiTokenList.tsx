import { Typography } from '@mui/material';
import type { ApiTokenResponse } from '@keydesk/domain';
import { DataTable, List, Title, TopToolbar, useTranslate } from 'react-admin';

import { RelativeDateField } from '../common/RelativeDateField';
import { ApiTokenCreateButton } from './ApiTokenCreateButton';
import { ApiTokenPermissionsField, ApiTokenPrefixField, ApiTokenStatusField } from './ApiTokenFields';
import { ApiTokenRevokeButton } from './ApiTokenRevokeButton';

const PREFIX = 'keydesk.integrations.api_tokens';

/**
 * Integrations → API tokens, newest first, with their last use. The api sorts by nothing else,
 * hence the columns without sorting.
 */
export const ApiTokenList = () => {
  const translate = useTranslate();
  return (
    <>
      <Title title={`${PREFIX}.title`} />
      <Typography variant="body2" sx={{ mt: 2, maxWidth: 900 }}>
        {translate(`${PREFIX}.intro`)}
      </Typography>
      <List<ApiTokenResponse>
        resource="api-tokens"
        title={false}
        sort={{ field: 'id', order: 'DESC' }}
        perPage={25}
        exporter={false}
        empty={false}
        actions={
          <TopToolbar>
            <ApiTokenCreateButton />
          </TopToolbar>
        }
      >
        <DataTable<ApiTokenResponse>
          rowClick={false}
          bulkActionButtons={false}
          empty={<Typography sx={{ p: 2 }}>{translate(`${PREFIX}.empty`)}</Typography>}
        >
          <DataTable.Col source="name" disableSort />
          <DataTable.Col source="prefix" disableSort>
            <ApiTokenPrefixField />
          </DataTable.Col>
          <DataTable.Col source="permissions" disableSort>
            <ApiTokenPermissionsField />
          </DataTable.Col>
          <DataTable.Col source="createdBy.name" label="resources.api-tokens.fields.createdBy" disableSort />
          <DataTable.Col source="createdAt" disableSort>
            <RelativeDateField source="createdAt" emptyText={`${PREFIX}.never_used`} />
          </DataTable.Col>
          <DataTable.Col source="expiresAt" disableSort>
            <RelativeDateField source="expiresAt" emptyText={`${PREFIX}.never_used`} />
          </DataTable.Col>
          <DataTable.Col source="lastUsedAt" disableSort>
            <RelativeDateField source="lastUsedAt" emptyText={`${PREFIX}.never_used`} />
          </DataTable.Col>
          <DataTable.Col source="status" disableSort>
            <ApiTokenStatusField />
          </DataTable.Col>
          <DataTable.Col source="actions" disableSort>
            <ApiTokenRevokeButton />
          </DataTable.Col>
        </DataTable>
      </List>
    </>
  );
};
