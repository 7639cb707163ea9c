const libxmljs = require('libxmljs');

app.post('/import', (req, res) => {
  // ruleid: js.xxe.libxmljs-noent
  const doc = libxmljs.parseXml(req.body, { noent: true, nocdata: true });
  // ruleid: js.xxe.libxmljs-noent
  const doc2 = libxml.parseXmlString(xml, { noblanks: true, noent: true });
  // ok: js.xxe.libxmljs-noent
  const doc3 = libxmljs.parseXml(req.body, { nonet: true });
  // ok: js.xxe.libxmljs-noent
  const doc4 = libxmljs.parseXml(req.body, { noent: false });
});
