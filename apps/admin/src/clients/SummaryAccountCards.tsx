import { Card, CardContent, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import type { ClientSummaryResponse } from '@keydesk/domain';
import type { ReactNode } from 'react';
import { Link, RecordContextProvider, useTranslate } from 'react-admin';

import { Section } from '../common/Section';
import { ClientStatusField } from './ClientFields';
import { ClientTwoFactorText } from './ClientTwoFactorRequirement';

/** One block of the Summary tab: an outlined card under its own heading. */
export const SummaryCard = ({ title, children }: { title: string; children: ReactNode }) => (
  <Card variant="outlined" sx={{ height: '100%' }}>
    <CardContent>
      <Section title={title}>{children}</Section>
    </CardContent>
  </Card>
);

/** A label and its value on one line, as in a definition list. */
const Fact = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <Typography variant="body2" color="text.secondary">
        {translate(label)}
      </Typography>
      {typeof children === 'string' ? <Typography variant="body2">{children}</Typography> : children}
    </Stack>
  );
};

/**
 * Status, client key, whether users need a second factor, and owner: whether the caller's account
 * is usable, what signing in asks of them, and who may decide for it.
 */
export const SummaryAccountCard = ({ summary }: { summary: ClientSummaryResponse }) => {
  const translate = useTranslate();
  const { client, owner } = summary;
  return (
    <SummaryCard title="keydesk.client_summary.account">
      <Stack spacing={1}>
        <Fact label="resources.clients.fields.status">
          <RecordContextProvider value={client}>
            <ClientStatusField />
          </RecordContextProvider>
        </Fact>
        <Fact label="resources.clients.fields.clientKey">{client.clientKey}</Fact>
        <Fact label="resources.clients.fields.requireTwoFactor">
          <ClientTwoFactorText client={client} />
        </Fact>
        <Fact label="keydesk.client_summary.owner">
          {owner ? (
            <Link
              to={`/users/${owner.id}/show`}
              variant="body2"
            >{`${owner.firstName} ${owner.lastName} (${owner.email})`}</Link>
          ) : (
            <Typography variant="body2">{translate('keydesk.client_summary.no_owner')}</Typography>
          )}
        </Fact>
      </Stack>
    </SummaryCard>
  );
};

/** Where account and security emails go: the addresses a password reset may be sent to. */
export const SummaryAddressesCard = ({ addresses }: { addresses: readonly string[] }) => {
  const translate = useTranslate();
  return (
    <SummaryCard title="keydesk.client_summary.registered_addresses">
      <Typography variant="body2" color="text.secondary">
        {translate('keydesk.client_summary.registered_addresses_help')}
      </Typography>
      {addresses.length > 0 ? (
        <List dense disablePadding>
          {addresses.map((address) => (
            <ListItem key={address} disableGutters>
              <ListItemText primary={address} />
            </ListItem>
          ))}
        </List>
      ) : (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {translate('keydesk.client_summary.no_addresses')}
        </Typography>
      )}
    </SummaryCard>
  );
};
