import { ThemeProvider, type Theme } from '@mui/material/styles';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/**
 * react-admin shows unnamed spinners and bars while it loads (the app bar, reference fields, the
 * sign-in button); a screen reader then announces a progress bar without saying what it is. This
 * names every one of them "Loading" in the UI's language, unless the component names itself.
 */
export const ProgressLabels = ({ children }: { children: ReactNode }) => {
  const translate = useTranslate();
  const label = translate('ra.page.loading');
  const withLabels = (outer: Theme): Theme => ({
    ...outer,
    components: {
      ...outer.components,
      MuiCircularProgress: {
        ...outer.components?.MuiCircularProgress,
        defaultProps: { ...outer.components?.MuiCircularProgress?.defaultProps, 'aria-label': label },
      },
      MuiLinearProgress: {
        ...outer.components?.MuiLinearProgress,
        defaultProps: { ...outer.components?.MuiLinearProgress?.defaultProps, 'aria-label': label },
      },
    },
  });
  return <ThemeProvider theme={withLabels}>{children}</ThemeProvider>;
};
