/* eslint-disable */
app.post('/login', async (req, res) => {
  const { user, pass } = req.body;
  // ruleid: js.taint.nosql-injection
  const u = await db.collection('users').findOne({ user: user, pass: pass });
  // ok: js.taint.nosql-injection
  const v = await db.collection('users').findOne({ user: String(user), pass: String(pass) });
  // ok: js.taint.nosql-injection
  const w = items.find((i) => i.name === user);
  res.json({ u, v, w });
});

app.get('/q', async (req, res) => {
  // ruleid: js.taint.nosql-injection
  const found = await Users.find(req.query);
  // ruleid: js.taint.nosql-injection
  const old = await Users.find({ $where: 'this.age > ' + req.query.age });
  // ok: js.taint.nosql-injection
  const all = await Users.find({ active: true });
  res.json({ found, old, all });
});
