// planted/safe markers: see server.js.
const https = require('https');

function fetchStatusInsecure(url) {
  // planted: tls-verification-disabled
  const agent = new https.Agent({ rejectUnauthorized: false });
  return https.get(url, { agent });
}

function fetchStatus(url) {
  // safe: tls-verification-disabled
  const agent = new https.Agent({ rejectUnauthorized: true });
  return https.get(url, { agent });
}

module.exports = { fetchStatusInsecure, fetchStatus };
