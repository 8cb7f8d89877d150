import { Typography } from '@mui/material';
import type { ClientResponse } from '@keydesk/domain';
import type { MouseEvent, ReactNode } from 'react';
import { Link, useRecordContext, useTranslate } from 'react-admin';

import { ChoiceChip } from '../common/ChoiceChip';
import { useCountryName } from '../common/countries';

/** The fields take `label` only so that show layouts can read it; they render no label themselves. */
interface ClientFieldProps {
  label?: string;
}

// Inactive and closed clients stay neutral: only an active account is worth a colour.
const STATUS_COLORS = { active: 'success' } as const;

export const ClientStatusField = (_props: ClientFieldProps) => (
  <ChoiceChip source="status" prefix="keydesk.clients.status" colors={STATUS_COLORS} />
);

/** The client's contact person, first name then last name. */
export const ContactNameField = (_props: ClientFieldProps) => {
  const record = useRecordContext<ClientResponse>();
  if (!record) return null;
  return <Typography variant="body2">{`${record.firstName} ${record.lastName}`.trim()}</Typography>;
};

export const CountryField = (_props: ClientFieldProps) => {
  const record = useRecordContext<ClientResponse>();
  const countryName = useCountryName();
  if (!record) return null;
  return <Typography variant="body2">{countryName(record.country)}</Typography>;
};

export const LanguageField = (_props: ClientFieldProps) => {
  const record = useRecordContext<ClientResponse>();
  const translate = useTranslate();
  if (!record) return null;
  return <Typography variant="body2">{translate(`keydesk.languages.${record.language}`)}</Typography>;
};

// A link inside a clickable table row must not also trigger the row's own navigation.
const stopPropagation = (event: MouseEvent) => event.stopPropagation();

/** A link to a client's profile, from anywhere the client is mentioned (a ticket, a user). */
export const ClientLink = ({ clientId, children }: { clientId: number; children: ReactNode }) => (
  <Link to={`/clients/${clientId}/show`} onClick={stopPropagation}>
    {children}
  </Link>
);
