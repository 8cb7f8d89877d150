import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';

import { AppModule } from './app.module';
import { StablePrototypeExpressAdapter } from './common/http/stable-prototype-express-adapter';
import { AppConfig } from './config/app.config';
import { configureApp } from './configure-app';
import { runMigrations } from './database/run-migrations';
import { BootstrapService, CreatedCredential } from './modules/bootstrap/bootstrap.service';

/** Builds the app, migrates the database and runs the first-start bootstrap; does not listen. */
export async function createApp(
  config: AppConfig,
): Promise<{ app: NestExpressApplication; credentials: CreatedCredential[] }> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config),
    new StablePrototypeExpressAdapter(),
    {
      bufferLogs: true,
      bodyParser: false,
    },
  );
  configureApp(app, config);
  await runMigrations(app.get(DataSource));
  const credentials = await app.get(BootstrapService).run();
  return { app, credentials };
}
