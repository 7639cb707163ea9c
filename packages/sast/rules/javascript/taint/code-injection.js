/* eslint-disable */
const vm = require('vm');

app.post('/calc', (req, res) => {
  const expr = req.body.expr;
  // ruleid: js.taint.code-injection
  const value = eval('(' + expr + ')');
  // ruleid: js.taint.code-injection
  const fn = new Function('a', 'return a + ' + req.query.b);
  // ruleid: js.taint.code-injection
  vm.runInNewContext(expr, {});
  // ok: js.taint.code-injection
  const data = JSON.parse(expr);
  // ok: js.taint.code-injection
  eval('1 + 1');
  // ok: js.taint.code-injection
  setTimeout(() => res.send(String(value)), 10);
  // ok: js.taint.code-injection
  eval('var n = ' + parseInt(expr, 10));
  res.json({ value, fn, data });
});
