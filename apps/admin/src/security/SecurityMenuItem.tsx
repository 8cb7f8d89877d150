import SecurityIcon from '@mui/icons-material/Security';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { useRedirect, useTranslate, useUserMenu } from 'react-admin';

/** "Security" in the user menu: My account's sign-in settings, open to every staff member. */
export const SecurityMenuItem = () => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const userMenu = useUserMenu();
  const open = () => {
    userMenu?.onClose();
    redirect('/security');
  };
  return (
    <MenuItem onClick={open}>
      <ListItemIcon>
        <SecurityIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('keydesk.security.title')}</ListItemText>
    </MenuItem>
  );
};
