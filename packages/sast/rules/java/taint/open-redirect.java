import javax.servlet.http.*;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.view.RedirectView;

public class LoginServlet extends HttpServlet {
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String next = request.getParameter("next");
        // ruleid: java.taint.open-redirect
        response.sendRedirect(next);
        // ruleid: java.taint.open-redirect
        response.setHeader("Location", request.getHeader("Referer"));
        // ok: java.taint.open-redirect
        response.sendRedirect("/home?from=" + next);
        // ok: java.taint.open-redirect
        response.sendRedirect("/home");
        if (next.equals("/dashboard")) {
            // ok: java.taint.open-redirect
            response.sendRedirect(next);
        }
    }
}

@Controller
class RedirectController {
    @GetMapping("/go")
    public RedirectView go(@RequestParam String url) {
        // ruleid: java.taint.open-redirect
        return new RedirectView(url);
    }

    @GetMapping("/back")
    public String back(@RequestParam("to") String to, @RequestParam("tab") String tab) {
        if (tab.isEmpty()) {
            // ruleid: java.taint.open-redirect
            return "redirect:" + to;
        }
        // ok: java.taint.open-redirect
        return "redirect:/settings?tab=" + tab;
    }
}
