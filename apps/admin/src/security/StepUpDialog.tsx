import FingerprintIcon from '@mui/icons-material/Fingerprint';
import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import {
  Alert,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Divider,
  FormControlLabel,
  LinearProgress,
  Stack,
  Switch,
} from '@mui/material';
import { SecondFactorMethod, type TwoFactorStatus } from '@keydesk/domain';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, useSyncExternalStore } from 'react';
import type { FieldValues } from 'react-hook-form';
import {
  Button,
  Form,
  HttpError,
  PasswordInput,
  SaveButton,
  TextInput,
  useDataProvider,
  useTranslate,
} from 'react-admin';

import type { KeydeskDataProvider } from '../providers/data-provider';
import type { StepUpProof } from '../providers/security-provider';
import { onStepUp, pendingStepUp } from '../providers/step-up';

const PREFIX = 'keydesk.step_up';
type CodeMethod = 'totp' | 'recovery_code' | 'password';

/** The typed way to prove it: the app's code where there is one, else a recovery code, else the password. */
function typedMethod(status: TwoFactorStatus): CodeMethod {
  if (status.totp.enabled) return SecondFactorMethod.Totp;
  if (status.passkeys.length > 0 || status.recoveryCodes.remaining > 0) return SecondFactorMethod.RecoveryCode;
  return 'password';
}

const INPUT = {
  totp: { label: 'keydesk.two_factor.totp_label', help: 'keydesk.two_factor.totp_help' },
  recovery_code: { label: 'keydesk.two_factor.recovery_label', help: 'keydesk.two_factor.recovery_help' },
  password: { label: 'ra.auth.password', help: `${PREFIX}.password_help` },
} as const;

const StepUpForm = ({ status, onProved }: { status: TwoFactorStatus; onProved: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const [method, setMethod] = useState<CodeMethod>(() => typedMethod(status));
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const canSwitch = status.totp.enabled && status.recoveryCodes.remaining > 0;

  const prove = async (proof: StepUpProof): Promise<FieldValues | undefined> => {
    setBusy(true);
    setFailure(null);
    try {
      await dataProvider.stepUp(proof);
      onProved();
    } catch (error) {
      const message = error instanceof Error ? translate(error.message, { _: error.message }) : String(error);
      // A wrong code or password belongs under its input; a failed ceremony or anything else above.
      const invalid = error instanceof HttpError && error.status === 401;
      if (invalid && proof.method !== 'passkey') return { [proof.method]: message };
      setFailure(message);
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  const submit = (values: FieldValues) => {
    const value = String(values[method] ?? '');
    if (!value.trim()) return { [method]: 'ra.validation.required' };
    return prove(method === 'password' ? { method, password: value } : { method, code: value.trim() });
  };

  const input = INPUT[method];
  return (
    <Stack spacing={2}>
      {failure && <Alert severity="error">{failure}</Alert>}
      {status.passkeys.length > 0 && (
        <>
          <Button
            label={`${PREFIX}.use_passkey`}
            onClick={() => prove({ method: SecondFactorMethod.Passkey })}
            disabled={busy}
            variant="contained"
            size="large"
          >
            <FingerprintIcon />
          </Button>
          <Divider>{translate(`${PREFIX}.or`)}</Divider>
        </>
      )}
      <Form record={{}} onSubmit={submit} noValidate disableInvalidFormNotification>
        {method === 'password' ? (
          <PasswordInput
            source="password"
            label={input.label}
            helperText={input.help}
            autoComplete="current-password"
          />
        ) : (
          <TextInput
            key={method}
            source={method}
            label={input.label}
            helperText={input.help}
            isRequired
            autoComplete={method === 'totp' ? 'one-time-code' : 'off'}
            slotProps={{
              htmlInput:
                method === 'totp'
                  ? { inputMode: 'numeric', pattern: '[0-9]*', maxLength: 6 }
                  : { autoCapitalize: 'characters', spellCheck: false },
            }}
          />
        )}
        {canSwitch && (
          <FormControlLabel
            control={
              <Switch
                checked={method === SecondFactorMethod.RecoveryCode}
                onChange={(event) =>
                  setMethod(event.target.checked ? SecondFactorMethod.RecoveryCode : SecondFactorMethod.Totp)
                }
              />
            }
            label={translate('keydesk.two_factor.use_recovery_code')}
          />
        )}
        <SaveButton
          label={`${PREFIX}.confirm`}
          icon={<VerifiedUserIcon />}
          alwaysEnable={!busy}
          disabled={busy}
          sx={{ mt: 1 }}
        />
      </Form>
    </Stack>
  );
};

/**
 * One dialog for the whole app: a sensitive call refused with STEP_UP_REQUIRED waits (see the http
 * client) while this asks for a factor; proving it sends the call again, cancelling fails it with
 * the api's words. The dialog that made the call stays open underneath, with what was typed.
 */
export const StepUpDialog = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const titleId = useId();
  const helpId = useId();
  const pending = useSyncExternalStore(onStepUp, pendingStepUp);
  const { data, error } = useQuery({
    queryKey: ['keydesk', 'two-factor'],
    queryFn: () => dataProvider.getTwoFactorStatus(),
    enabled: pending !== null,
  });
  const status = data?.totp ? data : undefined;

  return (
    <Dialog open={pending !== null} aria-labelledby={titleId} aria-describedby={helpId} fullWidth maxWidth="xs">
      <DialogTitle id={titleId}>{translate(`${PREFIX}.title`)}</DialogTitle>
      <DialogContent>
        <DialogContentText id={helpId} sx={{ mb: 2 }}>
          {translate(`${PREFIX}.help`)}
        </DialogContentText>
        {error ? (
          <Alert severity="error">{translate('keydesk.security.load_failed')}</Alert>
        ) : status && pending ? (
          <StepUpForm status={status} onProved={pending.proved} />
        ) : (
          <LinearProgress />
        )}
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={() => pending?.cancelled()} />
      </DialogActions>
    </Dialog>
  );
};
