import 'reflect-metadata';

import { AppConfig, loadConfig } from './config/app.config';
import { InvalidConfigError } from './config/config-errors';
import { describeError } from './common/errors/describe-error';
import { redactPassword } from './config/database.config';
import { createApp } from './create-app';
import { formatCredentials } from './modules/bootstrap/bootstrap.service';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof InvalidConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const { app, credentials } = await createApp(config);
  app.enableShutdownHooks();
  await app.listen(config.server.port);
  const url = config.server.publicUrl.toString();
  const database = config.database.kind === 'sqlite' ? config.database.path : redactPassword(config.database.url);
  if (credentials.length) console.log(formatCredentials(credentials, url));
  console.log(
    `Keydesk is listening on port ${config.server.port}: admin UI ${url}, API ${url}api, docs ${url}api/docs`,
  );
  console.log(`Database: ${database}`);
  const smtp = config.mail.smtpUrl ? new URL(config.mail.smtpUrl) : null;
  console.log(smtp ? `Mail: SMTP ${smtp.host}` : `Mail: kept in the development mailbox, ${url}dev/mailbox`);
}

main().catch((error: unknown) => {
  console.error(`Keydesk could not start: ${describeError(error)}`);
  process.exit(1);
});
