import ldap
import ldap3
from ldap.filter import escape_filter_chars, filter_format
from lxml import etree


def find_user(conn, username, base_dn):
    # ruleid: py.ldap-injection.filter-string-building
    conn.search_s(base_dn, ldap.SCOPE_SUBTREE, f"(uid={username})")
    # ruleid: py.ldap-injection.filter-string-building
    conn.search_s(base_dn, ldap.SCOPE_SUBTREE, "(&(objectClass=person)(cn=" + username + "))")
    # ok: py.ldap-injection.filter-string-building
    conn.search_s(base_dn, ldap.SCOPE_SUBTREE, f"(uid={escape_filter_chars(username)})")
    # ok: py.ldap-injection.filter-string-building
    conn.search_s(base_dn, ldap.SCOPE_SUBTREE, filter_format("(uid=%s)", [username]))


def find_user_ldap3(server, username, group):
    conn = ldap3.Connection(server, auto_bind=True)
    search_filter = "(&(objectClass=user)(sAMAccountName=%s))" % username
    # ruleid: py.ldap-injection.filter-string-building
    conn.search("dc=example,dc=com", search_filter, attributes=["mail"])
    # ruleid: py.ldap-injection.filter-string-building
    conn.search(search_base="dc=example,dc=com", search_filter="(memberOf={})".format(group))
    # ok: py.ldap-injection.filter-string-building
    conn.search("dc=example,dc=com", "(objectClass=user)", attributes=["mail"])
    return conn.entries


def lookup(xml_bytes, name):
    root = etree.fromstring(xml_bytes, etree.XMLParser(resolve_entities=False))
    # ruleid: py.xpath-injection.string-building
    users = root.xpath(f"//user[@name='{name}']")
    # ruleid: py.xpath-injection.string-building
    first = root.find(".//user[@name='%s']" % name)
    # ruleid: py.xpath-injection.string-building
    finder = etree.XPath("//account[login='" + name + "']/password")
    # ok: py.xpath-injection.string-building
    safe = root.xpath("//user[@name=$name]", name=name)
    # ok: py.xpath-injection.string-building
    plain = root.findall(".//user")
    return users, first, finder, safe, plain
