import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Entities from the rows of plain SQL that selected a table's columns under their own names,
 * converted as TypeORM converts them (dates, booleans, transformers). For reads on every request,
 * where building the query through TypeORM costs more CPU than the database spends on it.
 */
export function hydrate<T extends ObjectLiteral>(
  source: DataSource | EntityManager,
  target: EntityTarget<T>,
  rows: ReadonlyArray<Record<string, unknown>>,
): T[] {
  const dataSource = source instanceof DataSource ? source : source.connection;
  const metadata = dataSource.getMetadata(target);
  return rows.map((row) => {
    const entity = metadata.create() as T;
    for (const column of metadata.columns) {
      column.setEntityValue(entity, dataSource.driver.prepareHydratedValue(row[column.databaseName], column));
    }
    return entity;
  });
}
