import { Stack } from '@mui/material';
import { isValidClientKey, normalizeRfc, type ClientResponse } from '@keydesk/domain';
import { email, RadioButtonGroupInput, required, SelectInput, TextInput, type Validator } from 'react-admin';

import { useCountryChoices } from '../common/countries';
import { CLIENT_STATUS_CHOICES, LANGUAGE_CHOICES } from '../i18n/choices';

const text = (value: string | undefined) => (value ?? '').trim();

/** Only what POST and PUT /api/clients accept; the api refuses unknown fields. */
export function toClientBody(values: Partial<ClientResponse>) {
  return {
    clientKey: normalizeRfc(values.clientKey ?? ''),
    companyName: text(values.companyName),
    firstName: text(values.firstName),
    lastName: text(values.lastName),
    email: text(values.email),
    phone: text(values.phone),
    country: values.country,
    language: values.language,
    status: values.status,
  };
}

/** The same rule as the api's, so a mistyped RFC is pointed out before the form is sent. */
const validateClientKey: Validator = (value, values) => {
  const country = typeof values.country === 'string' ? values.country : '';
  if (typeof value !== 'string' || value.trim() === '' || isValidClientKey(value, country)) return undefined;
  return country === 'MX' ? 'keydesk.clients.rfc_invalid' : 'keydesk.clients.client_key_invalid';
};

/** The inputs of a client, shared by Create and Edit. */
export const ClientInputs = () => {
  const countries = useCountryChoices();
  return (
    <>
      <SelectInput source="country" choices={countries} translateChoice={false} validate={required()} />
      <TextInput
        source="clientKey"
        autoComplete="off"
        validate={[required(), validateClientKey]}
        helperText="keydesk.clients.client_key_help"
      />
      <TextInput source="companyName" autoComplete="off" validate={required()} />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ sm: 2 }} sx={{ width: '100%' }}>
        <TextInput source="firstName" autoComplete="off" validate={required()} />
        <TextInput source="lastName" autoComplete="off" validate={required()} />
      </Stack>
      <TextInput source="email" type="email" autoComplete="off" validate={[required(), email()]} />
      <TextInput source="phone" type="tel" autoComplete="off" />
      <RadioButtonGroupInput
        source="language"
        choices={LANGUAGE_CHOICES}
        validate={required()}
        helperText="keydesk.clients.language_help"
      />
      <RadioButtonGroupInput source="status" choices={CLIENT_STATUS_CHOICES} validate={required()} />
    </>
  );
};
