import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { List, ListItem, ListItemIcon, Stack, Typography } from '@mui/material';
import { AnomalyKind, PASSWORD_ACTIONS, type ActivityAnomaly } from '@keydesk/domain';
import { Link, useLocaleState, useTranslate, type TranslateFunction as Translate } from 'react-admin';

import { assuredActionKey } from '../i18n/choices';
import { localDay, passwordActionsListPath } from './activity-period';
import { ReviewedMark } from './ActivityFields';
import { ActivityReviewButton } from './ActivityReviewButtons';

/**
 * The entries behind a flag: the entry itself when there is one; the password actions on the user
 * for a user's day over the limit; else the agent's password actions that day.
 */
function entriesPath(anomaly: ActivityAnomaly): string {
  if (anomaly.entryIds.length === 1) return `/activity/${anomaly.entryIds[0]}/show`;
  if (anomaly.kind === AnomalyKind.UserPasswordActions && anomaly.userId) {
    const filter = { userId: anomaly.userId, action: PASSWORD_ACTIONS };
    return `/activity?filter=${encodeURIComponent(JSON.stringify(filter))}`;
  }
  const day = localDay(new Date(anomaly.hourStart ?? Date.now()));
  return passwordActionsListPath({ staffId: anomaly.staffId, from: day, to: day });
}

type AnomalyText = (anomaly: ActivityAnomaly, when: string, translate: Translate) => Record<string, unknown>;

// Keyed by string: a kind the api learns before this screen still shows, as `unknown`.
const TEXTS: Record<string, AnomalyText> = {
  burst: (anomaly, when) => ({
    name: anomaly.staffName,
    count: anomaly.count ?? 0,
    time: when,
    threshold: anomaly.threshold ?? 0,
  }),
  recent_sign_in: (anomaly) => ({ name: anomaly.staffName, minutes: anomaly.minutesAfterSignIn ?? 0 }),
  reported_by_customer: (anomaly, _when, translate) => ({
    name: anomaly.staffName,
    change: translate(`keydesk.activity.anomalies.changes.${anomaly.change ?? 'password'}`),
  }),
  user_password_actions: (anomaly, when) => ({
    user: anomaly.userId ?? '',
    name: anomaly.staffName,
    count: anomaly.count ?? anomaly.entryIds.length,
    time: when,
    threshold: anomaly.threshold ?? 0,
  }),
  approval_denied: (anomaly, _when, translate) => ({
    name: anomaly.staffName,
    action: anomaly.approvalAction
      ? translate(assuredActionKey(anomaly.approvalAction), { _: anomaly.approvalAction })
      : '',
  }),
};

const AnomalyItem = ({ anomaly }: { anomaly: ActivityAnomaly }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const when = anomaly.hourStart
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(anomaly.hourStart))
    : '';
  const args = TEXTS[anomaly.kind]?.(anomaly, when, translate);
  const text = args
    ? translate(`keydesk.activity.anomalies.${anomaly.kind}`, args)
    : translate('keydesk.activity.anomalies.unknown', { name: anomaly.staffName, kind: anomaly.kind });
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
