import { Alert, Card, CardContent, Divider, Stack, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Title, useDataProvider, useTranslate } from 'react-admin';

import { Section } from '../common/Section';
import type { ActivityPeriod } from '../providers/activity-provider';
import type { KeydeskDataProvider } from '../providers/data-provider';
import { browserTimeZone, daysOf, defaultDays, MAX_PERIOD_DAYS, periodOf } from './activity-period';
import { ActivityAnomaliesList } from './ActivityAnomaliesList';
import { ApprovalsPerAgentTable } from './ApprovalsPerAgentTable';
import { agentTotals, countsByDay } from './password-action-stats';
import { PasswordActionsAgentsTable } from './PasswordActionsAgentsTable';
import { PasswordActionsChart } from './PasswordActionsChart';

/** The password actions of the period, per agent and per day, and what looks unusual in them. */
const PasswordActionsReport = ({ period, from, to }: { period: ActivityPeriod; from: string; to: string }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  // Under 'activity', so that a review anywhere refreshes the marks here too.
  const stats = useQuery({
    queryKey: ['activity', 'password-stats', period],
    queryFn: () => dataProvider.getPasswordActionStats(period),
  });
  const anomalies = useQuery({
    queryKey: ['activity', 'anomalies', period],
    queryFn: () => dataProvider.getActivityAnomalies(period),
  });
  const agents = useMemo(() => agentTotals(stats.data ?? []), [stats.data]);
  const counts = useMemo(() => countsByDay(stats.data ?? []), [stats.data]);

  if (stats.error || anomalies.error) {
    return <Alert severity="error">{translate('keydesk.activity.password_actions.unavailable')}</Alert>;
  }
  return (
    <Stack spacing={3} divider={<Divider flexItem />}>
      <Section title="keydesk.activity.password_actions.chart_title">
        {stats.data && agents.length === 0 && (
          <Typography variant="body2">{translate('keydesk.activity.password_actions.none')}</Typography>
        )}
        {agents.length > 0 && (
          <Stack spacing={2}>
            <PasswordActionsChart days={daysOf(from, to)} agents={agents} counts={counts} />
            <PasswordActionsAgentsTable agents={agents} from={from} to={to} />
          </Stack>
        )}
      </Section>
      <Section title="keydesk.activity.approvals.title">
        <ApprovalsPerAgentTable period={period} />
      </Section>
      <Section title="keydesk.activity.anomalies.title">
        {anomalies.data && <ActivityAnomaliesList anomalies={anomalies.data} />}
      </Section>
    </Stack>
  );
};

/**
 * The supervisors' dashboard: how many password actions each agent did each day, and the bursts
 * and odd timings worth a look, each reviewable where it is shown.
 */
export const PasswordActionsPage = () => {
  const translate = useTranslate();
  const [days, setDays] = useState(defaultDays);
  const period = periodOf(days.from, days.to);
  const dateInput = (name: 'from' | 'to') => (
    <TextField
      type="date"
      size="small"
      label={translate(`keydesk.activity.password_actions.${name}`)}
      value={days[name]}
      onChange={(event) => setDays((current) => ({ ...current, [name]: event.target.value }))}
      slotProps={{ inputLabel: { shrink: true } }}
      sx={{ width: 190 }}
    />
  );
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="keydesk.activity.password_actions.title" />
      <CardContent>
        <Stack spacing={3}>
          <Stack
            component="fieldset"
            direction="row"
            spacing={2}
            useFlexGap
            sx={{ border: 0, p: 0, m: 0, alignItems: 'center', flexWrap: 'wrap' }}
          >
            <Typography component="legend" variant="body2" sx={{ mb: 1, width: '100%' }}>
              {translate('keydesk.activity.password_actions.period_help', {
                days: MAX_PERIOD_DAYS,
                zone: browserTimeZone(),
              })}
            </Typography>
            {dateInput('from')}
            {dateInput('to')}
          </Stack>
          {period ? (
            <PasswordActionsReport period={period} from={days.from} to={days.to} />
          ) : (
            <Alert severity="warning">
              {translate('keydesk.activity.password_actions.invalid_period', { days: MAX_PERIOD_DAYS })}
            </Alert>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};
