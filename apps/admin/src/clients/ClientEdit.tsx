import type { ClientResponse } from '@keydesk/domain';
import { Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';

import { ClientInputs, toClientBody } from './ClientInputs';

// Clients are closed, never deleted: their tickets and audit trail keep pointing at them.
const ClientEditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** Pessimistic, so the api's per-field refusals (a client key already taken) reach the form. */
export const ClientEdit = () => (
  <Edit<ClientResponse> mutationMode="pessimistic" transform={toClientBody} redirect="show">
    <SimpleForm toolbar={<ClientEditToolbar />} sx={{ maxWidth: 640 }}>
      <ClientInputs />
    </SimpleForm>
  </Edit>
);
