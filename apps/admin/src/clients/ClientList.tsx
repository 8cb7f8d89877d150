import type { ClientResponse } from '@keydesk/domain';
import { Alert } from '@mui/material';
import { DataTable, List, SearchInput, SelectInput, useListContext, useTranslate } from 'react-admin';

import { CLIENT_STATUS_CHOICES } from '../i18n/choices';
import { ClientLink, ClientStatusField, ContactNameField, CountryField } from './ClientFields';

// Wide enough for the placeholder, which tells what can be searched, to show whole.
const SEARCH_WIDTH = { minWidth: 440 };

const useClientFilters = () => {
  const translate = useTranslate();
  return [
    // One box for everything an agent may know: the api matches company, contact, any email
    // (the users' too), client key and phone, word by word, as they type.
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('keydesk.clients.search')} sx={SEARCH_WIDTH} />,
    <SelectInput key="status" source="status" choices={CLIENT_STATUS_CHOICES} alwaysOn />,
  ];
};

/** Shown when a very common word matched more clients than a search keeps. */
const SearchCappedNotice = () => {
  const { meta } = useListContext();
  const translate = useTranslate();
  if (!meta?.searchCapped) return null;
  return (
    <Alert severity="info" role="status" sx={{ mb: 1 }}>
      {translate('keydesk.clients.search_capped')}
    </Alert>
  );
};

const CompanyCell = (record: ClientResponse) => <ClientLink clientId={record.id}>{record.companyName}</ClientLink>;

export const ClientList = () => {
  const filters = useClientFilters();
  return (
    <List filters={filters} sort={{ field: 'companyName', order: 'ASC' }} perPage={25} exporter={false}>
      <SearchCappedNotice />
      <DataTable<ClientResponse> rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="clientKey" />
        {/* A real link as well as the row click, for keyboards and screen readers. */}
        <DataTable.Col source="companyName" render={CompanyCell} />
        <DataTable.Col source="lastName" label="resources.clients.fields.contactName">
          <ContactNameField />
        </DataTable.Col>
        <DataTable.Col source="email" />
        <DataTable.Col source="phone" disableSort />
        <DataTable.Col source="country">
          <CountryField />
        </DataTable.Col>
        <DataTable.Col source="status">
          <ClientStatusField />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
