import BusinessIcon from '@mui/icons-material/Business';
import type { ClientResponse } from '@keydesk/domain';

import { ClientCreate } from './ClientCreate';
import { ClientEdit } from './ClientEdit';
import { ClientList } from './ClientList';
import { ClientShow } from './ClientShow';

/** Clients are closed, never deleted: their tickets and audit trail keep pointing at them. */
export default {
  list: ClientList,
  show: ClientShow,
  edit: ClientEdit,
  create: ClientCreate,
  icon: BusinessIcon,
  // Also what the ticket forms' client pickers show: the company and its RFC tell namesakes apart.
  recordRepresentation: (record: ClientResponse) => `${record.companyName} (${record.clientKey})`,
};
