const https = require('https');
const tls = require('tls');

// ruleid: js.tls.reject-unauthorized-false
const agent = new https.Agent({ rejectUnauthorized: false });
// ok: js.tls.reject-unauthorized-false
const agent2 = new https.Agent({ rejectUnauthorized: true, ca: fs.readFileSync('ca.pem') });
// ok: js.tls.reject-unauthorized-false
const agent3 = new https.Agent({ ca: fs.readFileSync('ca.pem') });

request({
  url: 'https://internal.example.com',
  // ruleid: js.tls.reject-unauthorized-false
  strictSSL: false,
});

const socket = tls.connect(443, 'example.com', {
  // ruleid: js.tls.reject-unauthorized-false
  'rejectUnauthorized': false,
  // ruleid: js.tls.insecure-protocol-version
  minVersion: 'TLSv1',
});

const ctx = tls.createSecureContext({
  // ruleid: js.tls.insecure-protocol-version
  secureProtocol: 'TLSv1_method',
  // ok: js.tls.insecure-protocol-version
  maxVersion: 'TLSv1.3',
});

// ok: js.tls.insecure-protocol-version
const server = tls.createServer({ minVersion: 'TLSv1.2', key, cert });

// ruleid: js.tls.node-tls-reject-unauthorized-env
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
// ruleid: js.tls.node-tls-reject-unauthorized-env
process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = 0;
// ok: js.tls.node-tls-reject-unauthorized-env
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';
// ok: js.tls.node-tls-reject-unauthorized-env
process.env.NODE_ENV = '0';
