import { Module } from '@nestjs/common';

import { ClientsModule } from '../clients/clients.module';
import { NoteRepository } from './note.repository';
import { NotesController } from './notes.controller';
import { NotesService } from './notes.service';

@Module({
  imports: [ClientsModule],
  controllers: [NotesController],
  providers: [NoteRepository, NotesService],
})
export class NotesModule {}
