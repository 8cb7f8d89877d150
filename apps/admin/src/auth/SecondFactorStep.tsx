import FingerprintIcon from '@mui/icons-material/Fingerprint';
import {
  Alert,
  Button,
  CardContent,
  CircularProgress,
  Divider,
  FormControlLabel,
  Switch,
  Typography,
} from '@mui/material';
import { ErrorCode, SecondFactorMethod } from '@keydesk/domain';
import { useId, useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import { Button as RaButton, Form, HttpError, TextInput, useLogin, useNotify, useTranslate } from 'react-admin';

import { cancelSignIn } from '../providers/auth-provider';
import { PasskeyCeremonyError } from '../providers/passkey-ceremony';
import { pendingSecondFactor, type PendingSecondFactor } from '../providers/pending-second-factor';

const PREFIX = 'keydesk.two_factor';

/**
 * The second step of signing in: a passkey, the code of the authenticator app, or a recovery code.
 * A wrong code is said under the input, in the api's words, and a passkey that did not work above
 * it; signing in then goes on as after a password.
 */
export const SecondFactorStep = ({ challenge }: { challenge: PendingSecondFactor }) => {
  const translate = useTranslate();
  const login = useLogin();
  const notify = useNotify();
  const headingId = useId();
  const canUseApp = challenge.methods.includes(SecondFactorMethod.Totp);
  const canUseRecovery = challenge.methods.includes(SecondFactorMethod.RecoveryCode);
  const canUsePasskey = challenge.methods.includes(SecondFactorMethod.Passkey);
  const [passkeyFailure, setPasskeyFailure] = useState<string | null>(null);
  const [method, setMethod] = useState<'totp' | 'recovery_code'>(
    canUseApp ? SecondFactorMethod.Totp : SecondFactorMethod.RecoveryCode,
  );
  const [loading, setLoading] = useState(false);
  const withApp = method === SecondFactorMethod.Totp;
  // One input per method, so switching never sends a code typed for the other.
  const source = withApp ? 'totpCode' : 'recoveryCode';

  const submit = async (values: FieldValues) => {
    const code = String(values[source] ?? '').trim();
    // Checked here rather than by the input: the other method's input, hidden, must not stop the form.
    if (!code) return { [source]: 'ra.validation.required' };
    setLoading(true);
    try {
      await login({ method, code });
    } catch (error) {
      if (error instanceof HttpError && error.body?.code === ErrorCode.SecondFactorInvalid) {
        return { [source]: error.message };
      }
      // Too many wrong codes end the half-signed session: the page is back at the password, saying why.
      if (pendingSecondFactor()) notify(error instanceof Error ? error.message : 'ra.notification.http_error');
    } finally {
      setLoading(false);
    }
  };

  const signInWithPasskey = async () => {
    setLoading(true);
    setPasskeyFailure(null);
    try {
      await login({ method: SecondFactorMethod.Passkey });
    } catch (error) {
      const invalid = error instanceof HttpError && error.body?.code === ErrorCode.SecondFactorInvalid;
      if (invalid || error instanceof PasskeyCeremonyError) setPasskeyFailure(error.message);
      else if (pendingSecondFactor()) notify(error instanceof Error ? error.message : 'ra.notification.http_error');
    } finally {
      setLoading(false);
    }
  };

  return (
    <Form onSubmit={submit} noValidate disableInvalidFormNotification>
      <CardContent component="section" aria-labelledby={headingId} sx={{ width: 300, pb: 2 }}>
        <Typography id={headingId} component="h2" variant="h6" gutterBottom>
          {translate(`${PREFIX}.title`)}
        </Typography>
        {canUsePasskey && (
          <>
            {passkeyFailure && (
              <Alert severity="error" sx={{ mb: 2 }}>
                {translate(passkeyFailure, { _: passkeyFailure })}
              </Alert>
            )}
            <Button
              variant="contained"
              onClick={signInWithPasskey}
              disabled={loading}
              startIcon={<FingerprintIcon />}
              fullWidth
              sx={{ mb: 2 }}
            >
              {translate('keydesk.passkeys.use')}
            </Button>
            <Divider sx={{ mb: 1 }}>{translate('keydesk.passkeys.or')}</Divider>
          </>
        )}
        <TextInput
          key={source}
          autoFocus={!canUsePasskey}
          source={source}
          label={`${PREFIX}.${withApp ? 'totp_label' : 'recovery_label'}`}
          helperText={`${PREFIX}.${withApp ? 'totp_help' : 'recovery_help'}`}
          isRequired
          autoComplete={withApp ? 'one-time-code' : 'off'}
          slotProps={{
            htmlInput: withApp
              ? { inputMode: 'numeric', pattern: '[0-9]*', maxLength: 6 }
              : { autoCapitalize: 'characters', spellCheck: false },
          }}
        />
        {canUseApp && canUseRecovery && (
          <FormControlLabel
            control={
              <Switch
                checked={!withApp}
                onChange={(event) =>
                  setMethod(event.target.checked ? SecondFactorMethod.RecoveryCode : SecondFactorMethod.Totp)
                }
              />
            }
            label={translate(`${PREFIX}.use_recovery_code`)}
          />
        )}
        <Button
          variant={canUsePasskey ? 'outlined' : 'contained'}
          type="submit"
          color="primary"
          disabled={loading}
          fullWidth
          sx={{ mt: 2 }}
        >
          {loading ? <CircularProgress size={19} thickness={3} sx={{ m: 0.3 }} /> : translate(`${PREFIX}.verify`)}
        </Button>
        <RaButton label="ra.action.cancel" onClick={() => cancelSignIn()} fullWidth sx={{ mt: 1 }} />
      </CardContent>
    </Form>
  );
};
