import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { Chip, Stack, Typography } from '@mui/material';
import { Permission, type ActivityListEntry } from '@keydesk/domain';
import type { MouseEvent } from 'react';
import { Link, useRecordContext, useTranslate } from 'react-admin';

import { useHasPermission } from '../common/useHasPermission';
import { useActivityActionLabel } from './ActivityActionField';

/** The fields take `label` only so that the table's header can read it; they render none. */
interface ActivityFieldProps {
  label?: string;
}

const stopPropagation = (event: MouseEvent) => event.stopPropagation();

/** The ticket an entry names in its details (a reset told on a ticket, a password sent through one). */
export function ticketOf(entry: ActivityListEntry): number | null {
  const ticketId = entry.subjectType === 'ticket' ? Number(entry.subjectId) : entry.details.ticketId;
  return typeof ticketId === 'number' && Number.isInteger(ticketId) && ticketId > 0 ? ticketId : null;
}

/** Where the screen about the entry's subject is, and the permission it needs; null when there is none. */
function subjectPath(entry: ActivityListEntry): { path: string; permission: Permission } | null {
  const { subjectType, subjectId, clientId } = entry;
  if (!subjectId) return null;
  const inClient = (tab: string) =>
    clientId ? { path: `/clients/${clientId}/show/${tab}`, permission: Permission.ClientsView } : null;
  switch (subjectType) {
    case 'client':
      return { path: `/clients/${subjectId}/show`, permission: Permission.ClientsView };
    case 'user':
      return { path: `/users/${subjectId}/show`, permission: Permission.ClientsView };
    case 'ticket':
      return { path: `/tickets/${subjectId}/show`, permission: Permission.TicketsView };
    case 'email':
      return { path: `/emails/${subjectId}/show`, permission: Permission.ClientsView };
    case 'contact':
      return inClient('contacts');
    case 'note':
      return inClient('notes');
    case 'staff':
      return { path: `/staff/${subjectId}`, permission: Permission.StaffManage };
    case 'role':
      return { path: `/roles/${subjectId}/show`, permission: Permission.StaffManage };
    default:
      return null;
  }
}

/** What the entry is about, as a link to its page (the Manage user page for a user) when the viewer may open it. */
export const ActivitySubjectLink = ({ entry }: { entry: ActivityListEntry }) => {
  const translate = useTranslate();
  const target = subjectPath(entry);
  const allowed = useHasPermission(target?.permission ?? Permission.ClientsView);
  // Some entries (a mail delivered to a user) name their subject by number only.
  const unnamed = entry.subjectId
    ? translate(`keydesk.activity.subject_types.${entry.subjectType}`, {
        id: entry.subjectId,
        _: `#${entry.subjectId}`,
      })
    : '';
  const name = entry.subjectName ?? unnamed;
  if (!target || !allowed)
    return (
      <Typography variant="body2" component="span">
        {name}
      </Typography>
    );
  return (
    <Link to={target.path} onClick={stopPropagation}>
      {name}
    </Link>
  );
};

/** The subject, and under it the ticket the entry concerns, for the list's "About" column. */
export const ActivitySubjectField = (_props: ActivityFieldProps) => {
  const entry = useRecordContext<ActivityListEntry>();
  const translate = useTranslate();
  const canSeeTickets = useHasPermission(Permission.TicketsView);
  if (!entry) return null;
  const ticketId = entry.subjectType === 'ticket' ? null : ticketOf(entry);
  return (
    <Stack spacing={0.25}>
      <ActivitySubjectLink entry={entry} />
      {ticketId !== null && canSeeTickets && (
        <Link to={`/tickets/${ticketId}/show`} onClick={stopPropagation} variant="body2">
          {translate('keydesk.activity.detail.ticket_link', { id: ticketId })}
        </Link>
      )}
    </Stack>
  );
};

/** Who did it; a customer is named as such, since most entries are by staff (and Keydesk's own say "Keydesk"). */
export const ActivityActorField = (_props: ActivityFieldProps) => {
  const entry = useRecordContext<ActivityListEntry>();
  const translate = useTranslate();
  if (!entry) return null;
  return (
    <Stack spacing={0.25}>
      <Typography variant="body2" component="span">
        {entry.actorName}
      </Typography>
      {entry.actorType === 'user' && (
        <Typography variant="body2" component="span" color="text.secondary">
          {translate(`keydesk.activity.actor_types.${entry.actorType}`)}
        </Typography>
      )}
    </Stack>
  );
};

/** "Reviewed", in words as well as colour. */
export const ReviewedMark = () => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color="success"
      variant="outlined"
      icon={<CheckCircleIcon />}
      label={translate('keydesk.activity.reviewed')}
    />
  );
};

/** What happened, as a link to the entry: the row opens it on a click, this on a keyboard or a screen reader too. */
export const ActivityActionLink = (_props: ActivityFieldProps) => {
  const entry = useRecordContext<ActivityListEntry>();
  const actionLabel = useActivityActionLabel();
  if (!entry) return null;
  return (
    <Link to={`/activity/${entry.id}/show`} onClick={stopPropagation}>
      {actionLabel(entry.action)}
    </Link>
  );
};

/** A mark on the entries a supervisor reviewed; the others stay blank so the mark stands out. */
export const ActivityReviewedField = (_props: ActivityFieldProps) => {
  const entry = useRecordContext<ActivityListEntry>();
  return entry?.reviewed ? <ReviewedMark /> : null;
};
