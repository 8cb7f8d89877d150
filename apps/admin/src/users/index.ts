import PersonIcon from '@mui/icons-material/Person';
import type { UserResponse } from '@keydesk/domain';

import { UserEdit } from './UserEdit';
import { UserShow } from './UserShow';

/**
 * The users who sign in to clients' areas. There is no list: agents reach a user from a client's
 * Users tab, as the support procedure does, and users are created by associating them there.
 */
export default {
  show: UserShow,
  edit: UserEdit,
  icon: PersonIcon,
  recordRepresentation: (record: UserResponse) => `${record.firstName} ${record.lastName} (${record.email})`,
};
