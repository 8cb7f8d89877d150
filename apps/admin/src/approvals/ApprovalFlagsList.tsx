import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { List, ListItem, ListItemIcon, ListItemText, Typography } from '@mui/material';
import type { ApprovalFlag } from '@keydesk/domain';
import { useLocaleState, useTranslate } from 'react-admin';

import { exactDateTime } from '../common/RelativeDateField';

const PREFIX = 'keydesk.approvals.flags';

/** What the decider should weigh: the user's or the requester's recent history, as the api found it. */
export const ApprovalFlagsList = ({ flags }: { flags: readonly ApprovalFlag[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (flags.length === 0) return <Typography variant="body2">{translate(`${PREFIX}.none`)}</Typography>;
  return (
    <List dense disablePadding>
      {flags.map((flag) => {
        const args = {
          count: flag.count ?? 0,
          smart_count: flag.count ?? 0,
          limit: flag.limit ?? 0,
          at: flag.at ? exactDateTime(new Date(flag.at), locale) : '',
        };
        // A flag the api learnt before this screen did still says something.
        const text = translate(`${PREFIX}.${flag.kind}`, {
          ...args,
          _: translate(`${PREFIX}.unknown`, { kind: flag.kind }),
        });
        return (
          <ListItem key={flag.kind} disableGutters>
            <ListItemIcon sx={{ minWidth: 36 }}>
              <WarningAmberIcon color="warning" />
            </ListItemIcon>
            <ListItemText primary={text} />
          </ListItem>
        );
      })}
    </List>
  );
};
