import { DataTable, Pagination, ReferenceManyField } from 'react-admin';

import { RelativeDateField } from '../common/RelativeDateField';
import { Section, type TabContentProps } from '../common/Section';
import { EmailStatusField } from '../emails/EmailFields';

/**
 * Every mail Keydesk sent to this client, newest first, with where its delivery stands. A row opens
 * the mail, its links, passwords and codes shown as "[redacted]".
 */
export const ClientEmailsTab = (_props: TabContentProps) => (
  <Section title="keydesk.client_emails.title">
    <ReferenceManyField
      reference="emails"
      target="clientId"
      sort={{ field: 'id', order: 'DESC' }}
      perPage={25}
      pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
      empty="keydesk.client_emails.empty"
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="createdAt" disableSort>
          <RelativeDateField source="createdAt" emptyText="keydesk.emails.unknown_date" />
        </DataTable.Col>
        <DataTable.Col source="to" disableSort />
        <DataTable.Col source="subject" disableSort />
        <DataTable.Col source="status" disableSort>
          <EmailStatusField />
        </DataTable.Col>
        <DataTable.Col source="attempts" disableSort />
      </DataTable>
    </ReferenceManyField>
  </Section>
);
