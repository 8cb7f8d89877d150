import { Permission } from '@keydesk/domain';
import { EditButton, EmailField, Show, TabbedShowLayout, TextField } from 'react-admin';

import { ClientUsersTab } from '../client-users/ClientUsersTab';
import { RelativeDateField } from '../common/RelativeDateField';
import type { TabContentProps } from '../common/Section';
import { useHasPermission } from '../common/useHasPermission';
import { ClientContactsTab } from '../contacts/ClientContactsTab';
import { ClientNotesTab } from '../notes/ClientNotesTab';
import { ClientEmailsTab } from './ClientEmailsTab';
import { ClientStatusField, ContactNameField, CountryField, LanguageField } from './ClientFields';
import { ClientLogTab } from './ClientLogTab';
import { ClientSummaryTab } from './ClientSummaryTab';
import { ClientTicketsTab } from './ClientTicketsTab';
import { ClientTwoFactorRequirement } from './ClientTwoFactorRequirement';

/** A tab labels each child as a field; `label={false}` keeps the button's name from showing twice. */
const EditProfileButton = (_props: TabContentProps) => <EditButton label="keydesk.clients.edit_profile" />;

/**
 * The client's profile, laid out as the WHMCS one agents already know: Summary first, then one tab
 * per subject. Each tab has its own address (…/show/users), so an agent can share or bookmark it.
 */
export const ClientShow = () => {
  const canEdit = useHasPermission(Permission.ClientsEdit);
  const canSeeTickets = useHasPermission(Permission.TicketsView);
  return (
    <Show actions={false}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="keydesk.clients.tabs.summary">
          <ClientSummaryTab label={false} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="keydesk.clients.tabs.profile" path="profile">
          <TextField source="clientKey" />
          <TextField source="companyName" />
          <ContactNameField label="resources.clients.fields.contactName" />
          <EmailField source="email" />
          <TextField source="phone" emptyText="keydesk.clients.no_phone" />
          <CountryField label="resources.clients.fields.country" />
          <LanguageField label="resources.clients.fields.language" />
          <ClientStatusField label="resources.clients.fields.status" />
          <ClientTwoFactorRequirement label="resources.clients.fields.requireTwoFactor" />
          <RelativeDateField source="createdAt" emptyText="keydesk.clients.unknown_date" />
          {canEdit && <EditProfileButton label={false} />}
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="keydesk.clients.tabs.users" path="users">
          <ClientUsersTab label={false} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="keydesk.clients.tabs.contacts" path="contacts">
          <ClientContactsTab label={false} />
        </TabbedShowLayout.Tab>
        {canSeeTickets && (
          <TabbedShowLayout.Tab label="keydesk.clients.tabs.tickets" path="tickets">
            <ClientTicketsTab label={false} />
          </TabbedShowLayout.Tab>
        )}
        <TabbedShowLayout.Tab label="keydesk.clients.tabs.emails" path="emails">
          <ClientEmailsTab label={false} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="keydesk.clients.tabs.notes" path="notes">
          <ClientNotesTab label={false} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="keydesk.clients.tabs.log" path="log">
          <ClientLogTab label={false} />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
};
