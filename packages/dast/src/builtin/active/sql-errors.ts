/**
 * Database error messages that only a query broken by the input produces, per engine. Written from what each
 * driver prints for an unbalanced quote; generic words ("error", "syntax") alone are not enough.
 */
export const SQL_ERRORS: readonly { db: string; pattern: RegExp }[] = [
  { db: 'SQLite', pattern: /SQLITE_ERROR|sqlite3?\.OperationalError|SQLiteException|System\.Data\.SQLite|unrecognized token: "|near "[^"\n]{0,80}": syntax error|incomplete input\b/ },
  { db: 'MySQL', pattern: /You have an error in your SQL syntax|check the manual that (?:corresponds|fits) to your (?:MySQL|MariaDB)|com\.mysql\.jdbc|MySqlException|ER_PARSE_ERROR|Warning:?\s*(?:<\/b>\s*)?mysqli?_|MySQLSyntaxErrorException/i },
  { db: 'PostgreSQL', pattern: /unterminated quoted (?:string|identifier) at or near|syntax error at or near "|PSQLException|org\.postgresql\.|PG::SyntaxError|Npgsql\.|pg_query\(\)|ERROR:\s+syntax error at/i },
  { db: 'Microsoft SQL Server', pattern: /Unclosed quotation mark (?:after|before) the character string|Microsoft OLE DB Provider for SQL Server|\[SQL Server\]|System\.Data\.SqlClient\.SqlException|Microsoft\.Data\.SqlClient|Incorrect syntax near '|ODBC SQL Server Driver/i },
  { db: 'Oracle', pattern: /\bORA-0(?:0933|1756|0921|0936|1740)\b|quoted string not properly terminated|oracle\.jdbc\.|OracleException/i },
];

/** The first engine whose error appears in `body`, with the matched text. */
export function sqlError(body: string): { db: string; evidence: string } | undefined {
  for (const { db, pattern } of SQL_ERRORS) {
    const m = pattern.exec(body);
    if (m) return { db, evidence: m[0] };
  }
  return undefined;
}
