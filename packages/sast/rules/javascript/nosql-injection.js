const User = require('./models/user');

app.post('/login', async (req, res) => {
  // ruleid: js.nosql-injection.request-in-query
  const user = await User.findOne({ username: req.body.username, password: req.body.password });
  // ruleid: js.nosql-injection.request-in-query
  const items = await db.collection('items').find(req.query).toArray();
  // ruleid: js.nosql-injection.request-in-query
  await Session.deleteMany({ token: req.query['token'] });
  // ok: js.nosql-injection.request-in-query
  const u2 = await User.findOne({ username: String(req.body.username) });
  // ok: js.nosql-injection.request-in-query
  const u3 = await User.findOne({ username: { $eq: req.body.username } });
  // ok: js.nosql-injection.request-in-query
  const u4 = await User.findOne({ _id: userId });
  // ok: js.nosql-injection.request-in-query
  const names = [req.body.a, req.body.b].find(Boolean);

  // ruleid: js.nosql-injection.where-dynamic
  const r1 = await db.collection('users').find({ $where: `this.name == '${req.query.name}'` }).toArray();
  // ruleid: js.nosql-injection.where-dynamic
  const r2 = await Post.find({ '$where': 'this.votes > ' + req.query.min });
  // ruleid: js.nosql-injection.where-dynamic
  const r3 = await Post.find({ $where: req.body.filter });
  // ok: js.nosql-injection.where-dynamic
  const r4 = await Post.find({ $where: 'this.votes > this.views' });
  // ok: js.nosql-injection.where-dynamic
  const r5 = await Post.find({ votes: { $gt: Number(req.query.min) } });
});
