import MailIcon from '@mui/icons-material/Mail';
import type { EmailResponse } from '@keydesk/domain';

import { EmailShow } from './EmailShow';

/**
 * The mail Keydesk sent. There is no list of its own: agents reach a mail from the client's Emails
 * tab, where the customer's question ("I got nothing") leads them.
 */
export default {
  show: EmailShow,
  icon: MailIcon,
  recordRepresentation: (record: EmailResponse) => `${record.subject} (${record.to})`,
};
