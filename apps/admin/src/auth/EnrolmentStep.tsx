import { CardContent, Typography } from '@mui/material';
import { useId } from 'react';
import { useLogin, useNotify, useTranslate } from 'react-admin';

import { cancelSignIn, SecondFactorPending } from '../providers/auth-provider';
import { TotpEnrolment } from '../security/TotpEnrolment';

const PREFIX = 'keydesk.two_factor';

/**
 * A sign-in the policy lets through only with a second factor, for someone who has none yet: the
 * authenticator app is set up here, its recovery codes shown, and only then does the app open.
 */
export const EnrolmentStep = () => {
  const translate = useTranslate();
  const login = useLogin();
  const notify = useNotify();
  const headingId = useId();

  // Confirming the app completed the sign-in on the api; login() picks up the session it made.
  const enter = () =>
    login({ enrolled: true }).catch((error: unknown) => {
      if (!(error instanceof SecondFactorPending)) notify(error instanceof Error ? error.message : String(error));
    });

  return (
    <CardContent component="section" aria-labelledby={headingId} sx={{ width: 360, maxWidth: '100%', pb: 2 }}>
      <Typography id={headingId} component="h2" variant="h6" gutterBottom>
        {translate(`${PREFIX}.enrol_title`)}
      </Typography>
      <Typography variant="body2" sx={{ mb: 2 }}>
        {translate(`${PREFIX}.enrol_required`)}
      </Typography>
      <TotpEnrolment doneLabel={`${PREFIX}.continue`} onDone={enter} onCancel={() => cancelSignIn()} />
    </CardContent>
  );
};
