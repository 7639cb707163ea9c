const jwt = require('jsonwebtoken');

function authenticate(req, res, next) {
  const token = req.headers.authorization.split(' ')[1];
  // ruleid: js.jwt.decode-without-verify
  const claims = jwt.decode(token);
  if (claims && claims.role === 'admin') return next();
  res.status(403).end();
}
