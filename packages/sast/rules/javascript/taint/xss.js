/* eslint-disable */
const escapeHtml = require('escape-html');

app.get('/hello', (req, res) => {
  const name = req.query.name;
  // ruleid: js.taint.xss
  res.send('<h1>Hello ' + name + '</h1>');
  // ok: js.taint.xss
  res.send('<h1>Hello ' + escapeHtml(name) + '</h1>');
  // ok: js.taint.xss
  res.json({ greeting: name });
  // ok: js.taint.xss
  res.send({ greeting: name });
  // ok: js.taint.xss
  res.send('<h1>Hello</h1>');
});

function show(searchParams) {
  const el = document.getElementById('out');
  // ruleid: js.taint.xss
  el.innerHTML = '<b>' + searchParams.get('q') + '</b>';
  // ok: js.taint.xss
  el.textContent = searchParams.get('q');
}

// Fastify sends a string as text/plain and an object as JSON.
fastify.get('/echo', async (request, reply) => {
  // ok: js.taint.xss
  reply.send(request.body);
});
