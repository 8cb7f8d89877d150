import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';

import { Locale } from '@keydesk/domain';

/**
 * The client area's page templates. They sit in apps/api/views, beside src/ and dist/ rather than
 * inside either (as libs/mailer's templates do), so the same path holds under vitest and in the build.
 */
export const VIEWS_DIR = resolve(__dirname, '..', '..', '..', 'views', 'account');

type Template = (context: Record<string, unknown>) => string;

/** Renders one account page inside the shared layout; each template is compiled once, strictly. */
@Injectable()
export class AccountViews {
  private readonly handlebars = Handlebars.create();
  private readonly templates = new Map<string, Template>();

  page(locale: Locale, name: string, title: string, script: string | null, data: Record<string, unknown>): string {
    return this.template('layout')({
      lang: locale,
      title,
      productName: 'Keydesk',
      script,
      body: this.template(name)(data),
    });
  }

  private template(name: string): Template {
    let template = this.templates.get(name);
    if (!template) {
      template = this.handlebars.compile(readFileSync(join(VIEWS_DIR, `${name}.hbs`), 'utf8'), { strict: true });
      this.templates.set(name, template);
    }
    return template;
  }
}
