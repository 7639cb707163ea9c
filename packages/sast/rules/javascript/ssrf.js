const axios = require('axios');
const http = require('http');

app.get('/proxy', async (req, res) => {
  // ruleid: js.ssrf.request-url
  const r1 = await axios.get(req.query.url);
  // ruleid: js.ssrf.request-url
  const r2 = await fetch(req.body.webhook, { method: 'POST' });
  // ruleid: js.ssrf.request-url
  http.get(`http://${req.query.host}/status`, (resp) => resp.pipe(res));
  // ruleid: js.ssrf.request-url
  const r3 = await axios({ method: 'get', url: req.query.target });
  // ruleid: js.ssrf.request-url
  const r4 = await got('https://' + req.params.domain + '/api');
  // ok: js.ssrf.request-url
  const r5 = await axios.get(`https://api.example.com/users/${req.params.id}`);
  // ok: js.ssrf.request-url
  const r6 = await fetch(ALLOWED_FEEDS[req.query.feed]);
  // ok: js.ssrf.request-url
  const r7 = await axios({ method: 'get', url: 'https://api.example.com/items', params: { q: req.query.q } });
  // ok: js.ssrf.request-url
  const token = req.get('authorization');
});
