import type { AddressInfo } from 'node:net';

import { SMTPServer } from 'smtp-server';

/** A mail as the SMTP server received it, decoded: what a mailbox would show. */
export interface ReceivedMail {
  /** The SMTP envelope. */
  envelopeFrom: string;
  envelopeTo: string[];
  headers: Map<string, string>;
  from: string;
  to: string;
  subject: string;
  messageId: string;
  text: string;
  html: string;
  raw: string;
}

/**
 * A real SMTP server in the test process (smtp-server) that keeps every mail it accepts, so tests
 * assert what a mail server received rather than what a mock was called with. It can be stopped
 * and started again on the same port, to play a mail server that is down for a while.
 */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  private server?: SMTPServer;
  private port = 0;

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink();
    await sink.start();
    return sink;
  }

  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.server !== undefined;
  }

  async start(): Promise<void> {
    if (this.server) return;
    const server = new SMTPServer({
      logger: false,
      authOptional: true,
      // Plain SMTP on loopback: smtp-server's built-in certificate would fail nodemailer's checks.
      disabledCommands: ['STARTTLS', 'AUTH'],
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', callback);
        stream.on('end', () => {
          const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          const envelopeTo = session.envelope.rcptTo.map((rcpt) => rcpt.address);
          this.messages.push({ envelopeFrom, envelopeTo, ...parseMail(Buffer.concat(chunks).toString('utf8')) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Refuses connections until start() again, on the same port. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The mails received for `address`. */
  to(address: string): ReceivedMail[] {
    return this.messages.filter((mail) => mail.envelopeTo.includes(address));
  }

  /** Waits until `count` mails arrived for `address` (or anyone), then returns them. */
  async waitFor(count: number, address?: string, timeoutMs = 5000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    const received = () => (address ? this.to(address) : this.messages);
    while (received().length < count) {
      if (Date.now() > deadline)
        throw new Error(`Expected ${count} mails${address ? ` for ${address}` : ''}, got ${received().length}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return received();
  }

  /** Waits for the `count`-th mail to `address` whose text matches `pattern` (the worker delivers on its own timer); answers the match. */
  async waitForMatch(address: string, pattern: RegExp, count = 1, timeoutMs = 20_000): Promise<RegExpExecArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const matches = this.to(address)
        .map((mail) => pattern.exec(mail.text))
        .filter((match): match is RegExpExecArray => match !== null);
      if (matches.length >= count) return matches[count - 1];
      if (Date.now() > deadline) throw new Error(`No mail #${count} matching ${pattern} reached ${address}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

type ParsedMail = Omit<ReceivedMail, 'envelopeFrom' | 'envelopeTo'>;

/** Just enough MIME for what nodemailer writes: headers, multipart bodies, quoted-printable and base64. */
function parseMail(raw: string): ParsedMail {
  const { headers, body } = splitEntity(raw);
  const parts = leafParts(headers, body);
  const header = (name: string) => decodeWords(headers.get(name) ?? '');
  return {
    headers,
    from: header('from'),
    to: header('to'),
    subject: header('subject'),
    messageId: header('message-id'),
    text: parts.find((part) => part.type === 'text/plain')?.content ?? '',
    html: parts.find((part) => part.type === 'text/html')?.content ?? '',
    raw,
  };
}

function splitEntity(entity: string): { headers: Map<string, string>; body: string } {
  const end = entity.indexOf('\r\n\r\n');
  const head = end === -1 ? entity : entity.slice(0, end);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: end === -1 ? '' : entity.slice(end + 4) };
}

function leafParts(headers: Map<string, string>, body: string): Array<{ type: string; content: string }> {
  const contentType = headers.get('content-type') ?? 'text/plain';
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type.startsWith('multipart/')) {
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
    if (!boundary) return [];
    return body
      .split(`--${boundary}`)
      .slice(1)
      .filter((part) => !part.startsWith('--'))
      .flatMap((part) => {
        const entity = splitEntity(part.replace(/^\r\n/, ''));
        return leafParts(entity.headers, entity.body.replace(/\r\n$/, ''));
      });
  }
  return [{ type, content: decodeBody(body, headers.get('content-transfer-encoding') ?? '7bit') }];
}

function decodeBody(body: string, encoding: string): string {
  const text = (() => {
    switch (encoding.toLowerCase()) {
      case 'base64':
        return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
      case 'quoted-printable':
        return decodeQuotedPrintable(body.replace(/=\r\n/g, ''));
      default:
        return body;
    }
  })();
  return text.replace(/\r\n/g, '\n');
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words (=?UTF-8?Q?...?= and =?UTF-8?B?...?=), as nodemailer writes non-ASCII headers. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_, _charset: string, kind: string, word: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(word, 'base64').toString('utf8')
        : decodeQuotedPrintable(word.replace(/_/g, ' ')),
    );
}
