import { prefixEnd } from './search-words';

/**
 * The client list's usual search (words typed, sorted by company name, no other filter) as plain
 * statements over client_search_terms, each term carrying its client's company name. Free of
 * Nest and TypeORM so the benchmark runs exactly these statements as its mysql2 baseline.
 */

/** A search keeps this many matches at most; past it the agent is asked to type more. */
export const SEARCH_MATCH_LIMIT = 1000;

/** A word of letters only, the kind ("servicios", "gomez") that thousands of clients can share. */
const COMMON_WORD = /^[a-z]{3,}$/;

/** Runs one statement and answers its rows: the api's DataSource, or the benchmark's mysql2 pool. */
export type RunQuery = (sql: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;

export interface NameOrderedSearch {
  words: string[];
  /** The words as typed, in order, for the whole-name terms. */
  phrase?: string;
  offset: number;
  limit: number;
  order: 'ASC' | 'DESC';
}

/** Raw `clients` rows of the page, and how many clients match (at most SEARCH_MATCH_LIMIT + 1). */
export interface NameOrderedPage {
  rows: Array<Record<string, unknown>>;
  matched: number;
}

/** The whole-name phrase first ("ortiz ruiz" starts one name), else the longest word with the others checked per candidate. */
export async function searchInNameOrder(run: RunQuery, search: NameOrderedSearch): Promise<NameOrderedPage> {
  if (search.phrase) {
    const byPhrase = await pageStartingWith(run, search.phrase, [], search);
    if (byPhrase.matched > 0) return byPhrase;
  }
  const [driver, ...others] = [...search.words].sort((a, b) => b.length - a.length);
  return pageStartingWith(run, driver, others, search);
}

/**
 * The matches: clients having a word that starts with `driver` (at most SEARCH_MATCH_LIMIT + 1
 * read), each other word checked per candidate; sorted by name, and the page's clients joined.
 */
async function pageStartingWith(
  run: RunQuery,
  driver: string,
  others: string[],
  search: NameOrderedSearch,
): Promise<NameOrderedPage> {
  if (others.length === 0 && pageLimit(search) > 0) {
    if (COMMON_WORD.test(driver)) {
      const page = await pageOfTerm(run, driver, search);
      if (page.matched > SEARCH_MATCH_LIMIT) return page;
    } else if (driver.includes(' ')) {
      const page = await pageOfOnlyTerm(run, driver, search);
      if (page) return page;
    }
  }
  const limit = pageLimit(search);
  if (limit === 0) return { rows: [], matched: await countMatches(run, driver, others) };
  // The count rides along as a column: a second pass over the same index range, but no second
  // round trip, which costs the api and the database more than the pass does.
  const [matches, params] = matchesSql(driver, others, 't0.client_id, t0.company_name');
  const [count, countParams] = matchesSql(driver, others, 't0.client_id');
  const rows = await run(pageSql(matches, search.order, `(SELECT COUNT(*) FROM (${count}) c) AS matched`), [
    ...countParams,
    ...params,
    limit,
    search.offset,
  ]);
  if (rows.length === 0) return { rows, matched: search.offset === 0 ? 0 : await countMatches(run, driver, others) };
  return { rows, matched: takeColumn(rows, 'matched') };
}

/**
 * The page of the clients having `term` itself, read in name order off
 * idx_client_search_terms_name, and how many they are (up to SEARCH_MATCH_LIMIT + 1) in the same
 * statement: no sorting, no de-duplication (a term holds each client once), one round trip.
 *
 * A word that alone reaches the cap ("servicios": 25,000 clients of a million) keeps the first
 * thousand by name of the clients having that very word: sorting the first thousand matches read
 * (with their longer words: "serviciosgomez", "servicios gomez s a") cost the database three
 * times as much and showed the first by name of an arbitrary thousand. Under the cap, a word's
 * longer words count too, and the search reads them all.
 */
async function pageOfTerm(run: RunQuery, term: string, search: NameOrderedSearch): Promise<NameOrderedPage> {
  const rows = await run(
    `SELECT client.*, (SELECT COUNT(*) FROM (SELECT client_id FROM client_search_terms WHERE term = ? LIMIT ${SEARCH_MATCH_LIMIT + 1}) c) AS matched ` +
      `FROM client_search_terms t INNER JOIN clients client ON client.id = t.client_id WHERE t.term = ? ` +
      `ORDER BY t.company_name ${search.order}, t.client_id ${search.order} LIMIT ? OFFSET ?`,
    [term, term, pageLimit(search), search.offset],
  );
  return { rows, matched: rows.length ? takeColumn(rows, 'matched') : 0 };
}

/**
 * Whole names ("valencia estrada") usually start a single indexed term: the two ends of the range
 * (two index dives) say so, and that term's page is read in name order. Null when the range holds
 * several terms ("valencia estrada s a" too) or the page is past the end: the search sorts them.
 */
async function pageOfOnlyTerm(
  run: RunQuery,
  prefix: string,
  search: NameOrderedSearch,
): Promise<NameOrderedPage | null> {
  const [{ first, last }] = await run(
    'SELECT MIN(term) AS first, MAX(term) AS last FROM client_search_terms WHERE term >= ? AND term < ?',
    [prefix, prefixEnd(prefix)],
  );
  if (first === null || first === undefined) return { rows: [], matched: 0 };
  if (first !== last) return null;
  const page = await pageOfTerm(run, String(first), search);
  return page.rows.length || search.offset === 0 ? page : null;
}

/** A count the page's statement carried beside each row, taken off the rows. */
function takeColumn(rows: Array<Record<string, unknown>>, column: string): number {
  const value = Number(rows[0][column]);
  for (const row of rows) delete row[column];
  return value;
}

/** The page's clients (and an `extra` column), joined only once the matches (client_id, company_name) are sorted and cut. */
function pageSql(matches: string, order: 'ASC' | 'DESC', extra?: string): string {
  return (
    `SELECT client.*${extra ? `, ${extra}` : ''} FROM (SELECT m.client_id, m.company_name FROM (${matches}) m ` +
    `ORDER BY m.company_name ${order}, m.client_id ${order} LIMIT ? OFFSET ?) page ` +
    `INNER JOIN clients client ON client.id = page.client_id ORDER BY page.company_name ${order}, page.client_id ${order}`
  );
}

function pageLimit(search: NameOrderedSearch): number {
  return Math.max(0, Math.min(search.limit, SEARCH_MATCH_LIMIT - search.offset));
}

/**
 * Counted over the ids alone: a window function over the sorted page cost the database twice as
 * much as this second, narrower pass over the same index range.
 */
async function countMatches(run: RunQuery, driver: string, others: string[]): Promise<number> {
  const [count, params] = matchesSql(driver, others, 't0.client_id');
  const [{ matched }] = await run(`SELECT COUNT(*) AS matched FROM (${count}) m`, params);
  return Number(matched);
}

/**
 * The distinct clients (`columns` of t0: the id, maybe with the company name) having `driver` and
 * every other word as the start of one of their terms, at most SEARCH_MATCH_LIMIT + 1: the driver
 * is a range on the primary key (term, client_id), each other word an EXISTS per candidate on the
 * client_id index. A client's terms all carry its one company name, so both column lists find
 * the same clients.
 */
export function matchesSql(driver: string, others: string[], columns: string): [string, string[]] {
  const exists = others.map(
    (_, i) =>
      ` AND EXISTS (SELECT 1 FROM client_search_terms t${i + 1} WHERE t${i + 1}.client_id = t0.client_id` +
      ` AND t${i + 1}.term >= ? AND t${i + 1}.term < ?)`,
  );
  return [
    `SELECT DISTINCT ${columns} FROM client_search_terms t0 WHERE t0.term >= ? AND t0.term < ?${exists.join('')}` +
      ` LIMIT ${SEARCH_MATCH_LIMIT + 1}`,
    [driver, ...others].flatMap((word) => [word, prefixEnd(word)]),
  ];
}
