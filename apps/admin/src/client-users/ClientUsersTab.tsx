import { Typography } from '@mui/material';
import { Permission } from '@keydesk/domain';
import { DataTable, ReferenceManyField, useTranslate } from 'react-admin';

import { RelativeDateField } from '../common/RelativeDateField';
import { Section, type TabContentProps } from '../common/Section';
import { useHasPermission } from '../common/useHasPermission';
import { CallerVerificationCell } from '../verification/CallerVerificationCell';
import { useCanVerifyCallers } from '../verification/useCanVerifyCallers';
import { AssociateUserButton } from './AssociateUserButton';
import { ClientUserActions } from './ClientUserActions';
import { NameEmailField, OwnerField, TwoFactorMethodsField } from './ClientUserFields';

const NoUsers = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" sx={{ py: 2 }}>
      {translate('keydesk.client_users.empty')}
    </Typography>
  );
};

/**
 * The people who sign in to this client's area: step 3 of the support procedure, where the agent
 * finds the caller and opens Manage user. Without users.manage it is read-only: no associating or
 * removing, though Manage user still opens the user's page to look.
 */
export const ClientUsersTab = (_props: TabContentProps) => {
  const canManage = useHasPermission(Permission.UsersManage);
  const canVerify = useCanVerifyCallers();
  return (
    // A client has a handful of users; one page shows them all, owner first as the api sends them.
    <ReferenceManyField reference="client-users" target="clientId" perPage={100}>
      <Section title="keydesk.client_users.title" actions={canManage && <AssociateUserButton />}>
        <DataTable bulkActionButtons={false} empty={<NoUsers />}>
          <DataTable.Col source="name" disableSort>
            <NameEmailField />
          </DataTable.Col>
          <DataTable.Col source="username" disableSort />
          <DataTable.Col source="owner" disableSort>
            <OwnerField />
          </DataTable.Col>
          <DataTable.Col source="twoFactorMethods" disableSort>
            <TwoFactorMethodsField />
          </DataTable.Col>
          <DataTable.Col source="lastLoginAt" disableSort>
            <RelativeDateField source="lastLoginAt" emptyText="keydesk.client_users.never_signed_in" />
          </DataTable.Col>
          {canVerify && (
            <DataTable.Col source="caller" disableSort>
              <CallerVerificationCell />
            </DataTable.Col>
          )}
          <DataTable.Col label="resources.client-users.fields.actions" disableSort>
            <ClientUserActions canManage={canManage} />
          </DataTable.Col>
        </DataTable>
      </Section>
    </ReferenceManyField>
  );
};
