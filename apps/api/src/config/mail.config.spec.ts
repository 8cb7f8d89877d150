import { describe, expect, it } from 'vitest';

import { ConfigErrors, InvalidConfigError } from './config-errors';
import { readMailConfig } from './mail.config';

function read(env: Record<string, string>, production = false) {
  const errors = new ConfigErrors();
  const config = readMailConfig(env, errors, production);
  try {
    errors.throwIfAny();
    return { config, problems: [] };
  } catch (error) {
    return { config, problems: (error as InvalidConfigError).problems };
  }
}

describe('readMailConfig', () => {
  it('keeps mail in the development mailbox with no configuration', () => {
    expect(read({})).toEqual({
      config: { smtpUrl: null, from: 'Keydesk <no-reply@localhost>', workerIntervalMs: 2000 },
      problems: [],
    });
  });

  it('takes an smtp:// or smtps:// server, a From and an interval', () => {
    const env = {
      SMTP_URL: 'smtps://keydesk:pw@mail.example.com:465',
      MAIL_FROM: 'Soporte ACME <soporte@acme.mx>',
      MAIL_WORKER_INTERVAL_MS: '0',
    };
    expect(read(env).config).toEqual({
      smtpUrl: 'smtps://keydesk:pw@mail.example.com:465',
      from: 'Soporte ACME <soporte@acme.mx>',
      workerIntervalMs: 0,
    });
    expect(read({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'soporte@acme.mx' }).problems).toEqual([]);
  });

  it('names every wrong value at once, without echoing a password', () => {
    expect(
      read({
        SMTP_URL: 'http://keydesk:hunter2@mail.example.com',
        MAIL_FROM: 'Soporte\r\nBcc: x@y.z <a@b.c>',
        MAIL_WORKER_INTERVAL_MS: '-1',
      }).problems,
    ).toEqual([
      'SMTP_URL must be an smtp:// or smtps:// URL such as smtp://127.0.0.1:2525 (got "http://keydesk:***@mail.example.com")',
      'MAIL_FROM must be an address or "Name <address>", e.g. Soporte <soporte@example.com> (got "Soporte\r\nBcc: x@y.z <a@b.c>")',
      'MAIL_WORKER_INTERVAL_MS must be a whole number from 0 to 3600000 (got "-1")',
    ]);
    expect(read({ SMTP_URL: 'smtp://' }).problems).toHaveLength(1);
  });

  it('requires an SMTP server in production, where there is no development mailbox', () => {
    expect(read({}, true).problems).toEqual([
      'SMTP_URL is required when NODE_ENV=production, e.g. smtp://mail.example.com:587',
    ]);
    expect(read({ SMTP_URL: 'smtp://mail:25' }, true).problems).toEqual([]);
  });
});
