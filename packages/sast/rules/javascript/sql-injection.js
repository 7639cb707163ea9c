const mysql = require('mysql2');
const { Pool } = require('pg');
const knex = require('knex')({ client: 'pg' });
const connection = mysql.createConnection({ host: 'db' });
const pool = new Pool();

app.get('/users/:id', async (req, res) => {
  // ruleid: js.sql-injection.query-dynamic-string
  connection.query('SELECT * FROM users WHERE id = ' + req.params.id, (err, rows) => res.json(rows));
  // ruleid: js.sql-injection.query-dynamic-string
  const { rows } = await pool.query(`SELECT * FROM orders WHERE owner = '${req.user.name}'`);
  // ruleid: js.sql-injection.query-dynamic-string
  await sequelize.query("UPDATE accounts SET email = '" + req.body.email + "' WHERE id = " + id);
  // ruleid: js.sql-injection.query-dynamic-string
  db.all(`SELECT name FROM products ORDER BY ${req.query.sort}`, cb);
  // ok: js.sql-injection.query-dynamic-string
  connection.query('SELECT * FROM users WHERE id = ?', [req.params.id], (err, rows) => res.json(rows));
  // ok: js.sql-injection.query-dynamic-string
  await pool.query('SELECT * FROM orders WHERE owner = $1', [req.user.name]);
  // ok: js.sql-injection.query-dynamic-string
  await sequelize.query('UPDATE accounts SET email = :email WHERE id = :id', { replacements: { email, id } });
  // ok: js.sql-injection.query-dynamic-string
  const sel = document.querySelector(`#item-${id}`);
  // ok: js.sql-injection.query-dynamic-string
  const cached = cache.get('user:' + id);
  // ok: js.sql-injection.query-dynamic-string
  await pool.query(`SELECT * FROM ${TABLE} WHERE id = $1`, [id]);
});

async function findByName(name, limit) {
  const sql = "SELECT * FROM customers WHERE name LIKE '%" + name + "%'";
  // ruleid: js.sql-injection.query-dynamic-string
  const res = await pool.query(sql);
  let q = 'SELECT * FROM t WHERE 1 = 1';
  q += ' AND name = ' + name;
  // ruleid: js.sql-injection.query-dynamic-string
  await connection.execute(q);
  const safe = 'SELECT * FROM customers WHERE name = $1 LIMIT $2';
  // ok: js.sql-injection.query-dynamic-string
  return pool.query(safe, [name, limit]);
}

class Repo {
  find(id) {
    // ok: js.sql-injection.query-dynamic-string
    return this.db.query(`SELECT * FROM ${this.tableName} WHERE id = $1`, [id]);
  }
}

async function search(req) {
  // ruleid: js.sql-injection.raw-dynamic
  await knex.raw(`SELECT * FROM items WHERE title = '${req.query.title}'`);
  // ruleid: js.sql-injection.raw-dynamic
  await knex('users').whereRaw('age > ' + req.query.age);
  // ruleid: js.sql-injection.raw-dynamic
  await prisma.$queryRawUnsafe(`SELECT * FROM "User" WHERE email = '${req.body.email}'`);
  // ruleid: js.sql-injection.raw-dynamic
  const order = Sequelize.literal(`CASE WHEN id = ${req.query.first} THEN 0 ELSE 1 END`);
  // ok: js.sql-injection.raw-dynamic
  await knex.raw('SELECT * FROM items WHERE title = ?', [req.query.title]);
  // ok: js.sql-injection.raw-dynamic
  await knex('users').whereRaw('age > ?', [req.query.age]);
  // ok: js.sql-injection.raw-dynamic
  await prisma.$queryRaw`SELECT * FROM "User" WHERE email = ${req.body.email}`;
  // ok: js.sql-injection.raw-dynamic
  const path = String.raw`C:\data\${name}`;
}

// ok: js.sql-injection.raw-dynamic
const Tag = z.literal(`tag-${kind}`);
