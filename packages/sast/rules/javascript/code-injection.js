const vm = require('vm');
import { runInNewContext } from 'node:vm';

function calc(req, res) {
  // ruleid: js.code-injection.eval-dynamic
  const result = eval(req.query.expr);
  // ruleid: js.code-injection.eval-dynamic
  eval('var total = ' + req.body.amount);
  // ruleid: js.code-injection.eval-dynamic
  window.eval(`render(${payload})`);
  // ok: js.code-injection.eval-dynamic
  eval('2 + 2');
  // ok: js.code-injection.eval-dynamic
  const data = JSON.parse(req.body.json);
  // ok: js.code-injection.eval-dynamic
  const ev = evaluate(req.query.expr);

  // ruleid: js.code-injection.function-constructor
  const fn = new Function('a', 'b', req.body.code);
  // ruleid: js.code-injection.function-constructor
  const g = Function(`return ${req.query.field}`);
  // ok: js.code-injection.function-constructor
  const h = new Function('a', 'b', 'return a + b');
  // ok: js.code-injection.function-constructor
  const k = new Function(`return this`);

  // ruleid: js.code-injection.timer-string
  setTimeout('refresh(' + req.query.id + ')', 1000);
  // ruleid: js.code-injection.timer-string
  window.setInterval(`poll("${channel}")`, 500);
  // ok: js.code-injection.timer-string
  setTimeout(() => refresh(req.query.id), 1000);
  // ok: js.code-injection.timer-string
  setInterval(poll, 500);

  // ruleid: js.code-injection.vm-dynamic
  vm.runInNewContext(req.body.script, { console });
  // ruleid: js.code-injection.vm-dynamic
  const script = new vm.Script(`result = ${req.query.formula}`);
  // ruleid: js.code-injection.vm-dynamic
  runInNewContext(userCode, sandbox);
  // ruleid: js.code-injection.vm-dynamic
  require('vm').runInThisContext(source);
  // ok: js.code-injection.vm-dynamic
  vm.runInNewContext('a + b', { a: 1, b: 2 });
  // ok: js.code-injection.vm-dynamic
  const s2 = new vm.Script(`globalThis.ready = true`);
  // ok: js.code-injection.vm-dynamic
  db.runInContext(query);
}
