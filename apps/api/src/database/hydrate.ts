import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

type Source = DataSource | EntityManager;

const dataSourceOf = (source: Source): DataSource => (source instanceof DataSource ? source : source.connection);

/** `alias.column AS alias_column, ...` for every column of an entity, to read several tables in one row. */
export function selectColumns(source: Source, target: EntityTarget<ObjectLiteral>, alias: string): string {
  return dataSourceOf(source)
    .getMetadata(target)
    .columns.map((column) => `${alias}.${column.databaseName} AS ${alias}_${column.databaseName}`)
    .join(', ');
}

/**
 * Entities from the rows of plain SQL that selected a table's columns under their own names (or
 * as selectColumns names them, with `alias`), converted as TypeORM converts them: dates, booleans,
 * arrays, transformers. For reads on every request, where building the query through TypeORM
 * costs more CPU than the database spends on it.
 */
export function hydrate<T extends ObjectLiteral>(
  source: Source,
  target: EntityTarget<T>,
  rows: ReadonlyArray<Record<string, unknown>>,
  alias?: string,
): T[] {
  const dataSource = dataSourceOf(source);
  const metadata = dataSource.getMetadata(target);
  const prefix = alias ? `${alias}_` : '';
  return rows.map((row) => {
    const entity = metadata.create() as T;
    for (const column of metadata.columns) {
      column.setEntityValue(entity, dataSource.driver.prepareHydratedValue(row[prefix + column.databaseName], column));
    }
    return entity;
  });
}
