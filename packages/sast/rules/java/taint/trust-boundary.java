import javax.servlet.http.*;

public class PrefsServlet extends HttpServlet {
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String role = request.getParameter("role");
        HttpSession session = request.getSession();
        // ruleid: java.taint.trust-boundary
        session.setAttribute("role", role);
        // ruleid: java.taint.trust-boundary
        request.getSession().setAttribute(request.getParameter("key"), "x");
        // ok: java.taint.trust-boundary
        session.setAttribute("pageSize", Integer.parseInt(request.getParameter("size")));
        // ok: java.taint.trust-boundary
        session.setAttribute("visited", true);
        // ok: java.taint.trust-boundary
        request.setAttribute("role", role);
    }
}
