import PasswordIcon from '@mui/icons-material/Password';

import { PasswordActionsPage } from './PasswordActionsPage';

/**
 * The supervisors' dashboard, declared as a resource whose list is the page: that gives it an
 * address (/password-actions) and a menu entry beside the log without a router of its own.
 */
export default {
  list: PasswordActionsPage,
  icon: PasswordIcon,
};
