import SupportAgentIcon from '@mui/icons-material/SupportAgent';
import type { StaffResponse } from '@keydesk/domain';

import { StaffCreate } from './StaffCreate';
import { StaffEdit } from './StaffEdit';
import { StaffList } from './StaffList';

/** Staff members are never deleted, only disabled, so their history keeps a name: no show, no delete. */
export default {
  list: StaffList,
  edit: StaffEdit,
  create: StaffCreate,
  icon: SupportAgentIcon,
  recordRepresentation: (record: StaffResponse) => `${record.displayName} (${record.username})`,
};
