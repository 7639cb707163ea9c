import javax.naming.directory.*;
import javax.servlet.http.*;
import org.owasp.esapi.ESAPI;

public class LdapServlet extends HttpServlet {
    private DirContext ctx;

    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String user = request.getParameter("user");
        SearchControls sc = new SearchControls();
        String filter = "(&(objectClass=person)(uid=" + user + "))";
        // ruleid: java.taint.ldap-injection
        ctx.search("ou=people,dc=example,dc=com", filter, sc);
        // ok: java.taint.ldap-injection
        ctx.search("ou=people,dc=example,dc=com", "(uid={0})", new Object[] {user}, sc);
        // ok: java.taint.ldap-injection
        ctx.search("ou=people,dc=example,dc=com", "(uid=" + ESAPI.encoder().encodeForLDAP(user) + ")", sc);
        // ok: java.taint.ldap-injection
        ctx.search("ou=people,dc=example,dc=com", "(objectClass=person)", sc);
    }
}
