import SaveIcon from '@mui/icons-material/Save';
import { Alert, Card, CardContent, LinearProgress, Typography } from '@mui/material';
import type { AssurancePolicy } from '@keydesk/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FieldValues } from 'react-hook-form';
import { CheckboxGroupInput, Form, SaveButton, Title, useDataProvider, useNotify, useTranslate } from 'react-admin';

import { useSubmissionErrors } from '../common/useApiErrors';
import { CALLER_CHECKED_ACTION_CHOICES } from '../i18n/choices';
import { hasSession } from '../providers/auth-provider';
import type { KeydeskDataProvider } from '../providers/data-provider';

const PREFIX = 'keydesk.settings.assurance';
const QUERY_KEY = ['keydesk', 'assurance-policy'];

/**
 * Settings → Caller verification policy: which actions an agent takes only for a caller verified
 * with a code (or with a supervisor's approval). Saving asks for a recent factor.
 */
export const AssurancePolicyPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const submissionErrors = useSubmissionErrors();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const { data, error } = useQuery({ queryKey: QUERY_KEY, queryFn: () => dataProvider.getAssurancePolicy() });
  const save = useMutation({ mutationFn: (policy: AssurancePolicy) => dataProvider.saveAssurancePolicy(policy) });

  const submit = async (values: FieldValues) => {
    try {
      const saved = await save.mutateAsync({
        verifiedCallerFor: (values.verifiedCallerFor ?? []) as AssurancePolicy['verifiedCallerFor'],
      });
      // A 401 sent the administrator to the sign-in page instead: nothing was saved.
      if (!hasSession()) return;
      queryClient.setQueryData(QUERY_KEY, saved);
      notify(`${PREFIX}.saved`, { type: 'success' });
    } catch (failure) {
      return submissionErrors(failure);
    }
  };

  return (
    <Card sx={{ mt: 2, maxWidth: 760 }}>
      <Title title={`${PREFIX}.title`} />
      <CardContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate(`${PREFIX}.help`)}
        </Typography>
        {error ? (
          <Alert severity="error">{translate(`${PREFIX}.load_failed`)}</Alert>
        ) : !data ? (
          <LinearProgress />
        ) : (
          <Form record={data} onSubmit={submit}>
            <CheckboxGroupInput
              source="verifiedCallerFor"
              label={`${PREFIX}.actions`}
              helperText={`${PREFIX}.actions_help`}
              choices={CALLER_CHECKED_ACTION_CHOICES}
              row={false}
            />
            <SaveButton
              label="ra.action.save"
              icon={<SaveIcon />}
              disabled={save.isPending}
              alwaysEnable={!save.isPending}
            />
          </Form>
        )}
      </CardContent>
    </Card>
  );
};
