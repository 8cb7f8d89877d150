import CheckIcon from '@mui/icons-material/Check';
import { Box, Stack, Typography } from '@mui/material';
import { ErrorCode, type TotpEnrolment as Enrolment } from '@keydesk/domain';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import { Button, Form, HttpError, required, SaveButton, TextInput, useDataProvider, useTranslate } from 'react-admin';

import { useNotifyError, useSubmissionErrors } from '../common/useApiErrors';
import type { KeydeskDataProvider } from '../providers/data-provider';
import { RecoveryCodes } from './RecoveryCodes';

const PREFIX = 'keydesk.two_factor';

interface TotpEnrolmentProps {
  /** What the last button says and does, once the recovery codes are shown: "Done", "Continue"… */
  doneLabel: string;
  onDone: () => void;
  /** The app is on and the recovery codes are on screen. */
  onConfirmed?: () => void;
  /** Offered until the app is confirmed; after that there is nothing left to cancel. */
  onCancel?: () => void;
  /** The secret is on screen: the enrolment is under way. */
  onStarted?: () => void;
}

/** The secret as an authenticator app's "enter a key" screen shows it: groups of four, easier to copy by eye. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/**
 * Turning the authenticator app on, on the Security page and at a sign-in that requires it: a new
 * secret as a QR code and as text, a code from the app to prove it has it, then the recovery codes, once.
 */
export const TotpEnrolment = ({ doneLabel, onDone, onConfirmed, onCancel, onStarted }: TotpEnrolmentProps) => {
  const translate = useTranslate();
  const notifyError = useNotifyError();
  const submissionErrors = useSubmissionErrors();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const start = useMutation({
    mutationFn: () => dataProvider.enrolTotp(),
    // An empty answer: a 401 sent the staff member to the sign-in page.
    onSuccess: (answer) => {
      if (!answer?.secret) return;
      setEnrolment(answer);
      onStarted?.();
    },
    onError: notifyError,
  });
  const confirm = useMutation({ mutationFn: (code: string) => dataProvider.confirmTotp(code) });

  const submit = async (values: FieldValues) => {
    try {
      const answer = await confirm.mutateAsync(String(values.code).trim());
      // An empty answer: a 401 sent the staff member to the sign-in page.
      if (!answer?.recoveryCodes) return;
      setCodes(answer.recoveryCodes);
      onConfirmed?.();
    } catch (error) {
      if (error instanceof HttpError && error.body?.code === ErrorCode.SecondFactorInvalid) {
        return { code: error.message };
      }
      return submissionErrors(error);
    }
  };

  if (codes) {
    return (
      <Stack spacing={2}>
        <Typography component="h3" variant="subtitle1">
          {translate(`${PREFIX}.codes_title`)}
        </Typography>
        <RecoveryCodes codes={codes} />
        <Box>
          <Button label={doneLabel} onClick={onDone} variant="contained" />
        </Box>
      </Stack>
    );
  }

  const cancel = onCancel && <Button label="ra.action.cancel" onClick={onCancel} disabled={confirm.isPending} />;
  if (!enrolment) {
    return (
      <Stack spacing={2}>
        <Typography variant="body2">{translate(`${PREFIX}.enrol_intro`)}</Typography>
        <Stack direction="row" spacing={1}>
          <Button
            label={`${PREFIX}.enrol_start`}
            onClick={() => start.mutate()}
            disabled={start.isPending}
            variant="contained"
          />
          {cancel}
        </Stack>
      </Stack>
    );
  }

  return (
    <Stack spacing={2}>
      <Typography variant="body2">{translate(`${PREFIX}.scan`)}</Typography>
      <Box
        component="img"
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`}
        alt={translate(`${PREFIX}.qr_alt`)}
        sx={{ width: 200, height: 200, bgcolor: 'common.white', p: 1 }}
      />
      <Typography variant="body2">{translate(`${PREFIX}.manual`)}</Typography>
      <Typography component="code" sx={{ fontFamily: 'monospace', fontSize: '1.1rem', wordBreak: 'break-all' }}>
        {grouped(enrolment.secret)}
      </Typography>
      <Form record={{}} defaultValues={{ code: '' }} onSubmit={submit} noValidate disableInvalidFormNotification>
        <TextInput
          source="code"
          label={`${PREFIX}.confirm_label`}
          helperText={`${PREFIX}.confirm_help`}
          validate={required()}
          autoComplete="one-time-code"
          slotProps={{ htmlInput: { inputMode: 'numeric', pattern: '[0-9]*', maxLength: 6 } }}
        />
        <Stack direction="row" spacing={1}>
          <SaveButton label={`${PREFIX}.confirm`} icon={<CheckIcon />} alwaysEnable={!confirm.isPending} />
          {cancel}
        </Stack>
      </Form>
    </Stack>
  );
};
