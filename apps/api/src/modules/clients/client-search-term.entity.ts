import { Entity, PrimaryColumn } from 'typeorm';

/** One searchable word of a client; see ClientSearchIndex for how words are made. */
@Entity('client_search_terms')
export class ClientSearchTermEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  term!: string;

  @PrimaryColumn({ name: 'client_id', type: 'int' })
  clientId!: number;
}
