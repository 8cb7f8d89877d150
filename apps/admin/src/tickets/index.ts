import ConfirmationNumberIcon from '@mui/icons-material/ConfirmationNumber';
import type { TicketResponse } from '@keydesk/domain';

import { TicketCreate } from './TicketCreate';
import { TicketList } from './TicketList';
import { TicketShow } from './TicketShow';

/**
 * The support queue. A ticket has no edit page: its status, priority, department and assignee
 * change beside its conversation, where the agent already is.
 */
export default {
  list: TicketList,
  show: TicketShow,
  create: TicketCreate,
  icon: ConfirmationNumberIcon,
  recordRepresentation: (record: TicketResponse) => `#${record.id} ${record.subject}`,
};
