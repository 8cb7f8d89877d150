import { Alert, Box, Divider, LinearProgress, Stack, Typography } from '@mui/material';
import { Permission, type ActivityDetailResponse } from '@keydesk/domain';
import { Labeled, Link, Show, TopToolbar, useLocaleState, useRecordContext, useTranslate } from 'react-admin';

import { RelativeDate } from '../common/RelativeDateField';
import { Section } from '../common/Section';
import { useHasPermission } from '../common/useHasPermission';
import { useActivityActionLabel } from './ActivityActionField';
import { ActivityChangesTable } from './ActivityChangesTable';
import { ActivityReviewedField, ActivitySubjectLink, ticketOf } from './ActivityFields';
import { ActivityReviewButton } from './ActivityReviewButtons';
import { ActivityReviewsList } from './ActivityReviewsList';

const ActivityShowActions = () => {
  const entry = useRecordContext<ActivityDetailResponse>();
  return <TopToolbar>{entry && <ActivityReviewButton entryIds={[String(entry.id)]} />}</TopToolbar>;
};

/** "Activity entry #1234": the number is how people quote an entry, and what the integrity check names. */
const ActivityTitle = () => {
  const entry = useRecordContext<ActivityDetailResponse>();
  const translate = useTranslate();
  return <>{entry ? translate('keydesk.activity.detail.title', { seq: entry.seq }) : ''}</>;
};

/** What happened and to what: the subject, and the client and ticket it concerns. */
const ActivitySummary = ({ entry }: { entry: ActivityDetailResponse }) => {
  const translate = useTranslate();
  const actionLabel = useActivityActionLabel();
  const canSeeClients = useHasPermission(Permission.ClientsView);
  const canSeeTickets = useHasPermission(Permission.TicketsView);
  const ticketId = ticketOf(entry);
  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
        <Typography component="h2" variant="h6">
          {actionLabel(entry.action)}
        </Typography>
        <ActivityReviewedField />
      </Stack>
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled label="resources.activity.fields.subjectName">
          <ActivitySubjectLink entry={entry} />
        </Labeled>
        {entry.clientId !== null && canSeeClients && (
          <Labeled label="resources.activity.fields.clientId">
            <Link to={`/clients/${entry.clientId}/show/log`}>
              {translate('keydesk.activity.detail.client_link', { id: entry.clientId })}
            </Link>
          </Labeled>
        )}
        {ticketId !== null && canSeeTickets && (
          <Labeled label="keydesk.activity.detail.ticket">
            <Link to={`/tickets/${ticketId}/show`}>
              {translate('keydesk.activity.detail.ticket_link', { id: ticketId })}
            </Link>
          </Labeled>
        )}
        <Labeled label="keydesk.activity.detail.seq">
          <Typography variant="body2">{`#${entry.seq}`}</Typography>
        </Labeled>
      </Stack>
    </Box>
  );
};

/** Who, when and from where, exactly: what an investigation quotes. */
const ActivityRequestContext = ({ entry }: { entry: ActivityDetailResponse }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const exact = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'long' }).format(
    new Date(entry.occurredAt),
  );
  const unknown = translate('keydesk.activity.detail.unknown');
  return (
    <Section title="keydesk.activity.detail.context">
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled label="resources.activity.fields.occurredAt">
          <Stack>
            <Typography variant="body2">{exact}</Typography>
            <RelativeDate value={entry.occurredAt} emptyText="keydesk.activity.unknown_time" />
          </Stack>
        </Labeled>
        <Labeled label="resources.activity.fields.actorName">
          <Typography variant="body2">
            {`${entry.actorName} · ${translate(`keydesk.activity.actor_types.${entry.actorType}`)}`}
          </Typography>
        </Labeled>
        <Labeled label="resources.activity.fields.ip">
          <Typography variant="body2">{entry.ip ?? unknown}</Typography>
        </Labeled>
        <Labeled label="keydesk.activity.detail.user_agent">
          <Typography variant="body2" sx={{ wordBreak: 'break-word', maxWidth: 560 }}>
            {entry.userAgent ?? unknown}
          </Typography>
        </Labeled>
      </Stack>
    </Section>
  );
};

/** Everything the list does not carry: the request, the changes, the raw details, the reviews. */
const ActivityDetails = ({ entry }: { entry: ActivityDetailResponse }) => (
  <Stack spacing={3} divider={<Divider flexItem />}>
    <ActivityRequestContext entry={entry} />
    <Section title="keydesk.activity.detail.changes">
      <ActivityChangesTable entry={entry} />
    </Section>
    <Section title="keydesk.activity.detail.details">
      <Typography
        component="pre"
        variant="body2"
        sx={{ m: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: 'monospace' }}
      >
        {JSON.stringify(entry.details, null, 2)}
      </Typography>
    </Section>
    <Section title="keydesk.activity.detail.reviews">
      <ActivityReviewsList reviews={entry.reviews} />
    </Section>
  </Stack>
);

/** The customer said this change was not theirs: said first, with the way to the report. */
const ReportedByCustomer = ({ report }: { report: NonNullable<ActivityDetailResponse['reportedByCustomer']> }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(report.reportedAt),
  );
  return (
    <Alert severity="error">
      {translate('keydesk.activity.detail.reported_by_customer', { time: when })}{' '}
      <Link to={`/activity/${report.entryId}/show`}>{translate('keydesk.activity.detail.see_report')}</Link>
    </Alert>
  );
};

const ActivityLayout = () => {
  const entry = useRecordContext<ActivityDetailResponse>();
  if (!entry) return null;
  // Opened from the list, react-admin first shows the list's row, which has no changes, user agent or reviews.
  const complete = Array.isArray(entry.changes) && Array.isArray(entry.reviews);
  return (
    <Stack spacing={3} divider={<Divider flexItem />} sx={{ p: 2 }}>
      {entry.reportedByCustomer && <ReportedByCustomer report={entry.reportedByCustomer} />}
      <ActivitySummary entry={entry} />
      {complete ? <ActivityDetails entry={entry} /> : <LinearProgress />}
    </Stack>
  );
};

/** One entry of the log: what changed, the request it came from, and who reviewed it. */
export const ActivityShow = () => (
  <Show actions={<ActivityShowActions />} title={<ActivityTitle />}>
    <ActivityLayout />
  </Show>
);
