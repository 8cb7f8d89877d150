import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { TEMPLATES_DIR, TemplateRenderer, type TemplateData } from './index';

const passwordChanged = (footer: string): TemplateData => ({
  productName: 'Keydesk',
  footer,
  displayName: 'Ana <b>&</b>',
  changedAt: '2025-03-14 10:30',
  how: 'un administrador, Luis Pérez',
  supportUrl: 'https://support.example.com/?a=1&b=2',
});

describe('staff-password-changed, the shipped templates', () => {
  const renderer = new TemplateRenderer(TEMPLATES_DIR);

  it('renders in Spanish, with the layout around it', () => {
    const mail = renderer.render('staff-password-changed', 'es', passwordChanged('Este mensaje lo envió Keydesk.'));

    expect(mail.subject).toBe('La contraseña de tu cuenta de Keydesk cambió');
    expect(mail.html).toContain('<html lang="es">');
    expect(mail.html).toContain('<title>La contraseña de tu cuenta de Keydesk cambió</title>');
    expect(mail.html).toContain('avisa a un administrador o a soporte');
    expect(mail.html).toContain('Este mensaje lo envió Keydesk.');
    expect(mail.text).toContain('Hola, Ana <b>&</b>:');
    expect(mail.text).toContain('el 2025-03-14 10:30. La cambió un administrador, Luis Pérez.');
    expect(mail.text).toContain('Este mensaje lo envió Keydesk.');
  });

  it('renders in English', () => {
    const mail = renderer.render('staff-password-changed', 'en', passwordChanged('This message was sent by Keydesk.'));

    expect(mail.subject).toBe('Your Keydesk password changed');
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.html).toContain('tell an administrator or support');
    expect(mail.text).toContain('Hello Ana <b>&</b>,');
    expect(mail.text).not.toContain('Hola');
    expect(mail.text.endsWith('This message was sent by Keydesk.\n')).toBe(true);
  });

  it('escapes HTML in the html part only', () => {
    const mail = renderer.render('staff-password-changed', 'en', passwordChanged('<i>footer</i>'));

    expect(mail.html).toContain('Hello Ana &lt;b&gt;&amp;&lt;/b&gt;,');
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).toContain('href="https://support.example.com/?a&#x3D;1&amp;b&#x3D;2"');
    expect(mail.html).toContain('&lt;i&gt;footer&lt;/i&gt;');
    expect(mail.text).toContain('https://support.example.com/?a=1&b=2');
    expect(mail.text).toContain('<i>footer</i>');
  });

  it('throws on a missing variable instead of printing nothing', () => {
    const withoutUrl = {
      productName: 'Keydesk',
      footer: 'f',
      displayName: 'Ana',
      changedAt: 'today',
      how: 'an administrator, Luis',
    };

    expect(() => renderer.render('staff-password-changed', 'es', withoutUrl)).toThrow(
      /es\.html\.hbs failed to render: "supportUrl" not defined/,
    );
  });

  it('refuses unknown messages and names that leave the templates directory', () => {
    expect(() => renderer.render('no-such-message', 'en', passwordChanged('f'))).toThrow(/Unknown mail message/);
    expect(() => renderer.render('../staff-password-changed', 'en', passwordChanged('f'))).toThrow(/Invalid mail/);
  });

  it('keeps the subject on one line', () => {
    const data = { ...passwordChanged('f'), displayName: 'x\r\nBcc: someone@example.com' };

    expect(renderer.render('staff-password-changed', 'en', data).subject).not.toMatch(/[\r\n]/);
  });

  it('ships every message in every locale', () => {
    expect(renderer.messages()).toContain('staff-password-changed');
    expect(() => renderer.checkComplete()).not.toThrow();
  });
});

describe('an incomplete templates directory', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function templatesWithout(...absent: string[]): TemplateRenderer {
    dir = mkdtempSync(join(tmpdir(), 'keydesk-mailer-'));
    writeFileSync(join(dir, 'layout.html.hbs'), '<html lang="{{lang}}">{{{body}}}</html>');
    writeFileSync(join(dir, 'layout.text.hbs'), '{{body}}');
    mkdirSync(join(dir, 'greeting'));
    for (const locale of ['es', 'en']) {
      for (const part of ['subject', 'html', 'text']) {
        const file = `${locale}.${part}.hbs`;
        if (!absent.includes(file)) writeFileSync(join(dir, 'greeting', file), `${locale} {{name}}`);
      }
    }
    return new TemplateRenderer(dir);
  }

  it('names every missing file in checkComplete()', () => {
    const renderer = templatesWithout('en.text.hbs', 'es.subject.hbs');

    expect(() => renderer.checkComplete()).toThrow(/greeting\/es\.subject\.hbs\n {2}- greeting\/en\.text\.hbs/);
  });

  it('does not fall back to another locale, even for the locale that exists', () => {
    const renderer = templatesWithout('en.html.hbs');
    const data = { productName: 'Keydesk', footer: 'f', name: 'Ana' };

    expect(() => renderer.render('greeting', 'es', data)).toThrow(/missing or unreadable: .*greeting\/en\.html\.hbs/);
  });

  it('renders once the directory is complete', () => {
    const renderer = templatesWithout();

    expect(renderer.render('greeting', 'en', { productName: 'K', footer: 'f', name: 'Ana' })).toEqual({
      subject: 'en Ana',
      html: '<html lang="en">en Ana</html>',
      text: 'en Ana\n',
    });
  });
});
