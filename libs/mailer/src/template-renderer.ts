import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import Handlebars from 'handlebars';

/** Declared here rather than imported from @keydesk/domain, so the mailer has no runtime dependency on it. */
export type MailLocale = 'es' | 'en';
export const MAIL_LOCALES: readonly MailLocale[] = ['es', 'en'];

/** What the language-neutral layouts print: any wording in them comes from the caller, in its language. */
export interface LayoutData {
  productName: string;
  footer: string;
}

export type TemplateData = LayoutData & Readonly<Record<string, unknown>>;

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

type Part = 'subject' | 'html' | 'text';
const PARTS: readonly Part[] = ['subject', 'html', 'text'];

type Template = (context: Readonly<Record<string, unknown>>) => string;
type MessageTemplates = Record<MailLocale, Record<Part, Template>>;

// Message names become path segments: this keeps a caller's typo (or worse) inside the templates directory.
const MESSAGE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Renders a message from `.hbs` files: `<dir>/<message>/<locale>.{subject,html,text}.hbs`, wrapped in
 * `<dir>/layout.{html,text}.hbs`. Each template is read and compiled once, on the first use of its message.
 */
export class TemplateRenderer {
  // An own instance, so helpers or partials registered elsewhere in the process never reach our templates.
  private readonly handlebars = Handlebars.create();
  private readonly compiled = new Map<string, MessageTemplates>();
  private layouts?: { html: Template; text: Template };

  constructor(private readonly dir: string) {}

  render(message: string, locale: MailLocale, data: TemplateData): RenderedMail {
    if (!MAIL_LOCALES.includes(locale)) {
      // No fallback to another language: a recipient with an unknown locale is a bug upstream.
      throw new Error(`Unknown mail locale "${String(locale)}" for message "${message}"`);
    }
    const templates = this.message(message)[locale];
    const layouts = this.layoutTemplates();
    // Mail headers are single-line: a newline from a template or a display name must not reach them.
    const subject = templates.subject(data).replace(/\s+/g, ' ').trim();
    const frame = { lang: locale, subject, productName: data.productName, footer: data.footer };
    return {
      subject,
      html: layouts.html({ ...frame, body: templates.html(data) }),
      text: `${layouts.text({ ...frame, body: templates.text(data).trim() }).trim()}\n`,
    };
  }

  /** The message folders, sorted: every name `render` may be asked for. */
  messages(): string[] {
    return readdirSync(this.dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  }

  /** Throws listing every missing layout or message file, so a test catches an untranslated message. */
  checkComplete(): void {
    const missing = ['layout.html.hbs', 'layout.text.hbs'].filter((file) => !existsSync(join(this.dir, file)));
    for (const message of this.messages()) {
      for (const file of messageFiles()) {
        if (!existsSync(join(this.dir, message, file))) missing.push(`${message}/${file}`);
      }
    }
    if (missing.length > 0) {
      throw new Error(`Mail templates missing in ${this.dir}:\n${missing.map((file) => `  - ${file}`).join('\n')}`);
    }
  }

  private message(message: string): MessageTemplates {
    const cached = this.compiled.get(message);
    if (cached) return cached;
    if (!MESSAGE_NAME.test(message)) throw new Error(`Invalid mail message name "${message}"`);
    if (!existsSync(join(this.dir, message))) {
      throw new Error(`Unknown mail message "${message}": no folder ${join(this.dir, message)}`);
    }
    // Every locale at once, so a missing translation fails on the first mail of its kind, whoever receives it.
    const compile = (locale: MailLocale, part: Part): Template =>
      this.compile(join(this.dir, message, `${locale}.${part}.hbs`), part === 'html');
    const templates = Object.fromEntries(
      MAIL_LOCALES.map((locale) => [locale, Object.fromEntries(PARTS.map((part) => [part, compile(locale, part)]))]),
    ) as MessageTemplates;
    this.compiled.set(message, templates);
    return templates;
  }

  private layoutTemplates(): { html: Template; text: Template } {
    this.layouts ??= {
      html: this.compile(join(this.dir, 'layout.html.hbs'), true),
      text: this.compile(join(this.dir, 'layout.text.hbs'), false),
    };
    return this.layouts;
  }

  /**
   * Parses now, so a syntax error surfaces at once and with the file's name; strict mode turns a missing
   * variable into an error instead of a silently blank spot in a mail that has already left.
   */
  private compile(file: string, escapeHtml: boolean): Template {
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch (error) {
      throw new Error(`Mail template missing or unreadable: ${file}`, { cause: error });
    }
    let template: HandlebarsTemplateDelegate;
    try {
      const ast = this.handlebars.parse(source);
      // Subjects and plain text are not HTML: escaping would show "&amp;" to the reader.
      template = this.handlebars.compile(ast, { strict: true, noEscape: !escapeHtml });
    } catch (error) {
      throw new Error(`Mail template ${file} does not compile: ${errorMessage(error)}`, { cause: error });
    }
    return (context) => {
      try {
        return template(context);
      } catch (error) {
        throw new Error(`Mail template ${file} failed to render: ${errorMessage(error)}`, { cause: error });
      }
    };
  }
}

function messageFiles(): string[] {
  return MAIL_LOCALES.flatMap((locale) => PARTS.map((part) => `${locale}.${part}.hbs`));
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
