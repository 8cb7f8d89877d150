import { List, ListItem, ListItemText, Typography } from '@mui/material';
import type { ActivityEntryResponse } from '@keydesk/domain';
import { useTranslate } from 'react-admin';

import { RelativeDate } from '../common/RelativeDateField';
import { useActivityActionLabel } from './ActivityActionField';

/** A few audit entries as short lines (what, about whom; who and when below), for the Summary. */
export const LatestActivityList = ({ entries }: { entries: readonly ActivityEntryResponse[] }) => {
  const translate = useTranslate();
  const actionLabel = useActivityActionLabel();
  if (entries.length === 0) {
    return <Typography variant="body2">{translate('keydesk.activity.empty')}</Typography>;
  }
  return (
    <List dense disablePadding>
      {entries.map((entry) => (
        <ListItem key={entry.id} disableGutters>
          <ListItemText
            primary={[actionLabel(entry.action), entry.subjectName].filter(Boolean).join(': ')}
            secondary={
              <>
                {`${entry.actorName} · `}
                <RelativeDate value={entry.occurredAt} emptyText="keydesk.activity.unknown_time" />
              </>
            }
          />
        </ListItem>
      ))}
    </List>
  );
};
