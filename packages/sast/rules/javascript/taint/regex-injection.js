/* eslint-disable */
const escapeStringRegexp = require('escape-string-regexp');

app.get('/search', (req, res) => {
  const q = req.query.q;
  // ruleid: js.taint.regex-injection
  const re = new RegExp(q, 'i');
  // ruleid: js.taint.regex-injection
  const starts = RegExp('^' + req.query.prefix);
  // ok: js.taint.regex-injection
  const safe = new RegExp(escapeStringRegexp(q), 'i');
  // ok: js.taint.regex-injection
  const escaped = new RegExp(q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // ok: js.taint.regex-injection
  const fixed = new RegExp('^[a-z]+$');
  res.json(items.filter((i) => re.test(i) || starts.test(i) || safe.test(i) || escaped.test(i) || fixed.test(i)));
});
