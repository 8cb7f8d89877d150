import { Divider, Stack } from '@mui/material';
import { Permission, type UserResponse } from '@keydesk/domain';
import { EditButton, EmailField, Labeled, Show, TextField, TopToolbar, useRecordContext } from 'react-admin';

import { RelativeDateField } from '../common/RelativeDateField';
import { Section } from '../common/Section';
import { useHasPermission } from '../common/useHasPermission';
import { CallerVerificationPanel } from '../verification/CallerVerificationPanel';
import { useCanVerifyCallers } from '../verification/useCanVerifyCallers';
import { userName } from './user-name';
import { UserLockChip, UserStatusField } from './UserFields';
import { UserLockAlert } from './UserLockAlert';
import { UserMembershipsSection } from './UserMembershipsSection';
import { UserRescueCodesSection } from './UserRescueCodesSection';
import { UserSecondFactorSection } from './UserSecondFactorSection';
import { UserSecuritySection } from './UserSecuritySection';
import { UserSignInsSection } from './UserSignInsSection';
import { UserTimelineSection } from './UserTimelineSection';

const UserShowActions = () => {
  const canManage = useHasPermission(Permission.UsersManage);
  return <TopToolbar>{canManage && <EditButton />}</TopToolbar>;
};

/** Whether the agent verified the caller as this user: a code to an address on file, read back. */
const UserCallerFact = () => {
  const user = useRecordContext<UserResponse>();
  const canVerify = useCanVerifyCallers();
  if (!user || !canVerify) return null;
  return (
    <Labeled label="keydesk.verification.caller">
      <CallerVerificationPanel userId={user.id} name={userName(user)} />
    </Labeled>
  );
};

/** Who the person is, on one line: the agent compares it with what the caller says, then verifies them. */
const UserProfileSection = () => (
  <Section title="keydesk.users.profile">
    <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <Labeled>
        <TextField source="firstName" />
      </Labeled>
      <Labeled>
        <TextField source="lastName" />
      </Labeled>
      <Labeled>
        <EmailField source="email" />
      </Labeled>
      <Labeled label="resources.users.fields.status">
        <Stack direction="row" spacing={1}>
          <UserStatusField />
          <UserLockChip />
        </Stack>
      </Labeled>
      <Labeled>
        <RelativeDateField source="createdAt" emptyText="keydesk.users.never" />
      </Labeled>
      <UserCallerFact />
    </Stack>
  </Section>
);

/**
 * Manage user: step 4 of the support procedure. A lock the customer asked for comes first, then
 * who the person is, the state of their access (Security, Second factor), the rescue codes they
 * asked for, the clients they belong to, how their recent sign-ins went and their whole timeline.
 */
export const UserShow = () => (
  <Show actions={<UserShowActions />}>
    <UserLockAlert />
    <Stack spacing={3} divider={<Divider flexItem />} sx={{ p: 2 }}>
      <UserProfileSection />
      <UserSecuritySection />
      <UserSecondFactorSection />
      <UserRescueCodesSection />
      <UserMembershipsSection />
      <UserSignInsSection />
      <UserTimelineSection />
    </Stack>
  </Show>
);
