import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { List, ListItem, ListItemIcon, Stack, Typography } from '@mui/material';
import type { ActivityAnomaly } from '@keydesk/domain';
import { Link, useLocaleState, useTranslate } from 'react-admin';

import { localDay, passwordActionsListPath } from './activity-period';
import { ReviewedMark } from './ActivityFields';
import { ActivityReviewButton } from './ActivityReviewButtons';

/** The entries behind a flag: the entry itself when there is one, else the agent's password actions that day. */
function entriesPath(anomaly: ActivityAnomaly): string {
  if (anomaly.entryIds.length === 1) return `/activity/${anomaly.entryIds[0]}/show`;
  const day = localDay(new Date(anomaly.hourStart ?? Date.now()));
  return passwordActionsListPath({ staffId: anomaly.staffId, from: day, to: day });
}

const AnomalyItem = ({ anomaly }: { anomaly: ActivityAnomaly }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const when = anomaly.hourStart
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(anomaly.hourStart))
    : '';
  const texts: Record<ActivityAnomaly['kind'], () => string> = {
    burst: () =>
      translate('keydesk.activity.anomalies.burst', {
        name: anomaly.staffName,
        count: anomaly.count ?? 0,
        time: when,
        threshold: anomaly.threshold ?? 0,
      }),
    recent_sign_in: () =>
      translate('keydesk.activity.anomalies.recent_sign_in', {
        name: anomaly.staffName,
        minutes: anomaly.minutesAfterSignIn ?? 0,
      }),
    reported_by_customer: () =>
      translate('keydesk.activity.anomalies.reported_by_customer', {
        name: anomaly.staffName,
        change: translate(`keydesk.activity.anomalies.changes.${anomaly.change ?? 'password'}`),
      }),
  };
  const text = texts[anomaly.kind]();
  return (
    <ListItem disableGutters alignItems="flex-start">
      <ListItemIcon sx={{ minWidth: 36, mt: 0.5 }}>
        <WarningAmberIcon color={anomaly.reviewed ? 'disabled' : 'warning'} />
      </ListItemIcon>
      <Stack spacing={0.5}>
        <Typography variant="body2">{text}</Typography>
        <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Link to={entriesPath(anomaly)} variant="body2">
            {translate('keydesk.activity.anomalies.see_entries', { smart_count: anomaly.entryIds.length })}
          </Link>
          {anomaly.kind !== 'burst' && anomaly.userId && (
            <Link to={`/users/${anomaly.userId}/show`} variant="body2">
              {translate('keydesk.activity.anomalies.open_user')}
            </Link>
          )}
          {anomaly.reviewed ? <ReviewedMark /> : <ActivityReviewButton entryIds={anomaly.entryIds} />}
        </Stack>
      </Stack>
    </ListItem>
  );
};

/** What deserves a second look in the period (OWASP: alert on unusual volumes and sequences). */
export const ActivityAnomaliesList = ({ anomalies }: { anomalies: ActivityAnomaly[] }) => {
  const translate = useTranslate();
  if (anomalies.length === 0)
    return <Typography variant="body2">{translate('keydesk.activity.anomalies.none')}</Typography>;
  return (
    <List dense disablePadding>
      {anomalies.map((anomaly) => (
        <AnomalyItem key={`${anomaly.kind}-${anomaly.entryIds[0]}`} anomaly={anomaly} />
      ))}
    </List>
  );
};
