import { Alert, Box, Typography } from '@mui/material';
import { useSyncExternalStore } from 'react';
import { LocalesMenuButton, Login, useTranslate } from 'react-admin';

import { ProgressLabels } from '../layout/ProgressLabels';
import { sessionEndedReason } from '../providers/auth-provider';
import { onPendingSecondFactor, pendingSecondFactor } from '../providers/pending-second-factor';
import { EnrolmentStep } from './EnrolmentStep';
import { PasswordStep } from './PasswordStep';
import { SecondFactorStep } from './SecondFactorStep';

/**
 * react-admin's login page with the product's name, what it is for, and the language switch:
 * someone who cannot read the browser's language must be able to change it before signing in.
 * After the password comes the second factor, or its enrolment, when the api asks for one; a
 * reload meanwhile comes back here (checkAuth refuses a half-signed session) at the same step.
 */
export const LoginPage = () => {
  const translate = useTranslate();
  const challenge = useSyncExternalStore(onPendingSecondFactor, pendingSecondFactor);
  const endedReason = sessionEndedReason();
  const step = !challenge ? (
    <PasswordStep />
  ) : challenge.enrolmentRequired ? (
    <EnrolmentStep />
  ) : (
    <SecondFactorStep challenge={challenge} />
  );
  return (
    <ProgressLabels>
      <Box component="main">
        <Login>
          <Box sx={{ px: 2, textAlign: 'center' }}>
            <Typography component="h1" variant="h5">
              {translate('keydesk.app.name')}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1, maxWidth: 268, mx: 'auto' }}>
              {translate('keydesk.app.tagline')}
            </Typography>
          </Box>
          {endedReason && !challenge && (
            <Alert severity="info" sx={{ mx: 2, mt: 2, maxWidth: 268 }}>
              {translate(endedReason, { _: endedReason })}
            </Alert>
          )}
          {step}
          <Box sx={{ display: 'flex', justifyContent: 'center', pb: 2 }}>
            <LocalesMenuButton />
          </Box>
        </Login>
      </Box>
    </ProgressLabels>
  );
};
