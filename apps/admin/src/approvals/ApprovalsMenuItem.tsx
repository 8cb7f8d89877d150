import { Badge, Box } from '@mui/material';
import { ApprovalState, Permission, type ApprovalResponse } from '@keydesk/domain';
import { Menu, useGetList, useGetResourceLabel, useTranslate } from 'react-admin';

import { useHasPermission } from '../common/useHasPermission';
import { visuallyHidden } from '../common/visually-hidden';

// Often enough that a request does not wait long for a supervisor, rarely enough to cost nothing.
const REFRESH_MS = 45_000;

/** "Approvals" in the menu; for those who decide, with how many requests wait (a count only: range [0,0]). */
export const ApprovalsMenuItem = () => {
  const translate = useTranslate();
  const resourceLabel = useGetResourceLabel();
  const canDecide = useHasPermission(Permission.ApprovalsDecide);
  const { total = 0 } = useGetList<ApprovalResponse>(
    'approvals',
    {
      filter: { state: ApprovalState.Pending },
      pagination: { page: 1, perPage: 1 },
      sort: { field: 'requestedAt', order: 'DESC' },
    },
    { enabled: canDecide, refetchInterval: REFRESH_MS },
  );
  const label = resourceLabel('approvals', 2);
  if (!canDecide || total === 0) return <Menu.ResourceItem name="approvals" />;
  return (
    <Menu.ResourceItem
      name="approvals"
      primaryText={
        <>
          {/* The number is said in words for screen readers; the badge is for the eye. */}
          <Badge badgeContent={total} color="error" max={99} slotProps={{ badge: { 'aria-hidden': true } }}>
            <Box component="span" sx={{ pr: 1.5 }}>
              {label}
            </Box>
          </Badge>
          <Box component="span" sx={visuallyHidden}>
            {translate('keydesk.approvals.menu_pending', { smart_count: total })}
          </Box>
        </>
      }
    />
  );
};
