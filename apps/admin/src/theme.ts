import { grey } from '@mui/material/colors';
import { defaultLightTheme, type RaThemeOptions } from 'react-admin';

/**
 * react-admin's light theme, with colours that meet WCAG AA's 4.5:1 for text: its defaults put
 * white on #2196f3 in the app bar (3.1:1), #1976d2 labels on grey inputs (4.0:1) and red delete
 * buttons on a grey[300] form toolbar (3.9:1). Warning and info, used by the ticket and client
 * status chips, are darkened for the same reason (white on MUI's #ed6c02 is 3.1:1).
 */
export const theme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    ...defaultLightTheme.palette,
    primary: { light: '#5e92f3', main: '#1565c0', dark: '#003c8f', contrastText: '#fff' },
    secondary: { light: '#5472d3', main: '#0d47a1', dark: '#002171', contrastText: '#fff' },
    error: { light: '#ef5350', main: '#c62828', dark: '#8e0000', contrastText: '#fff' },
    warning: { light: '#ff8a50', main: '#a84300', dark: '#7a2e00', contrastText: '#fff' },
    info: { light: '#4fc3f7', main: '#01579b', dark: '#002f6c', contrastText: '#fff' },
  },
  components: {
    ...defaultLightTheme.components,
    RaToolbar: { styleOverrides: { root: { backgroundColor: grey[100] } } },
  },
};
