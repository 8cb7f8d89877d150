import { Typography } from '@mui/material';
import type { UserMembershipResponse, UserResponse } from '@keydesk/domain';
import { DataTable, ListContextProvider, useList, useRecordContext, useTranslate } from 'react-admin';

import { ClientLink } from '../clients/ClientFields';
import { OwnerField } from '../client-users/ClientUserFields';
import { Section } from '../common/Section';
import { MembershipPermissionsField } from './UserFields';

type MembershipRow = UserMembershipResponse & { id: number };

const CompanyCell = (row: MembershipRow) => <ClientLink clientId={row.clientId}>{row.companyName}</ClientLink>;

const NoMemberships = () => {
  const translate = useTranslate();
  return <Typography variant="body2">{translate('keydesk.users.no_memberships')}</Typography>;
};

/**
 * Every client this person signs in to, with the user name and rights they have in each: one
 * login may serve several companies, and a password change affects all of them.
 */
export const UserMembershipsSection = () => {
  const user = useRecordContext<UserResponse>();
  const listContext = useList<MembershipRow>({
    data: (user?.clients ?? []).map((membership) => ({ id: membership.clientId, ...membership })),
  });
  return (
    <Section title="keydesk.users.memberships">
      <ListContextProvider value={listContext}>
        <DataTable<MembershipRow> bulkActionButtons={false} storeKey="users.memberships" empty={<NoMemberships />}>
          <DataTable.Col label="keydesk.users.membership.company" disableSort render={CompanyCell} />
          <DataTable.Col label="keydesk.users.membership.client_key" source="clientKey" disableSort />
          <DataTable.Col label="keydesk.users.membership.username" source="username" disableSort />
          <DataTable.Col label="keydesk.users.membership.owner" disableSort>
            <OwnerField />
          </DataTable.Col>
          <DataTable.Col label="keydesk.users.membership.permissions" disableSort>
            <MembershipPermissionsField />
          </DataTable.Col>
        </DataTable>
      </ListContextProvider>
    </Section>
  );
};
