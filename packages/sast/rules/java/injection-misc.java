package com.example.rampart.misc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import java.beans.XMLDecoder;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.net.URL;
import java.util.regex.Pattern;
import javax.naming.NamingEnumeration;
import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.servlet.http.HttpServletRequest;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;

public class InjectionMiscCases {
    private DirContext ctx;
    private Document users;

    public NamingEnumeration<SearchResult> findUser(String user) throws Exception {
        SearchControls sc = new SearchControls();
        // ruleid: java.ldap-injection.search-filter-concat
        return ctx.search("ou=people,dc=example,dc=com", "(&(objectClass=person)(uid=" + user + "))", sc);
    }

    public NamingEnumeration<SearchResult> findUserVariable(HttpServletRequest request) throws Exception {
        String filter = "(mail=" + request.getParameter("mail") + ")";
        // ruleid: java.ldap-injection.search-filter-concat
        return ctx.search("dc=example,dc=com", filter, new SearchControls());
    }

    public NamingEnumeration<SearchResult> findUserSafe(String user) throws Exception {
        // ok: java.ldap-injection.search-filter-concat
        return ctx.search("ou=people,dc=example,dc=com", "(&(objectClass=person)(uid={0}))", new Object[] {user}, new SearchControls());
    }

    public boolean login(String user, String pass) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        String expr = "/users/user[name='" + user + "' and password='" + pass + "']";
        // ruleid: java.xpath-injection.expression-concat
        return (Boolean) xpath.evaluate(expr, users, XPathConstants.BOOLEAN);
    }

    public Object lookup(String id) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        // ruleid: java.xpath-injection.expression-concat
        return xpath.compile("//order[@id='" + id + "']").evaluate(users);
    }

    public boolean loginSafe(String user) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setXPathVariableResolver(name -> user);
        // ok: java.xpath-injection.expression-concat
        return (Boolean) xpath.evaluate("/users/user[name=$user]", users, XPathConstants.BOOLEAN);
    }

    public Pattern regex(String word) {
        // ok: java.xpath-injection.expression-concat
        return Pattern.compile("\\b" + Pattern.quote(word) + "\\b");
    }

    public Object readSession(InputStream in) throws Exception {
        // ruleid: java.deserialization.object-input-stream
        ObjectInputStream ois = new ObjectInputStream(in);
        return ois.readObject();
    }

    public Object readFiltered(InputStream in) throws Exception {
        // ok: java.deserialization.object-input-stream
        ObjectInputStream ois = new ObjectInputStream(in);
        ois.setObjectInputFilter(ObjectInputFilter.Config.createFilter("com.example.dto.*;!*"));
        return ois.readObject();
    }

    public Object readAllowListed(InputStream in) throws Exception {
        // ok: java.deserialization.object-input-stream
        ObjectInputStream ois = new ObjectInputStream(in) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws java.io.IOException, ClassNotFoundException {
                if (!desc.getName().startsWith("com.example.dto.")) {
                    throw new java.io.InvalidClassException(desc.getName());
                }
                return super.resolveClass(desc);
            }
        };
        return ois.readObject();
    }

    public Object decode(InputStream in) {
        // ruleid: java.deserialization.xml-decoder
        XMLDecoder decoder = new XMLDecoder(in);
        return decoder.readObject();
    }

    public Object decodeSafe(InputStream in) throws Exception {
        // ok: java.deserialization.xml-decoder
        return new ObjectMapper().readValue(in, java.util.Map.class);
    }

    public ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        // ruleid: java.deserialization.jackson-default-typing
        mapper.enableDefaultTyping();
        return mapper;
    }

    public ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper();
        // ok: java.deserialization.jackson-default-typing
        mapper.activateDefaultTyping(BasicPolymorphicTypeValidator.builder().allowIfSubType("com.example.dto.").build());
        return mapper;
    }

    public InputStream fetch(HttpServletRequest request) throws Exception {
        String target = request.getParameter("url");
        // ruleid: java.ssrf.url-from-request
        return new URL(target).openStream();
    }

    public InputStream fetchFixedHost(HttpServletRequest request) throws Exception {
        // ok: java.ssrf.url-from-request
        return new URL("https://api.example.com/items/" + request.getParameter("id")).openStream();
    }

    public InputStream fetchFixed(HttpServletRequest request) throws Exception {
        String id = java.net.URLEncoder.encode(request.getParameter("id"), "UTF-8");
        // ok: java.ssrf.url-from-request
        return new URL("https://api.example.com/items/" + id).openStream();
    }
}
