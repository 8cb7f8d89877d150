import AutorenewIcon from '@mui/icons-material/Autorenew';
import { Box, LinearProgress, Stack } from '@mui/material';
import {
  checkPassword,
  generatePassword,
  passwordStrength,
  type PasswordContext,
  type PasswordScore,
} from '@keydesk/domain';
import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { Button, PasswordInput, required, useTranslate, type Validator } from 'react-admin';

import { useSessionSettings } from '../common/useSessionSettings';

const METER_COLOR: Record<PasswordScore, 'error' | 'warning' | 'info' | 'success'> = {
  0: 'error',
  1: 'warning',
  2: 'info',
  3: 'success',
  4: 'success',
};

/** Who the password is for, from the form being filled in (a new staff member) or from `known`. */
function contextOf(values: Record<string, unknown>, known: PasswordContext = {}): PasswordContext {
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  return {
    username: text(values.username),
    email: text(values.email),
    name: text(values.displayName),
    ...known,
  };
}

const randomBytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));

// Long enough to read out in groups, and never shorter than a configured minimum.
const GENERATED_LENGTH = 20;

/**
 * A new password, checked while it is typed with the same policy the api applies, so a refusal
 * is explained before the form is sent. The api checks again; this only saves a round trip.
 */
export const PasswordPolicyInput = ({ known, autoFocus }: { known?: PasswordContext; autoFocus?: boolean }) => {
  const translate = useTranslate();
  const { setValue } = useFormContext();
  const values = useWatch() as Record<string, unknown>;
  // Remounting the input after generating one makes it visible, so it can be read out.
  const [generation, setGeneration] = useState(0);
  // The api's configured minimum (PASSWORD_MIN_LENGTH), which may differ from the policy's default.
  const policy = { minLength: useSessionSettings().passwordMinLength };

  const password = typeof values.password === 'string' ? values.password : '';
  const context = contextOf(values, known);
  const check = checkPassword(password, context, policy);
  const strength = passwordStrength(password, context, policy);
  const args = { min: check.minLength, max: check.maxLength, length: check.length };
  const description = translate(`keydesk.password.reasons.${strength.reason}`, args);

  const validatePolicy: Validator = (value, allValues) => {
    const result = checkPassword(typeof value === 'string' ? value : '', contextOf(allValues, known), policy);
    if (result.ok) return undefined;
    return {
      message: `keydesk.password.reasons.${result.reasons[0]}`,
      args: { min: result.minLength, max: result.maxLength, length: result.length },
    };
  };

  const generate = () => {
    const length = Math.max(GENERATED_LENGTH, policy.minLength);
    setValue('password', generatePassword(randomBytes, length), {
      shouldDirty: true,
      shouldTouch: true,
      shouldValidate: true,
    });
    setGeneration((count) => count + 1);
  };

  return (
    <Box sx={{ width: '100%' }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <PasswordInput
          key={generation}
          source="password"
          autoComplete="new-password"
          autoFocus={autoFocus}
          initiallyVisible={generation > 0}
          validate={[required(), validatePolicy]}
          helperText={description}
          sx={{ flex: 1 }}
        />
        <Button
          label="keydesk.password.generate"
          title={translate('keydesk.password.generate_help')}
          onClick={generate}
          sx={{ mt: 1.5 }}
        >
          <AutorenewIcon />
        </Button>
      </Stack>
      <LinearProgress
        variant="determinate"
        value={strength.score * 25}
        color={METER_COLOR[strength.score]}
        aria-label={translate('keydesk.password.strength')}
        aria-valuetext={description}
        sx={{ mb: 2, mt: 0.5, borderRadius: 1 }}
      />
    </Box>
  );
};
