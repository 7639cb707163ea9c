import javax.servlet.http.*;
import javax.xml.xpath.*;
import org.w3c.dom.Document;

public class XPathServlet extends HttpServlet {
    private Document doc;

    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String user = request.getParameter("user");
        XPath xpath = XPathFactory.newInstance().newXPath();
        String expr = "/users/user[@name='" + user + "']/email";
        // ruleid: java.taint.xpath-injection
        String email = xpath.evaluate(expr, doc);
        // ruleid: java.taint.xpath-injection
        XPathExpression compiled = xpath.compile("/users/user[@id=" + request.getHeader("X-Id") + "]");
        // ok: java.taint.xpath-injection
        String all = xpath.evaluate("/users/user/email", doc);
        // ok: java.taint.xpath-injection
        xpath.evaluate("/users/user[@id=" + Integer.parseInt(request.getParameter("id")) + "]", doc);
    }
}
