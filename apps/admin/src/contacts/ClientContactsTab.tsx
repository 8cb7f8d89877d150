import AddIcon from '@mui/icons-material/Add';
import { Permission, type ClientResponse } from '@keydesk/domain';
import { useState } from 'react';
import { Button, DataTable, ReferenceManyField, useRecordContext } from 'react-admin';

import { Section, type TabContentProps } from '../common/Section';
import { useHasPermission } from '../common/useHasPermission';
import { YesNoField } from '../common/YesNoField';
import { ContactActions } from './ContactActions';
import { ContactDialog } from './ContactDialog';

/**
 * People at the client who are not users: whom to call, and who else receives the account's
 * security emails (password resets, rescue codes). Changing them needs clients.edit.
 */
export const ClientContactsTab = (_props: TabContentProps) => {
  const client = useRecordContext<ClientResponse>();
  const canEdit = useHasPermission(Permission.ClientsEdit);
  const [adding, setAdding] = useState(false);
  if (!client) return null;

  const addButton = canEdit && (
    <Button label="keydesk.contacts.add" variant="contained" onClick={() => setAdding(true)} aria-haspopup="dialog">
      <AddIcon />
    </Button>
  );
  return (
    <Section title="keydesk.contacts.title" actions={addButton}>
      <ReferenceManyField reference="client-contacts" target="clientId" perPage={100} empty="keydesk.contacts.empty">
        <DataTable bulkActionButtons={false}>
          <DataTable.Col source="firstName" disableSort />
          <DataTable.Col source="lastName" disableSort />
          <DataTable.Col source="email" disableSort />
          <DataTable.Col source="receivesSecurityEmails" disableSort>
            <YesNoField source="receivesSecurityEmails" />
          </DataTable.Col>
          {canEdit && (
            <DataTable.Col label="resources.client-contacts.fields.actions" disableSort>
              <ContactActions />
            </DataTable.Col>
          )}
        </DataTable>
      </ReferenceManyField>
      {adding && <ContactDialog clientId={client.id} onClose={() => setAdding(false)} />}
    </Section>
  );
};
