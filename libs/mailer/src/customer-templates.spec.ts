import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { MAIL_LOCALES, REDACTED, redactedVariables, TEMPLATES_DIR, TemplateRenderer } from './index';

const layout = { productName: 'Keydesk', footer: 'Keydesk' };
const common = { displayName: 'Ana López', companyName: 'Papelería El Lápiz' };

/** Each customer message with the variables its README documents: `data` plain, `secrets` secret. */
const MESSAGES: Record<string, { data: Record<string, unknown>; secrets: Record<string, string> }> = {
  'password-reset-link': {
    data: { ...common, validMinutes: 60 },
    secrets: { resetUrl: 'https://support.example.test/account/password/reset/tok3n-S3CRET' },
  },
  'password-changed': {
    data: {
      ...common,
      changedAt: '14 de marzo de 2026, 10:30',
      loginUrl: 'https://support.example.test/account/login',
    },
    secrets: {},
  },
  'account-change': {
    data: {
      ...common,
      changedAt: '7 de diciembre de 2026, 10:30 (UTC)',
      how: 'un miembro de nuestro equipo de soporte, Luis Pérez',
      isEmail: true,
      oldEmail: 'ana@old.example.test',
      newEmail: 'ana@new.example.test',
      toOldAddress: true,
      reportDays: 7,
      loginUrl: 'https://support.example.test/account/login',
    },
    secrets: { reportUrl: 'https://support.example.test/account/report/r3port-S3CRET' },
  },
  'ticket-reply': {
    data: {
      ...common,
      ticketId: 42,
      ticketSubject: 'No puedo entrar',
      authorName: 'Paola',
      replyBody: 'Primera línea\nSegunda <línea>',
      accountUrl: 'https://support.example.test/account/login',
    },
    secrets: {},
  },
  'new-password': {
    data: {
      ...common,
      clientKey: 'PEL900101AB3',
      username: 'admin',
      ticketId: 42,
      validHours: 24,
      loginUrl: 'https://support.example.test/account/login',
    },
    secrets: { revealUrl: 'https://support.example.test/account/password/reveal/r3veal-S3CRET' },
  },
  'rescue-code': {
    data: {
      ...common,
      clientKey: 'PEL900101AB3',
      username: 'admin',
      validMinutes: 30,
      rescueUrl: 'https://support.example.test/account/rescue',
    },
    secrets: { code: '4F7K-9QXM' },
  },
  'account-security-change': {
    data: {
      ...common,
      userName: 'Mario Pérez',
      changedAt: '7 de diciembre de 2026, 10:30 (UTC)',
      what: 'Se agregó una aplicación de autenticación.',
      how: 'Mario Pérez, con su sesión en el área de clientes',
      sessionsEnded: false,
      reportDays: 7,
      loginUrl: 'https://support.example.test/account/login',
    },
    secrets: { reportUrl: 'https://support.example.test/account/report/r3port-S3CRET' },
  },
  'caller-verification': {
    data: { ...common, userName: 'Mario Pérez', agentName: 'Luis Pérez', validMinutes: 10 },
    secrets: { code: '482913' },
  },
  'rescue-password': {
    data: {
      ...common,
      clientKey: 'PEL900101AB3',
      username: 'admin',
      validHours: 24,
      loginUrl: 'https://support.example.test/account/login',
    },
    secrets: { password: 'caballo correcto batería grapa' },
  },
};

describe('the customer messages', () => {
  const renderer = new TemplateRenderer(TEMPLATES_DIR);

  it('are all shipped, in every locale, with a README naming each variable', () => {
    expect(renderer.messages()).toEqual(expect.arrayContaining(Object.keys(MESSAGES)));
    expect(() => renderer.checkComplete()).not.toThrow();
    for (const [message, { data, secrets }] of Object.entries(MESSAGES)) {
      const readme = readFileSync(join(TEMPLATES_DIR, message, 'README.md'), 'utf8');
      for (const name of [...Object.keys(data), ...Object.keys(secrets)])
        expect(readme, `${message}: ${name}`).toContain(`\`${name}\``);
      for (const name of Object.keys(secrets)) expect(readme).toMatch(new RegExp(`\`${name}\` \\| \\*\\*yes\\*\\*`));
    }
  });

  it.each(Object.keys(MESSAGES))('%s renders in Spanish and English, with every secret in place', (message) => {
    const { data, secrets } = MESSAGES[message];
    const rendered = MAIL_LOCALES.map((locale) => renderer.render(message, locale, { ...layout, ...data, ...secrets }));
    const [es, en] = rendered;

    expect(es.subject).not.toBe(en.subject);
    expect(es.text).toContain('Hola, Ana López:');
    expect(en.text).toContain('Hello Ana López,');
    for (const mail of rendered) {
      for (const secret of Object.values(secrets)) {
        expect(mail.text).toContain(secret);
        expect(mail.html).toContain(secret);
      }
      expect(mail.text).not.toMatch(/\n{3,}/);
    }
  });

  it.each(Object.keys(MESSAGES))(
    '%s shows "[redacted]" and nothing of the secrets when rendered without them',
    (message) => {
      const { data, secrets } = MESSAGES[message];
      for (const locale of MAIL_LOCALES) {
        const mail = renderer.render(message, locale, {
          ...layout,
          ...data,
          ...redactedVariables(Object.keys(secrets)),
        });
        for (const secret of Object.values(secrets)) expect(JSON.stringify(mail)).not.toContain(secret);
        if (Object.keys(secrets).length > 0) expect(mail.text).toContain(REDACTED);
      }
    },
  );

  it('new-password carries the password itself when there is no link', () => {
    const { data } = MESSAGES['new-password'];
    const mail = renderer.render('new-password', 'es', {
      ...layout,
      ...data,
      password: 'caballo correcto batería grapa',
    });

    expect(mail.text).toContain('Tu contraseña temporal es:\ncaballo correcto batería grapa');
    expect(mail.html).not.toContain('Mostrar');
  });

  it('ticket-reply keeps the line breaks of the reply and escapes it in HTML', () => {
    const mail = renderer.render('ticket-reply', 'es', { ...layout, ...MESSAGES['ticket-reply'].data });

    expect(mail.subject).toBe('Respuesta a tu ticket #42: No puedo entrar');
    expect(mail.text).toContain('Primera línea\nSegunda <línea>');
    expect(mail.html).toContain('white-space:pre-wrap;">Primera línea\nSegunda &lt;línea&gt;</div>');
  });
});
