import { Module } from '@nestjs/common';

import { ClientSearchIndex } from './client-search-index';
import { ClientRepository } from './client.repository';

@Module({
  providers: [ClientRepository, ClientSearchIndex],
  exports: [ClientRepository, ClientSearchIndex],
})
export class ClientsModule {}
