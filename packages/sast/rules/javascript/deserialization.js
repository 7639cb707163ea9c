const serialize = require('node-serialize');
const yaml = require('js-yaml');

app.post('/profile', (req, res) => {
  const cookie = Buffer.from(req.cookies.profile, 'base64').toString();
  // ruleid: js.deserialization.node-serialize
  const profile = serialize.unserialize(cookie);
  // ruleid: js.deserialization.node-serialize
  const obj = require('node-serialize').unserialize(req.body.data);
  // ok: js.deserialization.node-serialize
  const safe = JSON.parse(cookie);
  // ok: js.deserialization.node-serialize
  const s = serialize.serialize({ a: 1 });
  // ok: js.deserialization.node-serialize
  const php = phpSerializer.unserialize(cookie);

  // ruleid: js.deserialization.js-yaml-unsafe-schema
  const conf = yaml.load(req.body.yaml, { schema: yaml.DEFAULT_FULL_SCHEMA });
  // ruleid: js.deserialization.js-yaml-unsafe-schema
  const conf2 = yaml.load(text, { schema: yaml.DEFAULT_SCHEMA.extend(jsTypes) });
  // ok: js.deserialization.js-yaml-unsafe-schema
  const conf3 = yaml.load(req.body.yaml);
  // ok: js.deserialization.js-yaml-unsafe-schema
  const conf4 = yaml.load(req.body.yaml, { schema: yaml.JSON_SCHEMA });
});
