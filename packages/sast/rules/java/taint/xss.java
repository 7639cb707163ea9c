import java.io.*;
import javax.servlet.http.*;
import org.apache.commons.text.StringEscapeUtils;
import org.owasp.encoder.Encode;
import org.owasp.esapi.ESAPI;
import org.springframework.web.util.HtmlUtils;

public class GreetServlet extends HttpServlet {
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        // ruleid: java.taint.xss
        response.getWriter().println("<h1>Hello " + name + "</h1>");
        PrintWriter out = response.getWriter();
        // ruleid: java.taint.xss
        out.print(request.getHeader("Referer"));
        // ruleid: java.taint.xss
        out.format("<p>%s</p>", name.toUpperCase());
        // ruleid: java.taint.xss
        out.write(new StringBuilder().append("<b>").append(name).append("</b>").toString());
        // ok: java.taint.xss
        out.println("<h1>Hello " + Encode.forHtml(name) + "</h1>");
        // ok: java.taint.xss
        out.println(HtmlUtils.htmlEscape(name));
        // ok: java.taint.xss
        out.println(StringEscapeUtils.escapeHtml4(name));
        // ok: java.taint.xss
        out.println(ESAPI.encoder().encodeForHTML(name));
        // ok: java.taint.xss
        out.println("<p>count: " + Long.parseLong(request.getParameter("count")) + "</p>");
        // ok: java.taint.xss
        System.out.println(name);
        String[] values = request.getParameterValues("v");
        // ruleid: java.taint.xss
        response.getWriter().printf("%s", values[0]);
        // ok: java.taint.xss
        response.getWriter().printf("%d items", values.length);
    }
}
