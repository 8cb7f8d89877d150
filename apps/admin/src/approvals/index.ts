import FactCheckIcon from '@mui/icons-material/FactCheck';
import type { ApprovalResponse } from '@keydesk/domain';

import { ApprovalList } from './ApprovalList';
import { ApprovalShow } from './ApprovalShow';

/** Requests for an exception (no verified caller, past a limit, a staff member's factors): asked, then decided. */
export default {
  list: ApprovalList,
  show: ApprovalShow,
  icon: FactCheckIcon,
  recordRepresentation: (record: ApprovalResponse) => `#${record.id}`,
};
