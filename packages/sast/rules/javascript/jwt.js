const jwt = require('jsonwebtoken');

function issue(user) {
  // ruleid: js.jwt.hardcoded-secret
  return jwt.sign({ sub: user.id }, 'super-secret-signing-key', { expiresIn: '1h' });
}

function issueSafe(user) {
  // ok: js.jwt.hardcoded-secret
  return jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '1h', algorithm: 'HS256' });
}

function check(token) {
  // ruleid: js.jwt.hardcoded-secret
  const a = jwt.verify(token, 'super-secret-signing-key');
  // ok: js.jwt.hardcoded-secret
  const b = jwt.verify(token, publicKey, { algorithms: ['RS256'] });
  // ruleid: js.jwt.none-algorithm
  const c = jwt.verify(token, key, { algorithms: ['HS256', 'none'] });
  // ok: js.jwt.none-algorithm
  const d = jwt.verify(token, key, { algorithms: ['HS256'] });
  // ruleid: js.jwt.ignore-expiration
  const e = jwt.verify(token, key, { algorithms: ['RS256'], ignoreExpiration: true });
  // ok: js.jwt.ignore-expiration
  const f = jwt.verify(token, key, { algorithms: ['RS256'], ignoreExpiration: false });
  // ruleid: js.jwt.none-algorithm
  return jwt.sign(payload, '', { algorithm: 'none' });
}

// ok: js.jwt.none-algorithm
const shape = { algorithm: 'none', label: 'No compression' };
