import initSqlJs, { type Database } from 'sql.js';

let shared: Promise<Database> | undefined;

/**
 * The shops' product table in sql.js (SQLite compiled to WebAssembly), so the SQL injection routes run real SQL
 * through a real parser. Created on first use, not on import.
 */
export function productsDb(): Promise<Database> {
  shared ??= initSqlJs().then((SQL) => {
    const db = new SQL.Database();
    db.run(`CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT, category TEXT, price REAL);
INSERT INTO products (name, category, price) VALUES
  ('Trail runner', 'shoes', 89.5), ('Court classic', 'shoes', 64), ('Rain shell', 'jackets', 120), ('Wool beanie', 'hats', 19);`);
    return db;
  });
  return shared;
}

/** Rows of a query as `name (price)` list items. */
export function rowsHtml(result: { values: unknown[][] }[]): string {
  const rows = result[0]?.values ?? [];
  return rows.map((r) => `<li>${String(r[0])} (${String(r[1])})</li>`).join('');
}
