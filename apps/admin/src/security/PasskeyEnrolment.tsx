import FingerprintIcon from '@mui/icons-material/Fingerprint';
import { Alert, Box, Stack, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import { Button, Form, maxLength, required, SaveButton, TextInput, useDataProvider, useTranslate } from 'react-admin';

import { useSubmissionErrors } from '../common/useApiErrors';
import { describeUserAgent } from '../common/user-agent';
import type { KeydeskDataProvider } from '../providers/data-provider';
import { PasskeyCeremonyError } from '../providers/passkey-ceremony';
import { RecoveryCodes } from './RecoveryCodes';

const PREFIX = 'keydesk.passkeys';

interface PasskeyEnrolmentProps {
  /** What the last button says once recovery codes are shown: "Done", "Continue"… */
  doneLabel: string;
  /** The passkey is registered and nothing is left on screen, or the staff member pressed doneLabel. */
  onDone: (name: string) => void;
  /** The passkey is registered; its recovery codes, if it was the first factor, are on screen. */
  onAdded?: () => void;
  onCancel?: () => void;
}

/**
 * Adding a passkey, on the Security page and at a sign-in that requires a factor: a name, the
 * browser's ceremony, then the recovery codes when it was the staff member's first factor. A
 * cancelled ceremony is said above the form, which keeps the name for another try.
 */
export const PasskeyEnrolment = ({ doneLabel, onDone, onAdded, onCancel }: PasskeyEnrolmentProps) => {
  const translate = useTranslate();
  const submissionErrors = useSubmissionErrors();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const [added, setAdded] = useState<{ name: string; codes: string[] } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const add = useMutation({ mutationFn: (name: string) => dataProvider.addPasskey(name) });

  const submit = async (values: FieldValues) => {
    const name = String(values.name).trim();
    setFailure(null);
    try {
      const answer = await add.mutateAsync(name);
      onAdded?.();
      if (answer.recoveryCodes) setAdded({ name, codes: answer.recoveryCodes });
      else onDone(name);
    } catch (error) {
      if (error instanceof PasskeyCeremonyError) {
        setFailure(error.message);
        return undefined;
      }
      return submissionErrors(error);
    }
  };

  if (added) {
    return (
      <Stack spacing={2}>
        <Typography component="h3" variant="subtitle1">
          {translate('keydesk.two_factor.codes_title')}
        </Typography>
        <RecoveryCodes codes={added.codes} />
        <Box>
          <Button label={doneLabel} onClick={() => onDone(added.name)} variant="contained" />
        </Box>
      </Stack>
    );
  }

  return (
    <Form
      record={{}}
      defaultValues={{ name: describeUserAgent(navigator.userAgent) ?? '' }}
      onSubmit={submit}
      noValidate
      disableInvalidFormNotification
    >
      <Stack spacing={1}>
        {failure && <Alert severity="error">{translate(failure)}</Alert>}
        <TextInput
          source="name"
          label={`${PREFIX}.name_label`}
          helperText={`${PREFIX}.name_help`}
          validate={[required(), maxLength(64)]}
          autoComplete="off"
        />
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <SaveButton
            label={`${PREFIX}.create`}
            icon={<FingerprintIcon />}
            alwaysEnable={!add.isPending}
            disabled={add.isPending}
          />
          {onCancel && <Button label="ra.action.cancel" onClick={onCancel} disabled={add.isPending} />}
        </Stack>
      </Stack>
    </Form>
  );
};
