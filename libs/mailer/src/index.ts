import { resolve } from 'node:path';

export {
  MAIL_LOCALES,
  TemplateRenderer,
  type LayoutData,
  type MailLocale,
  type RenderedMail,
  type TemplateData,
} from './template-renderer';
export { SecretBox } from './secret-box';
export type { MailTransport, OutgoingMail } from './mail-transport';
export { SmtpTransport, type SmtpTransportOptions } from './smtp-transport';
export { REDACTED, redactedVariables, scrubSecrets } from './redaction';

/**
 * The templates shipped with this library. They sit beside `src/` and `dist/` rather than inside either,
 * so the same path holds under vitest (src/index.ts) and in the build (dist/index.js) without tsc copying them.
 */
export const TEMPLATES_DIR = resolve(__dirname, '..', 'templates');
