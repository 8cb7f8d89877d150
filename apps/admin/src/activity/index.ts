import HistoryIcon from '@mui/icons-material/History';
import type { ActivityListEntry } from '@keydesk/domain';

import { ActivityList } from './ActivityList';
import { ActivityShow } from './ActivityShow';

/** The audit trail as supervisors read it: append-only, so a list and a detail, nothing to edit. */
export default {
  list: ActivityList,
  show: ActivityShow,
  icon: HistoryIcon,
  recordRepresentation: (record: ActivityListEntry) => `#${record.seq}`,
};
