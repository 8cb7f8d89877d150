import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One searchable word of a client; see ClientSearchIndex for how words are made. */
@Entity('client_search_terms')
export class ClientSearchTermEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  term!: string;

  @PrimaryColumn({ name: 'client_id', type: 'int' })
  clientId!: number;

  /** The client's company name, so matches sort by it without reading each client (ClientRepository.search). */
  @Column({ name: 'company_name', type: 'varchar', length: 255 })
  companyName!: string;
}
