import { Stack } from '@mui/material';
import type { ContactResponse } from '@keydesk/domain';
import { BooleanInput, email, required, TextInput } from 'react-admin';

export type ContactForm = Pick<ContactResponse, 'firstName' | 'lastName' | 'email' | 'receivesSecurityEmails'>;

export const NEW_CONTACT: ContactForm = { firstName: '', lastName: '', email: '', receivesSecurityEmails: false };

/** Only what POST and PUT /api/clients/:id/contacts accept; the api refuses unknown fields. */
export function toContactBody(values: ContactForm): ContactForm {
  return {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    email: values.email.trim(),
    receivesSecurityEmails: values.receivesSecurityEmails,
  };
}

/** The inputs of a contact, shared by the add and edit dialogs. */
export const ContactInputs = () => (
  <>
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ sm: 2 }} sx={{ width: '100%' }}>
      <TextInput source="firstName" autoComplete="off" validate={required()} autoFocus />
      <TextInput source="lastName" autoComplete="off" validate={required()} />
    </Stack>
    <TextInput source="email" type="email" autoComplete="off" validate={[required(), email()]} />
    {/* These addresses receive password resets and rescue codes: worth saying before ticking it. */}
    <BooleanInput source="receivesSecurityEmails" helperText="keydesk.contacts.security_emails_help" />
  </>
);
