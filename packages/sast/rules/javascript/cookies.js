const session = require('express-session');
const cookieSession = require('cookie-session');
const cookieParser = require('cookie-parser');

app.use(session({
  // ruleid: js.cookie.session-hardcoded-secret
  secret: 'keyboard cat',
  resave: false,
  cookie: {
    // ruleid: js.cookie.secure-false
    secure: false,
    // ruleid: js.cookie.httponly-false
    httpOnly: false,
    maxAge: 60000,
  },
}));
app.use(session({
  // ok: js.cookie.session-hardcoded-secret
  secret: process.env.SESSION_SECRET,
  // ok: js.cookie.secure-false
  cookie: { secure: true, httpOnly: true, sameSite: 'lax' },
}));
app.use(cookieSession({
  name: 'session',
  // ruleid: js.cookie.session-hardcoded-secret
  keys: ['s3cr3t-key-1', 's3cr3t-key-2'],
  // ruleid: js.cookie.secure-false
  secure: false,
}));
// ruleid: js.cookie.session-hardcoded-secret
app.use(cookieParser('my cookie secret'));
// ok: js.cookie.session-hardcoded-secret
app.use(cookieParser(process.env.COOKIE_SECRET));

app.post('/login', (req, res) => {
  res.cookie('token', token, {
    // ruleid: js.cookie.httponly-false
    httpOnly: false,
    // ruleid: js.cookie.secure-false
    secure: false,
  });
  // ok: js.cookie.httponly-false
  res.cookie('token', token, { httpOnly: true, secure: true, sameSite: 'strict' });
  // ok: js.cookie.secure-false
  const conn = mysql.createConnection({ host: 'db', ssl: { secure: false } });
  // ok: js.cookie.httponly-false
  res.cookie('theme', 'dark', { httpOnly: true });
});

// A URI serializer's options are not cookie options.
const fastURI = require('fast-uri');
// ok: js.cookie.secure-false
fastURI.serialize({ scheme: 'ws', host: 'example.com', secure: false });
