/* eslint-disable */
const axios = require('axios');
const http = require('http');

app.get('/proxy', async (req, res) => {
  const target = req.query.url;
  // ruleid: js.taint.ssrf
  const r = await fetch(target);
  // ruleid: js.taint.ssrf
  const a = await axios.get(`${req.query.host}/status`);
  // ruleid: js.taint.ssrf
  http.get('http://' + req.query.host + '/x', (resp) => resp.pipe(res));
  // ok: js.taint.ssrf
  const u = await fetch('https://api.example.com/users/' + encodeURIComponent(req.query.id));
  // ok: js.taint.ssrf
  const v = await axios.get(`https://api.example.com/items?q=${req.query.q}`);
  // ok: js.taint.ssrf
  await fetch('https://api.example.com/health');
  res.json({ r, a, u, v });
});
