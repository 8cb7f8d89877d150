import { Alert, Box, Typography } from '@mui/material';
import { LocalesMenuButton, Login, LoginForm, useTranslate } from 'react-admin';

import { ProgressLabels } from '../layout/ProgressLabels';
import { sessionEndedReason } from '../providers/auth-provider';

/**
 * react-admin's login page with the product's name, what it is for, and the language switch:
 * someone who cannot read the browser's language must be able to change it before signing in.
 */
export const LoginPage = () => {
  const translate = useTranslate();
  const endedReason = sessionEndedReason();
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
          {endedReason && (
            <Alert severity="info" sx={{ mx: 2, mt: 2, maxWidth: 268 }}>
              {translate(endedReason, { _: endedReason })}
            </Alert>
          )}
          <LoginForm />
          <Box sx={{ display: 'flex', justifyContent: 'center', pb: 2 }}>
            <LocalesMenuButton />
          </Box>
        </Login>
      </Box>
    </ProgressLabels>
  );
};
