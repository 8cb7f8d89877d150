import { Create, SimpleForm } from 'react-admin';

import { ClientInputs, toClientBody } from './ClientInputs';

// Most of Keydesk's clients are Mexican companies that write in Spanish.
const DEFAULTS = { country: 'MX', language: 'es', status: 'active', phone: '' };

export const ClientCreate = () => (
  <Create transform={toClientBody} redirect="show">
    <SimpleForm defaultValues={DEFAULTS} sx={{ maxWidth: 640 }}>
      <ClientInputs />
    </SimpleForm>
  </Create>
);
