import { Module } from '@nestjs/common';

import { ClientSearchIndex } from './client-search-index';
import { ClientSummaryRepository } from './client-summary.repository';
import { ClientRepository } from './client.repository';
import { ClientsController } from './clients.controller';
import { ClientsService } from './clients.service';

@Module({
  controllers: [ClientsController],
  providers: [ClientRepository, ClientSearchIndex, ClientSummaryRepository, ClientsService],
  exports: [ClientRepository, ClientSearchIndex, ClientSummaryRepository, ClientsService],
})
export class ClientsModule {}
