package com.example.rampart.web;

import java.io.IOException;
import java.io.PrintWriter;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.owasp.encoder.Encode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

public class WebOutputCases extends HttpServlet {
    private static final String HOME = "/home";

    protected void greet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // ruleid: java.xss.servlet-writer
        response.getWriter().print("<h1>Hello " + request.getParameter("name") + "</h1>");
    }

    protected void greetVariable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PrintWriter out = response.getWriter();
        String q = request.getParameter("q");
        String html = "<p>Results for " + q + "</p>";
        // ruleid: java.xss.servlet-writer
        out.println(html);
    }

    protected void greetHeader(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String agent = request.getHeader("User-Agent");
        // ruleid: java.xss.servlet-writer
        response.getWriter().format("<p>%s</p>", agent);
    }

    protected void greetEncoded(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // ok: java.xss.servlet-writer
        response.getWriter().print("<h1>Hello " + Encode.forHtml(request.getParameter("name")) + "</h1>");
    }

    protected void greetEncodedVariable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PrintWriter out = response.getWriter();
        String q = request.getParameter("q");
        q = Encode.forHtml(q);
        // ok: java.xss.servlet-writer
        out.println("<p>Results for " + q + "</p>");
    }

    protected void login(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = request.getParameter("next");
        // ruleid: java.open-redirect.send-redirect
        response.sendRedirect(next);
    }

    protected void loginHeader(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(302);
        // ruleid: java.open-redirect.send-redirect
        response.setHeader("Location", request.getParameter("url"));
    }

    protected void loginSafe(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = request.getParameter("next");
        // ok: java.open-redirect.send-redirect
        response.sendRedirect(request.getContextPath() + HOME);
    }

    protected void loginAllowList(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String target = "account".equals(request.getParameter("next")) ? "/account" : HOME;
        // ok: java.open-redirect.send-redirect
        response.sendRedirect(target);
    }

    protected void language(HttpServletRequest request, HttpServletResponse response) {
        String lang = request.getParameter("lang");
        // ruleid: java.header-injection.response-header-from-request
        response.setHeader("Content-Language", lang);
        // ruleid: java.header-injection.response-header-from-request
        response.addCookie(new Cookie("lang", lang));
    }

    protected void languageSafe(HttpServletRequest request, HttpServletResponse response) {
        String lang = request.getParameter("lang");
        String value = lang != null && lang.matches("[a-z]{2}") ? lang : "en";
        // ok: java.header-injection.response-header-from-request
        response.setHeader("Content-Language", "en");
        // ok: java.header-injection.response-header-from-request
        response.addCookie(new Cookie("lang", value));
    }

    protected void remember(HttpServletRequest request) {
        HttpSession session = request.getSession();
        // ruleid: java.trust-boundary.session-attribute-from-request
        session.setAttribute("userRole", request.getParameter("role"));
    }

    protected void rememberSafe(HttpServletRequest request) {
        String role = request.getParameter("role");
        boolean admin = "admin".equals(role) && request.isUserInRole("ADMIN");
        // ok: java.trust-boundary.session-attribute-from-request
        request.getSession().setAttribute("isAdmin", admin);
    }
}

@Controller
class RedirectController {
    @GetMapping("/go")
    public String go(@RequestParam("to") String to) {
        // ruleid: java.open-redirect.send-redirect
        return "redirect:" + to;
    }

    @GetMapping("/go-view")
    public RedirectView goView(@RequestParam("to") String to) {
        // ruleid: java.open-redirect.send-redirect
        return new RedirectView(to);
    }

    @GetMapping("/done")
    public String done(@RequestParam("id") String id) {
        // ok: java.open-redirect.send-redirect
        return "redirect:/orders";
    }
}
