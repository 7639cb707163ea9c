const ldap = require('ldapjs');
const xpath = require('xpath');

function findUser(client, username, cb) {
  const opts = {
    // ruleid: js.ldap-injection.filter-concat
    filter: '(&(objectClass=person)(uid=' + username + '))',
    scope: 'sub',
  };
  client.search('ou=people,dc=example,dc=com', opts, cb);
  // ruleid: js.ldap-injection.filter-concat
  client.search('dc=example,dc=com', { filter: `(mail=${req.query.email})`, scope: 'sub' }, cb);
  // ok: js.ldap-injection.filter-concat
  client.search('dc=example,dc=com', { filter: `(mail=${escapeFilter(req.query.email)})`, scope: 'sub' }, cb);
  // ok: js.ldap-injection.filter-concat
  client.search('dc=example,dc=com', { filter: new ldap.EqualityFilter({ attribute: 'uid', value: username }) }, cb);
  // ok: js.ldap-injection.filter-concat
  const items = await Item.search({ filter: 'name:' + term });
}

function login(doc, user, pass) {
  // ruleid: js.xpath-injection.expression-concat
  const nodes = xpath.select("//user[name/text()='" + user + "' and password/text()='" + pass + "']", doc);
  // ruleid: js.xpath-injection.expression-concat
  const node = xmlDoc.get(`//account[@id='${req.params.id}']`);
  // ruleid: js.xpath-injection.expression-concat
  const r = document.evaluate("//item[@name='" + name + "']", document, null, XPathResult.ANY_TYPE, null);
  // ok: js.xpath-injection.expression-concat
  const all = xpath.select('//user[name/text()=$name]', doc);
  // ok: js.xpath-injection.expression-concat
  const ok2 = xpath.select('//user', doc);
  // ok: js.xpath-injection.expression-concat
  const v = rootConfig.get('db.' + key);
}
