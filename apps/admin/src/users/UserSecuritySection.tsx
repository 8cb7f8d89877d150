import { Stack, Typography } from '@mui/material';
import type { UserResponse } from '@keydesk/domain';
import type { ReactNode } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';

import { RelativeDate } from '../common/RelativeDateField';
import { Section } from '../common/Section';
import { YesNoField } from '../common/YesNoField';

const Fact = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={0.25}>
      <Typography variant="body2" color="text.secondary">
        {translate(label)}
      </Typography>
      {children}
    </Stack>
  );
};

/**
 * The facts an agent checks before touching a password: when the user last got in and from
 * where, when the password last changed, and whether the next sign-in must set a new one.
 */
export const UserSecuritySection = () => {
  const user = useRecordContext<UserResponse>();
  const translate = useTranslate();
  if (!user) return null;
  return (
    <Section title="keydesk.users.security">
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={{ xs: 2, md: 6 }}>
        <Fact label="resources.users.fields.lastLoginAt">
          <Typography variant="body2" component="span">
            <RelativeDate value={user.lastLoginAt} emptyText="keydesk.users.never" />
            {user.lastLoginIp && ` · ${translate('keydesk.users.from_ip', { ip: user.lastLoginIp })}`}
          </Typography>
        </Fact>
        <Fact label="resources.users.fields.passwordChangedAt">
          <RelativeDate value={user.passwordChangedAt} emptyText="keydesk.users.never" />
        </Fact>
        <Fact label="resources.users.fields.mustChangePassword">
          <YesNoField source="mustChangePassword" />
        </Fact>
      </Stack>
    </Section>
  );
};
