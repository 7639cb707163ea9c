import { Pool } from 'pg';
import type { Knex } from 'knex';

const pool = new Pool();

export async function findOrders(owner: string, sort: keyof Order): Promise<Order[]> {
  // ruleid: js.sql-injection.query-dynamic-string
  const r = await pool.query<Order>(`SELECT * FROM orders WHERE owner = '${owner}' ORDER BY ${String(sort)}`);
  // ok: js.sql-injection.query-dynamic-string
  const r2 = await pool.query<Order>('SELECT * FROM orders WHERE owner = $1', [owner]);
  return [...r.rows, ...r2.rows];
}

export async function byTitle(knex: Knex, title: string) {
  // ruleid: js.sql-injection.raw-dynamic
  return knex.raw<Item[]>(`SELECT * FROM items WHERE title = '${title}'`);
}

export async function byTitleSafe(knex: Knex, title: string) {
  // ok: js.sql-injection.raw-dynamic
  return knex.raw<Item[]>('SELECT * FROM items WHERE title = ?', [title]);
}
