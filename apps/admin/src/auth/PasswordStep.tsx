import { Button, CardContent, CircularProgress } from '@mui/material';
import { useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import { Form, PasswordInput, required, TextInput, useLogin, useNotify, useTranslate } from 'react-admin';

import { SecondFactorPending } from '../providers/auth-provider';

/**
 * react-admin's LoginForm, but one that knows a right password may not be the end: when the api
 * wants a second factor, the login page moves on to it instead of reporting a failure.
 */
export const PasswordStep = () => {
  const translate = useTranslate();
  const login = useLogin();
  const notify = useNotify();
  const [loading, setLoading] = useState(false);

  const submit = async (values: FieldValues) => {
    setLoading(true);
    try {
      await login({ username: values.username, password: values.password });
    } catch (error) {
      if (error instanceof SecondFactorPending) return;
      // The api's message is already in the UI's language and explains the 401 and both 429s.
      const message = error instanceof Error && error.message ? error.message : 'ra.auth.sign_in_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setLoading(false);
    }
  };

  return (
    <Form onSubmit={submit} mode="onChange" noValidate>
      <CardContent sx={{ width: 300, pb: 2 }}>
        <TextInput
          autoFocus
          source="username"
          label={translate('ra.auth.username')}
          autoComplete="username"
          validate={required()}
        />
        <PasswordInput
          source="password"
          label={translate('ra.auth.password')}
          autoComplete="current-password"
          validate={required()}
        />
        <Button variant="contained" type="submit" color="primary" disabled={loading} fullWidth sx={{ mt: 2 }}>
          {loading ? <CircularProgress size={19} thickness={3} sx={{ m: 0.3 }} /> : translate('ra.auth.sign_in')}
        </Button>
      </CardContent>
    </Form>
  );
};
