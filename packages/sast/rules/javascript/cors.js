const cors = require('cors');

// ruleid: js.cors.credentials-any-origin
app.use(cors({ origin: true, credentials: true }));
// ruleid: js.cors.credentials-any-origin
app.use(cors({ credentials: true, origin: '*', methods: ['GET', 'POST'] }));
// ok: js.cors.credentials-any-origin
app.use(cors({ origin: ['https://app.example.com'], credentials: true }));
// ok: js.cors.credentials-any-origin
app.use(cors({ origin: '*' }));

app.use((req, res, next) => {
  // ruleid: js.cors.reflected-origin-header
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
});

app.use((req, res, next) => {
  const origin = req.get('origin');
  if (ALLOWED_ORIGINS.includes(req.headers.origin)) {
    // ok: js.cors.reflected-origin-header
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  }
  // ok: js.cors.reflected-origin-header
  res.header('Access-Control-Allow-Origin', 'https://app.example.com');
  next();
});
