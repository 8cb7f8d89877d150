import { CardContent, Divider, Stack, Typography } from '@mui/material';
import { useId, useState } from 'react';
import { useLogin, useNotify, useTranslate } from 'react-admin';

import { cancelSignIn, SecondFactorPending } from '../providers/auth-provider';
import { PasskeyEnrolment } from '../security/PasskeyEnrolment';
import { TotpEnrolment } from '../security/TotpEnrolment';

const PREFIX = 'keydesk.two_factor';

/**
 * A sign-in the policy lets through only with a second factor, for someone who has none yet: a
 * passkey or the authenticator app is set up here, the recovery codes shown, and only then does
 * the app open. Once one of the two is under way, the other steps aside.
 */
export const EnrolmentStep = () => {
  const translate = useTranslate();
  const login = useLogin();
  const notify = useNotify();
  const headingId = useId();
  const [chosen, setChosen] = useState<'passkey' | 'app' | null>(null);

  // Registering the factor completed the sign-in on the api; login() picks up the session it made.
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
      <Stack spacing={2}>
        {chosen !== 'app' && (
          <>
            <Typography component="h3" variant="subtitle1">
              {translate('keydesk.passkeys.add')}
            </Typography>
            <PasskeyEnrolment doneLabel={`${PREFIX}.continue`} onAdded={() => setChosen('passkey')} onDone={enter} />
          </>
        )}
        {chosen === null && <Divider>{translate('keydesk.passkeys.or')}</Divider>}
        {chosen !== 'passkey' && (
          <TotpEnrolment
            doneLabel={`${PREFIX}.continue`}
            onDone={enter}
            onStarted={() => setChosen('app')}
            onCancel={() => cancelSignIn()}
          />
        )}
      </Stack>
    </CardContent>
  );
};
