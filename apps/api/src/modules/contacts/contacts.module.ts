import { Module } from '@nestjs/common';

import { ClientsModule } from '../clients/clients.module';
import { ContactRepository } from './contact.repository';
import { ContactsController } from './contacts.controller';
import { ContactsService } from './contacts.service';

@Module({
  imports: [ClientsModule],
  controllers: [ContactsController],
  providers: [ContactRepository, ContactsService],
})
export class ContactsModule {}
