/* eslint-disable */
const mysql = require('mysql');
const db = mysql.createConnection({});

app.get('/user', (req, res) => {
  const id = req.query.id;
  // ruleid: js.taint.sql-injection
  db.query('SELECT * FROM users WHERE id = ' + id, (e, rows) => res.json(rows));
  // ok: js.taint.sql-injection
  db.query('SELECT * FROM users WHERE id = ?', [id], (e, rows) => res.json(rows));
  // ok: js.taint.sql-injection
  db.query('SELECT * FROM users WHERE id = ' + db.escape(id));
  // ok: js.taint.sql-injection
  cache.get(id);
});

app.get('/search', async (req, res) => {
  const { name, order } = req.query;
  const sql = `SELECT * FROM items WHERE name LIKE '%${name}%'`;
  // ruleid: js.taint.sql-injection
  const rows = await pool.query(sql);
  // ok: js.taint.sql-injection
  await pool.query('SELECT * FROM items WHERE name = $1', [name]);
  // ok: js.taint.sql-injection
  await pool.query(`SELECT * FROM items LIMIT ${Number(req.query.limit)}`);
  // ruleid: js.taint.sql-injection
  this.db.all("SELECT * FROM t ORDER BY " + order);
  res.json(rows);
});
