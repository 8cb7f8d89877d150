import type { UserResponse, UserSignInResponse } from '@keydesk/domain';
import { DataTable, Pagination, ReferenceManyField, useRecordContext } from 'react-admin';

import { RelativeDateField } from '../common/RelativeDateField';
import { Section } from '../common/Section';
import { SignInResultField } from './UserFields';

/**
 * The user's recent sign-in attempts to the client area, newest first, so an agent can see a
 * caller's failed tries (or someone else's) before resetting anything.
 */
export const UserSignInsSection = () => {
  const user = useRecordContext<UserResponse>();
  // Sign-ins name the client by id; the user's memberships say which company that is.
  const companyOf = (clientId: number | null) =>
    user?.clients.find((membership) => membership.clientId === clientId)?.companyName ?? '';
  return (
    <Section title="keydesk.users.sign_ins">
      <ReferenceManyField
        reference="user-sign-ins"
        target="userId"
        perPage={25}
        pagination={<Pagination rowsPerPageOptions={[25, 50]} />}
        empty="keydesk.users.no_sign_ins"
      >
        <DataTable<UserSignInResponse> bulkActionButtons={false}>
          <DataTable.Col source="occurredAt" disableSort>
            <RelativeDateField source="occurredAt" emptyText="keydesk.users.never" />
          </DataTable.Col>
          <DataTable.Col source="succeeded" disableSort>
            <SignInResultField />
          </DataTable.Col>
          <DataTable.Col source="ip" disableSort />
          <DataTable.Col source="clientId" disableSort render={(signIn) => companyOf(signIn.clientId)} />
        </DataTable>
      </ReferenceManyField>
    </Section>
  );
};
