import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import { Alert, DialogActions, DialogContent, DialogContentText } from '@mui/material';
import {
  CALLER_CODE,
  ErrorCode,
  type ApiErrorBody,
  type ConfirmedVerification,
  type StartedVerification,
} from '@keydesk/domain';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import {
  Button,
  Form,
  HttpError,
  regex,
  required,
  SaveButton,
  TextInput,
  useDataProvider,
  useLocaleState,
  useTranslate,
} from 'react-admin';

import { useSubmissionErrors } from '../common/useApiErrors';
import type { KeydeskDataProvider } from '../providers/data-provider';
import { shortTime } from './CallerVerificationChip';
import { useFinishVerification } from './useFinishVerification';

const PREFIX = 'keydesk.verification';
const CODE_PATTERN = new RegExp(`^\\d{${CALLER_CODE.digits}}$`);

interface CallerCodeStepProps {
  userId: number;
  started: StartedVerification;
  onNewCode: () => void;
  onClose: () => void;
  onVerified?: (verification: ConfirmedVerification) => void;
}

/**
 * The code the caller reads out. A wrong one stays under the input with the tries left; one that
 * no longer works (expired, used, out of tries) leaves only "Send a new code".
 */
export const CallerCodeStep = ({ userId, started, onNewCode, onClose, onVerified }: CallerCodeStepProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const submissionErrors = useSubmissionErrors();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const finish = useFinishVerification(onClose, onVerified);
  const [spent, setSpent] = useState<string | null>(null);
  const confirm = useMutation({
    mutationFn: (code: string) => dataProvider.confirmCallerVerification(userId, started.id, code),
  });

  const submit = async (values: FieldValues) => {
    try {
      await finish(await confirm.mutateAsync(String(values.code).trim()));
    } catch (error) {
      const body = error instanceof HttpError ? (error.body as Partial<ApiErrorBody> | undefined) : undefined;
      const code = body?.code;
      // The last wrong try spends the code: only a new one helps now.
      if (code === ErrorCode.VerificationCodeInvalid && body?.triesLeft === 0) {
        setSpent(translate(`${PREFIX}.no_tries_left`));
        return undefined;
      }
      if (code === ErrorCode.VerificationCodeInvalid) return { code: (error as HttpError).message };
      if (code === ErrorCode.VerificationNotActive) {
        setSpent((error as HttpError).message);
        return undefined;
      }
      return submissionErrors(error);
    }
  };

  const busy = confirm.isPending;
  return (
    <Form record={{}} defaultValues={{ code: '' }} onSubmit={submit} disableInvalidFormNotification>
      <DialogContent>
        {spent && (
          <Alert severity="warning" role="alert" sx={{ mb: 2 }}>
            {spent}
          </Alert>
        )}
        <DialogContentText sx={{ mb: 2 }}>
          {translate(`${PREFIX}.sent`, { to: started.sentTo, time: shortTime(started.expiresAt, locale) })}
        </DialogContentText>
        <TextInput
          source="code"
          label={`${PREFIX}.code`}
          helperText={translate(`${PREFIX}.code_help`, { digits: CALLER_CODE.digits })}
          validate={[
            required(),
            regex(CODE_PATTERN, translate(`${PREFIX}.code_format`, { digits: CALLER_CODE.digits })),
          ]}
          autoComplete="off"
          autoFocus
          disabled={spent !== null}
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: CALLER_CODE.digits } }}
        />
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} disabled={busy} />
        <Button
          label={`${PREFIX}.send_new`}
          onClick={onNewCode}
          disabled={busy}
          variant={spent ? 'contained' : 'text'}
        />
        <SaveButton
          label={`${PREFIX}.confirm`}
          icon={<VerifiedUserIcon />}
          disabled={busy || spent !== null}
          alwaysEnable={!busy && spent === null}
        />
      </DialogActions>
    </Form>
  );
};
