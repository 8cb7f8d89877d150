import { DevMailboxMessageEntity } from './dev-mailbox-message.entity';

/** The development mailbox's pages: plain, accessible HTML with no script, served by the api itself. */

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;padding:24px;color:#18181b;line-height:1.5}
main{max-width:960px;margin:0 auto}table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #d4d4d8;vertical-align:top}
pre{white-space:pre-wrap;word-break:break-word;background:#f4f4f5;padding:12px;border-radius:4px}
iframe{width:100%;height:640px;border:1px solid #d4d4d8}a{color:#1d4ed8}
.note{background:#fef9c3;padding:8px 12px;border-radius:4px}dt{font-weight:bold}dd{margin:0 0 8px}`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Links in a plain-text mail become clickable, so a newcomer can follow a reset link from here. */
function linkify(escaped: string): string {
  return escaped.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body>
</html>`;
}

const NOTICE = `<p class="note">Development mailbox: with no <code>SMTP_URL</code>, Keydesk keeps the mail it sends here,
secrets included. It does not exist in production.</p>`;

export function mailboxListPage(messages: DevMailboxMessageEntity[]): string {
  const rows = messages
    .map(
      (
        m,
      ) => `<tr><td><time datetime="${m.receivedAt.toISOString()}">${escapeHtml(m.receivedAt.toISOString())}</time></td>
<td>${escapeHtml(m.recipient)}</td><td><a href="/dev/mailbox/${m.id}">${escapeHtml(m.subject) || '(no subject)'}</a></td></tr>`,
    )
    .join('\n');
  const table = messages.length
    ? `<table><caption>The ${messages.length} newest messages, newest first</caption>
<thead><tr><th scope="col">Received (UTC)</th><th scope="col">To</th><th scope="col">Subject</th></tr></thead>
<tbody>${rows}</tbody></table>`
    : '<p>No mail yet. Actions that send mail (a public ticket reply, a password reset) show it here.</p>';
  return page('Development mailbox', `<h1>Development mailbox</h1>${NOTICE}${table}`);
}

export function mailboxMessagePage(m: DevMailboxMessageEntity): string {
  return page(
    `${m.subject} – Development mailbox`,
    `<p><a href="/dev/mailbox">← All messages</a></p>
<h1>${escapeHtml(m.subject)}</h1>
<dl><dt>From</dt><dd>${escapeHtml(m.sender)}</dd><dt>To</dt><dd>${escapeHtml(m.recipient)}</dd>
<dt>Received (UTC)</dt><dd><time datetime="${m.receivedAt.toISOString()}">${m.receivedAt.toISOString()}</time></dd>
<dt>Message-ID</dt><dd>${escapeHtml(m.messageId)}</dd></dl>
<h2>Plain text</h2><pre>${linkify(escapeHtml(m.text))}</pre>
<h2>HTML</h2><iframe title="The HTML version of the message" sandbox src="/dev/mailbox/${m.id}/html"></iframe>`,
  );
}
